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
    demoClock: request.demoClock,
  };
}

export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderDocument(page));
}

/** A fixed origin to resolve return targets against; only its paths are ever redirect targets. */
const OWN_ORIGIN = 'https://portal.invalid';
const MAX_TARGET_LENGTH = 500;

/**
 * The one gate for every redirect whose target comes from the user (`weiter` after login, the
 * return target of a 401): only a path on this site, normalised, comes back; anything else is
 * `undefined` and the caller uses its default. Browsers silently drop tabs and line breaks inside
 * URLs and read "\" as "/", so "/\t/evil.example" or "/\evil.example" would leave the site: a
 * target with a control character or backslash is refused outright, not cleaned. What is left is
 * resolved with the WHATWG URL parser (as browsers do) and must stay on the fixed origin with a
 * path that does not itself start with "//" ("/..//evil" normalises to "//evil").
 */
export function localRedirectTarget(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_TARGET_LENGTH) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== OWN_ORIGIN || url.pathname.startsWith('//')) return undefined;
  // The login page itself as a return target would send a logged-in user round in circles.
  if (url.pathname === '/anmelden') return undefined;
  return url.pathname + url.search;
}
