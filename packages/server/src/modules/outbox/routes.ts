import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePlatformAdmin } from '../../auth/actor.js';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import { listOutbox } from './repository.js';

const OutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

const OutboxResponse = z.object({
  transport: z.enum(['smtp', 'outbox']),
  items: z.array(OutboxMessage),
});

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/outbox',
    {
      schema: {
        tags: ['platform'],
        summary: 'Mail kept by the instance when no SMTP server is configured (platform admins)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: OutboxResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      requirePlatformAdmin(requireActor(request));
      return {
        transport: app.mailer.transport,
        items: await listOutbox(app.database.db, request.query.limit),
      };
    },
  );
};
