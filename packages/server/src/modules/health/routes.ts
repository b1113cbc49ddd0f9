import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** How long readiness waits for the database before it says "not ready". */
export const READINESS_TIMEOUT_MS = 1000;

const LivenessResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
});

const ReadinessResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
});

class Timeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Liveness (`/health`) says the process answers: it touches nothing else, so it stays fast while
 * the database is slow or the server sheds load. Readiness (`/health/ready`) asks the database and
 * answers 503 when it does not answer within READINESS_TIMEOUT_MS: a load balancer stops sending
 * traffic to this process until it is ready again.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process answers (no database call)',
        response: { 200: LivenessResponse },
      },
    },
    async () => ({ status: 'ok' as const, database: app.database.kind }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers within a second',
        response: { 200: ReadinessResponse, 503: ReadinessResponse },
      },
    },
    async (request, reply) => {
      const database = app.database.kind;
      try {
        await withTimeout(app.database.db.execute(sql`select 1`), READINESS_TIMEOUT_MS);
        return { status: 'ok' as const, database };
      } catch (error) {
        request.log.error({ err: error }, 'readiness check: the database does not answer');
        return reply.status(503).send({ status: 'unavailable' as const, database });
      }
    },
  );
};
