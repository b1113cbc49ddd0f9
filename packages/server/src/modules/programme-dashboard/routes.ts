import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import { DashboardParams, DashboardQuery, DashboardResponse } from './schema.js';
import { getDashboard } from './service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const programmeDashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/programmes/:programmeId/dashboard',
    {
      schema: {
        tags: ['programmes'],
        summary:
          'How the programme is going, in figures computed by the database, for a period and per group (managers)',
        params: DashboardParams,
        querystring: DashboardQuery,
        response: { 200: DashboardResponse, ...errors },
      },
    },
    async (request) =>
      getDashboard(
        { db, now: app.clock() },
        requireActor(request),
        request.params.programmeId,
        request.query,
      ),
  );
};
