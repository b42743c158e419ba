import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderDocument, type PageContext } from './layout.tsx';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isApiRequest(request: FastifyRequest): boolean {
  return (
    request.url.startsWith('/api/v1') ||
    request.url.startsWith('/healthz') ||
    request.url.startsWith('/openapi.json')
  );
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    actor: request.actor,
    csrfToken: reply.generateCsrf(),
    path: request.url.split('?')[0] ?? '/',
  };
}

export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderDocument(page));
}
