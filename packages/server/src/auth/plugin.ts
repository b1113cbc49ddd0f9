import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import * as schema from '../db/schema.js';
import { unauthenticated } from '../errors.js';
import { errorBody, localizedErrorBody } from '../http/error-handler.js';
import { message } from '../i18n/messages.js';
import type { Config } from '../config.js';
import { displayName } from '../modules/people/display-name.js';
import type { Auth } from './auth.js';
import type { Actor } from './actor.js';
import { ACTOR_CACHE_SECONDS, ActorCache, sessionKey } from './actor-cache.js';
import {
  ACCOUNT_WINDOW_SECONDS,
  ADDRESS_WINDOW_SECONDS,
  accountKey,
  addressKey,
  clearAttempts,
  consumeAttempt,
} from './throttle.js';

function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === 'x-klik-client-ip') continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  // The client address as Fastify resolved it (TRUST_PROXY aware): the rate limiter's key.
  headers.set('x-klik-client-ip', request.ip);
  return headers;
}

/**
 * Who is calling: the signed-in user and their membership, or null. The session comes from
 * better-auth's signed cookie cache when it is fresh (no database), else from the database, in
 * which case better-auth answers a renewed cache cookie: it is passed on to the reply.
 */
export async function loadActor(
  auth: Auth,
  db: Db,
  request: FastifyRequest,
  reply?: FastifyReply,
): Promise<Actor | null> {
  const { headers, response: result } = await auth.api.getSession({
    headers: toHeaders(request),
    returnHeaders: true,
  });
  const cookies = headers.getSetCookie();
  if (reply && cookies.length > 0) reply.header('set-cookie', cookies);
  if (!result) return null;
  // One indexed lookup (user by id, person by user id, organisation by id): the membership is
  // read fresh, so a deactivation or role change counts from the next time the caller is
  // resolved. The names and the organisation's summary come along, so that GET /api/me needs no
  // query of its own.
  const [row] = await db
    .select({
      userId: schema.user.id,
      email: schema.user.email,
      name: schema.user.name,
      givenName: schema.person.givenName,
      familyName: schema.person.familyName,
      preferredName: schema.person.preferredName,
      locale: schema.user.locale,
      isPlatformAdmin: schema.user.isPlatformAdmin,
      personId: schema.person.id,
      organisationId: schema.person.organisationId,
      role: schema.person.role,
      isActive: schema.person.isActive,
      organisationName: schema.organisation.name,
      organisationLocale: schema.organisation.defaultLocale,
    })
    .from(schema.user)
    .leftJoin(schema.person, eq(schema.person.userId, schema.user.id))
    .leftJoin(schema.organisation, eq(schema.organisation.id, schema.person.organisationId))
    .where(eq(schema.user.id, result.user.id));
  if (!row) return null;
  const member =
    row.personId && row.organisationId && row.role && row.isActive
      ? { personId: row.personId, organisationId: row.organisationId, role: row.role }
      : null;
  if (!member && !row.isPlatformAdmin) return null;
  return {
    userId: row.userId,
    email: row.email,
    // What others see comes from the directory (HR), never from the user account's own name.
    name:
      row.givenName !== null && row.familyName !== null
        ? displayName({
            givenName: row.givenName,
            familyName: row.familyName,
            preferredName: row.preferredName,
          })
        : row.name,
    locale: row.locale === 'nl' || row.locale === 'en' ? row.locale : null,
    isPlatformAdmin: row.isPlatformAdmin,
    member,
    memberDetails:
      member && row.givenName !== null && row.familyName !== null && row.organisationName !== null
        ? {
            givenName: row.givenName,
            familyName: row.familyName,
            preferredName: row.preferredName,
            organisation: {
              id: member.organisationId,
              name: row.organisationName,
              defaultLocale: row.organisationLocale ?? 'nl',
            },
          }
        : null,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * better-auth endpoints that would let people change what only the directory sets: their name,
 * picture and email address. Names come from HR; a preferred first name is set through PATCH
 * /api/me.
 */
const DIRECTORY_OWNED_PATHS = new Set(['/update-user', '/change-email', '/delete-user']);

/**
 * What is throttled in front of better-auth. `account` says how the account counter is used:
 * 'failures' counts failed password sign-ins (cleared on success), 'mails' counts every sign-in
 * or reset mail asked for, null means the path is throttled per address only.
 */
const THROTTLED_PATHS: Record<string, 'failures' | 'mails' | null> = {
  '/sign-in/email': 'failures',
  '/sign-in/magic-link': 'mails',
  '/request-password-reset': 'mails',
  '/forget-password': 'mails',
  '/send-verification-email': 'mails',
  '/magic-link/verify': null,
  '/reset-password': null,
};

/**
 * The better-auth path of a request, normalised generously (case, repeated and trailing slashes,
 * percent-encoding): a spelling better-auth would refuse anyway may be throttled too, but no
 * spelling that better-auth routes can slip past the throttle or the block.
 */
export function authPath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // keep the raw path
  }
  path = path
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
  path = path.startsWith('/api/auth') ? path.slice('/api/auth'.length) : path;
  if (path.startsWith('/reset-password/')) return '/reset-password';
  return path || '/';
}

function emailOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const email = (body as { email?: unknown }).email;
  return typeof email === 'string' && email.trim().length > 0 ? email : null;
}

/**
 * Mounts better-auth under /api/auth and resolves the caller on every API request. Auth errors
 * are rewritten into the API's one error shape.
 */
async function auth(app: FastifyInstance, opts: { auth: Auth; db: Db; config: Config }) {
  const { db, config } = opts;
  const betterAuth = opts.auth;
  app.decorateRequest('actor', null);

  /** Counts the attempt; answers the seconds to wait when it is over a limit, else null. */
  async function throttle(request: FastifyRequest, path: string): Promise<number | null> {
    if (!(path in THROTTLED_PATHS)) return null;
    const now = app.clock();
    const byAddress = await consumeAttempt(
      db,
      addressKey(request.ip),
      { windowSeconds: ADDRESS_WINDOW_SECONDS, limit: config.signInAddressRateLimit },
      now,
    );
    if (!byAddress.allowed) return byAddress.retryAfterSeconds;
    const email = THROTTLED_PATHS[path] ? emailOf(request.body) : null;
    if (!email) return null;
    const byAccount = await consumeAttempt(
      db,
      accountKey(email),
      { windowSeconds: ACCOUNT_WINDOW_SECONDS, limit: config.signInRateLimit },
      now,
    );
    return byAccount.allowed ? null : byAccount.retryAfterSeconds;
  }

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`);
      const path = authPath(url.pathname);
      if (DIRECTORY_OWNED_PATHS.has(path)) {
        reply.status(403);
        return reply.send(localizedErrorBody(request, 'forbidden', message('setByDirectory')));
      }
      const retryAfter = await throttle(request, path);
      if (retryAfter !== null) {
        reply.status(429).header('retry-after', String(retryAfter));
        const text =
          retryAfter > 60
            ? message('rateLimitedMinutes', { minutes: Math.ceil(retryAfter / 60) })
            : message('rateLimited');
        return reply.send(localizedErrorBody(request, 'rate_limited', text));
      }
      const init: RequestInit = { method: request.method, headers: toHeaders(request) };
      if (request.method !== 'GET' && request.body !== undefined) {
        init.body = JSON.stringify(request.body);
      }
      const response = await betterAuth.handler(new Request(url, init));
      const email = emailOf(request.body);
      if (THROTTLED_PATHS[path] === 'failures' && email && response.ok) {
        await clearAttempts(db, accountKey(email));
      }
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      const text = await response.text();
      if (response.status >= 400) {
        let authMessage = response.statusText || 'Request failed';
        let code = response.status === 429 ? 'rate_limited' : 'auth_failed';
        try {
          const parsed = JSON.parse(text) as { message?: string; code?: string };
          if (parsed.message) authMessage = parsed.message;
          if (parsed.code && response.status !== 429) code = parsed.code.toLowerCase();
        } catch {
          // not JSON: keep the status text
        }
        reply.header('content-type', 'application/json; charset=utf-8');
        // better-auth writes English; the web app words these answers itself, by code.
        if (response.status === 429) {
          return reply.send(localizedErrorBody(request, code, message('rateLimited')));
        }
        return reply.send(errorBody(code, authMessage));
      }
      return reply.send(text.length > 0 ? text : null);
    },
  });

  // Most requests are answered from the actor cache: no better-auth call, no database.
  const actors = new ActorCache(ACTOR_CACHE_SECONDS * 1000);
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/auth/')) return;
    const key = sessionKey(request.headers.cookie);
    if (key === null) return;
    const cached = actors.get(key);
    if (cached) {
      request.actor = cached;
      return;
    }
    const generation = actors.generation;
    request.actor = await loadActor(betterAuth, db, request, reply);
    if (request.actor) actors.set(key, request.actor, generation);
  });
  // A write (a deactivation, a role or name change, a sign-out) may change who anyone is.
  app.addHook('onSend', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') actors.invalidateAll();
  });
}

/** Not encapsulated: the caller is resolved for every route of the app. */
export const authPlugin = fp(auth, { name: 'klik-auth' });

/** The signed-in caller, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
