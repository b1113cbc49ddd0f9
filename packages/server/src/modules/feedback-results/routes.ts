import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import { ResultsQuery, ResultsResponse } from './schema.js';
import * as service from './service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const feedbackResultRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/programmes/:id/results',
    {
      schema: {
        tags: ['feedback'],
        summary:
          "A programme's anonymous feedback results: check-in distributions, comments and outcome figures, per group where the anonymity rules allow (managers)",
        params: IdParams,
        querystring: ResultsQuery,
        response: { 200: ResultsResponse, ...errors },
      },
    },
    async (request) =>
      service.programmeResults(db, requireActor(request), request.params.id, request.query),
  );
};
