import type { FastifyInstance, FastifyRequest } from 'fastify';
import { message } from '../i18n/messages.js';
import { localizedErrorBody } from './error-handler.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/**
 * The one write that may come from anywhere: RFC 8058 one-click unsubscribe. Mail providers
 * (Gmail, Yahoo, Apple Mail) POST `List-Unsubscribe=One-Click` to the address in a reminder's
 * `List-Unsubscribe` header from their own servers, with no Origin and no Sec-Fetch-Site. It is
 * safe to let through: the route reads no session (a cookie sent along changes nothing), its
 * only permission is the signed token in the address, which only the mail's recipient has, and
 * its only effect is that reminder mail stops (undone from the page the mail links to).
 */
export const ORIGIN_FREE_WRITES: ReadonlySet<string> = new Set(['POST /api/unsubscribe']);

function isOriginFreeWrite(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? request.url;
  return ORIGIN_FREE_WRITES.has(`${request.method} ${path}`);
}

/** The origin of a URL, or null when it is not one (`Origin: null` from a sandboxed page). */
function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request was sent by a page of Klik itself: its `Origin` is the public
 * URL's origin or, when a browser sends no Origin, `Sec-Fetch-Site` says same-origin. A request
 * with neither is refused too: browsers send one of them on every write, and a client that sends
 * neither (a script) can send `Origin` itself.
 */
export function isSameOriginRequest(
  request: FastifyRequest,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const parsed = originOf(origin);
    return parsed !== null && allowedOrigins.has(parsed);
  }
  return request.headers['sec-fetch-site'] === 'same-origin';
}

/**
 * Refuses a cross-site write (CSRF) before anything else runs, better-auth's routes included:
 * the session cookie alone never authorises a POST, PUT, PATCH or DELETE to the API.
 */
export function registerCsrfGuard(
  app: FastifyInstance,
  publicUrl: string,
  otherOrigins: readonly string[] = [],
): void {
  const publicOrigin = new URL(publicUrl).origin;
  const allowed = new Set([publicOrigin, ...otherOrigins]);
  app.addHook('onRequest', async (request, reply) => {
    if (!stateChanging.has(request.method) || !isApiPath(request.url)) return;
    if (isSameOriginRequest(request, allowed) || isOriginFreeWrite(request)) return;
    request.log.info(
      {
        origin: request.headers.origin ?? null,
        secFetchSite: request.headers['sec-fetch-site'] ?? null,
        expected: publicOrigin,
      },
      'cross-origin write refused',
    );
    return reply
      .status(403)
      .send(localizedErrorBody(request, 'csrf_origin', message('csrfOrigin')));
  });
}
