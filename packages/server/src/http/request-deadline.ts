import type { FastifyInstance } from 'fastify';
import { message, renderMessage } from '../i18n/messages.js';
import { requestLocale } from '../i18n/request-locale.js';
import { errorBody } from './error-handler.js';

/**
 * Every request is answered within `timeoutMs`: one still running then (a database that went
 * silent, a stuck dependency) gets a 503 with Retry-After in the error shape, and whatever the
 * handler sends later is dropped. The database's own timeouts normally end such work first.
 */
export function registerRequestDeadline(app: FastifyInstance, timeoutMs: number): void {
  const timers = new WeakMap<object, NodeJS.Timeout>();
  app.addHook('onRequest', async (request, reply) => {
    const timer = setTimeout(() => {
      if (reply.sent || request.raw.destroyed) return;
      request.log.warn({ timeoutMs }, 'request deadline passed');
      void reply
        .status(503)
        .header('retry-after', '5')
        .send(
          errorBody('timeout', renderMessage(message('requestTimedOut'), requestLocale(request))),
        );
    }, timeoutMs);
    timer.unref();
    timers.set(request, timer);
  });
  app.addHook('onResponse', async (request) => {
    clearTimeout(timers.get(request));
  });
}
