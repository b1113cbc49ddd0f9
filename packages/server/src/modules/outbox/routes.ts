import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import { requestLocale } from '../../i18n/request-locale.js';
import { OutboxQuery, OutboxResponse } from './schema.js';
import { listOutbox } from './service.js';

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/outbox',
    {
      schema: {
        tags: ['platform'],
        summary:
          'Mail written by the instance (platform admins); sign-in and reset links only in demo mode',
        querystring: OutboxQuery,
        response: { 200: OutboxResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => ({
      transport: app.mailer.transport,
      isDemo: app.config.loadDemoData,
      items: await listOutbox(app.database.db, requireActor(request), {
        limit: request.query.limit,
        isDemo: app.config.loadDemoData,
        locale: requestLocale(request),
      }),
    }),
  );
};
