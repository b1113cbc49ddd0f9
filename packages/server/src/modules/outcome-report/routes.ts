import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import {
  CohortBody,
  CohortParams,
  CohortRef,
  OutcomeReport,
  ProgrammeReportParams,
  ReportQuery,
  SponsorHome,
} from './schema.js';
import * as service from './service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  422: ErrorResponse,
};
const tags = ['outcomes'];

/** The outcome report, its cohorts and the sponsor's home (issue 11, rules 3 and 4). */
export const outcomeReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): service.Deps => ({ db: app.database.db, now: app.clock });

  app.get(
    '/api/programmes/:programmeId/outcomes',
    {
      schema: {
        tags,
        summary:
          "A programme's outcome report, or one cohort's (sponsors, programme managers, org admins)",
        params: ProgrammeReportParams,
        querystring: ReportQuery,
        response: { 200: OutcomeReport, ...errors },
      },
    },
    async (request) =>
      service.programmeReport(
        deps(),
        requireActor(request),
        request.params.programmeId,
        request.query,
      ),
  );

  app.get(
    '/api/outcomes',
    {
      schema: {
        tags,
        summary:
          "The organisation's outcome report over all its programmes (org sponsors, managers)",
        response: { 200: OutcomeReport, ...errors },
      },
    },
    async (request) => service.organisationReport(deps(), requireActor(request)),
  );

  app.get(
    '/api/outcomes/sponsored',
    {
      schema: {
        tags,
        summary: 'The programmes the caller sponsors, with their headline figures',
        response: { 200: SponsorHome, ...errors },
      },
    },
    async (request) => service.sponsorHome(deps(), requireActor(request)),
  );

  app.get(
    '/api/programmes/:programmeId/cohorts',
    {
      schema: {
        tags,
        summary: "A programme's cohorts (its runs), oldest first (whoever may read its report)",
        params: ProgrammeReportParams,
        response: { 200: z.object({ items: z.array(CohortRef) }), ...errors },
      },
    },
    async (request) =>
      service.listCohorts(deps(), requireActor(request), request.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/cohorts',
    {
      schema: {
        tags,
        summary: 'Start a new cohort (run) of the programme on a date (programme managers)',
        params: ProgrammeReportParams,
        body: CohortBody,
        response: { 201: CohortRef, ...errors },
      },
    },
    async (request, reply) => {
      const cohort = await service.createCohort(
        deps(),
        requireActor(request),
        request.params.programmeId,
        request.body,
      );
      return reply.status(201).send(cohort);
    },
  );

  app.patch(
    '/api/programmes/:programmeId/cohorts/:cohortId',
    {
      schema: {
        tags,
        summary: 'Rename a cohort or move its start (programme managers)',
        params: CohortParams,
        body: CohortBody.partial(),
        response: { 200: CohortRef, ...errors },
      },
    },
    async (request) =>
      service.updateCohort(deps(), requireActor(request), request.params, request.body),
  );

  app.delete(
    '/api/programmes/:programmeId/cohorts/:cohortId',
    {
      schema: {
        tags,
        summary:
          'Remove a cohort: its people and relationships belong to the cohort before it (programme managers)',
        params: CohortParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteCohort(deps(), requireActor(request), request.params);
      return reply.status(204).send(null);
    },
  );
};
