import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../http/schemas.js';
import {
  UnsubscribeBody,
  UnsubscribePostQuery,
  UnsubscribeQuery,
  UnsubscribeStatus,
} from './schema.js';
import { readUnsubscribe, resubscribe, unsubscribe } from './service.js';

/** The address mail clients POST to for one-click unsubscribe (see http/csrf.ts). */
export const ONE_CLICK_UNSUBSCRIBE_PATH = '/api/unsubscribe';

/**
 * Unsubscribing from reminder-type mail, without signing in: the signed token from the mail is
 * the permission. It shows the category and a masked address only.
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  // RFC 8058: the mail provider POSTs `List-Unsubscribe=One-Click` as a form (urlencoded or
  // multipart). Only this plugin reads forms; their fields are not needed (the token is in the
  // address), so they are read as text and the urlencoded ones kept.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, _body, done) => done(null, {}),
  );

  const sign = (value: string) => app.mailer.sign(value);

  app.get(
    ONE_CLICK_UNSUBSCRIBE_PATH,
    {
      schema: {
        tags: ['mail'],
        summary:
          'What an unsubscribe link stops (no sign-in): the category and a masked address; a browser is sent to the page',
        querystring: UnsubscribeQuery,
        response: { 200: UnsubscribeStatus, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      // A mail client without one-click opens the List-Unsubscribe address in a browser: the
      // person gets the page (which asks before it changes anything), not JSON.
      if (request.headers.accept?.includes('text/html')) {
        const token = encodeURIComponent(request.query.token);
        return reply.redirect(`/unsubscribe?token=${token}`, 303);
      }
      return readUnsubscribe(app.database.db, sign, request.query.token);
    },
  );

  app.post(
    ONE_CLICK_UNSUBSCRIBE_PATH,
    {
      schema: {
        tags: ['mail'],
        summary:
          'Stop a kind of mail (no sign-in): the token in the body, or one-click (RFC 8058) in the address',
        querystring: UnsubscribePostQuery,
        body: UnsubscribeBody,
        response: { 200: UnsubscribeStatus, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) =>
      unsubscribe(app.database.db, sign, request.body.token ?? request.query.token),
  );

  app.delete(
    ONE_CLICK_UNSUBSCRIBE_PATH,
    {
      schema: {
        tags: ['mail'],
        summary: 'Subscribe again to a kind of mail stopped with this link (no sign-in)',
        querystring: UnsubscribeQuery,
        response: { 200: UnsubscribeStatus, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => resubscribe(app.database.db, sign, request.query.token),
  );
};
