import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../server.ts';
import { deleteSession, SESSION_COOKIE } from './auth.queries.ts';

/** The cookie that holds the CSRF secret (cookieKey of @fastify/csrf-protection in server.ts). */
export const CSRF_COOKIE = 'il_csrf';
const SESSION_MAX_AGE_S = 12 * 60 * 60;

/**
 * Hands the browser a new session after login or a password change: the session it came with
 * ends (no session fixation, no second session left behind), and the CSRF secret is replaced, so
 * form tokens issued before the change are refused afterwards.
 */
export async function startSession(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): Promise<void> {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous && previous !== token) await deleteSession(deps.db, previous);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: SESSION_MAX_AGE_S,
  });
  renewCsrfSecret(request, reply);
}

/** generateCsrf makes a new secret (and sets its cookie) when the request carries none. */
function renewCsrfSecret(request: FastifyRequest, reply: FastifyReply): void {
  delete request.cookies[CSRF_COOKIE];
  reply.generateCsrf();
}
