import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import { MeResponse, UpdateMeRequest } from './schema.js';
import { describeMe, updateMe } from './service.js';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me',
    {
      schema: {
        tags: ['me'],
        summary: 'The signed-in user, their organisation and role',
        response: { 200: MeResponse, 401: ErrorResponse },
      },
    },
    async (request) => describeMe(app.database.db, requireActor(request)),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Remember the interface language and the preferred first name (audited)',
        body: UpdateMeRequest,
        response: { 200: MeResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => updateMe(app.database.db, requireActor(request), request.body, app.clock()),
  );
};
