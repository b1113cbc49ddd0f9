import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import underPressure from '@fastify/under-pressure';
import type { Database } from '../db/client.js';
import { message } from '../i18n/messages.js';
import { localizedErrorBody } from './error-handler.js';

/** Seconds a shed client is asked to wait (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

/** Liveness and readiness answer even under pressure: a load balancer must hear the truth. */
const exempt = new Set(['/health', '/health/ready']);

export interface OverloadOptions {
  database: Database;
  maxEventLoopDelayMs: number;
  maxDatabaseQueue: number;
  /** How often the database queue is sampled (ms). */
  sampleIntervalMs?: number;
}

/** Whether the client has gone (closed the connection) while its request waited. */
export function hasClientGone(request: FastifyRequest): boolean {
  // Not `raw.destroyed`: a request stream is also destroyed once its body has been read.
  const raw = request.raw;
  return raw.aborted || raw.socket?.destroyed === true;
}

/**
 * Sheds load instead of queueing it: when the event loop lags or too much database work is
 * waiting, new requests get 503 with Retry-After in the API's error shape (so a saturated
 * server answers in milliseconds rather than minutes later). Requests whose client has already
 * gone are dropped before their handler runs.
 */
function shed(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? request.url;
  if (exempt.has(path)) return undefined;
  reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
  return localizedErrorBody(request, 'overloaded', message('overloaded'));
}

async function overload(app: FastifyInstance, options: OverloadOptions) {
  const { database } = options;
  // The event-loop delay is measured here rather than by under-pressure's own option, so that the
  // start-up (migrations, compiling routes: the loop is blocked on purpose) does not count: the
  // measure starts when the app is ready.
  const resolutionMs = 10;
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  let isReady = false;
  app.addHook('onReady', async () => {
    delay.enable();
    delay.reset();
    isReady = true;
  });
  app.addHook('onClose', async () => delay.disable());
  const isHealthy = async () => {
    if (!isReady) return true;
    // The histogram's mean is NaN before its first sample.
    const meanDelayMs = Math.max(0, (delay.mean || 0) / 1e6 - resolutionMs);
    delay.reset();
    return (
      meanDelayMs <= options.maxEventLoopDelayMs &&
      database.queueDepth() <= options.maxDatabaseQueue
    );
  };
  await app.register(underPressure, {
    healthCheck: isHealthy,
    healthCheckInterval: options.sampleIntervalMs ?? 200,
    retryAfter: RETRY_AFTER_SECONDS,
    // under-pressure sends what this returns, and lets the request through on undefined (its
    // types only know the latter).
    pressureHandler: shed as unknown as (request: FastifyRequest, reply: FastifyReply) => void,
  });

  // The last step before a handler: by now the request may have waited (auth, a queue), and
  // work for a client that has gone would only lengthen the queue for those still waiting.
  app.addHook('preHandler', async (request, reply) => {
    if (!hasClientGone(request)) return;
    request.log.info('client closed the connection before the handler ran: not executed');
    reply.hijack();
    request.raw.destroy();
  });
}

/** Not encapsulated: applies to every route of the app. */
export const overloadPlugin = fp(overload, { name: 'klik-overload' });
