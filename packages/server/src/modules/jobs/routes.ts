import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import { JobList, JobListQuery, JobResponse } from './schema.js';
import * as service from './service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/admin/jobs',
    {
      schema: {
        tags: ['platform'],
        summary:
          'Background jobs by state (default: failed ones, with attempts and last error) and counts per state (platform admins)',
        querystring: JobListQuery,
        response: { 200: JobList, ...errors },
      },
    },
    async (request) => service.listJobs(db, requireActor(request), request.query),
  );

  app.post(
    '/api/admin/jobs/:id/retry',
    {
      schema: {
        tags: ['platform'],
        summary: 'Queue a failed job again, from its first attempt (platform admins)',
        params: IdParams,
        response: { 200: JobResponse, ...errors },
      },
    },
    async (request) => {
      const job = await service.retryJob(db, requireActor(request), request.params.id, app.clock());
      app.jobs.kick([job.kind]);
      return job;
    },
  );
};
