import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, PageQuery } from '../../http/schemas.js';
import { requestLocale } from '../../i18n/request-locale.js';
import { listNotifications, markAllRead } from './service.js';

const NotificationList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      text: z.string(),
      link: z.string().nullable(),
      isRead: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  total: z.number().int(),
});

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My in-app notifications, newest first, one page at a time',
        querystring: PageQuery,
        response: { 200: NotificationList, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return listNotifications(app.database.db, actor, requestLocale(request), request.query);
    },
  );
  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        response: { 204: z.null(), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      await markAllRead(app.database.db, requireActor(request));
      return reply.status(204).send(null);
    },
  );
};
