import { desc } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePlatformAdmin } from '../../auth/actor.js';
import { requireActor } from '../../auth/plugin.js';
import { mailOutbox } from '../../db/schema.js';
import { ErrorResponse } from '../../http/schemas.js';

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
      const rows = await app.database.db
        .select()
        .from(mailOutbox)
        .orderBy(desc(mailOutbox.createdAt))
        .limit(request.query.limit);
      return {
        transport: app.mailer.transport,
        items: rows.map((row) => ({
          id: row.id,
          to: row.toAddress,
          subject: row.subject,
          text: row.text,
          createdAt: row.createdAt.toISOString(),
        })),
      };
    },
  );
};
