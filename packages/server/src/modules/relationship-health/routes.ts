import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import {
  HealthList,
  HealthParams,
  HealthQuery,
  NudgeBody,
  NudgeResponse,
  NudgeTemplate,
  RelationshipHealthParams,
  TemplateQuery,
} from './schema.js';
import * as service from './service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const relationshipHealthRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/programmes/:programmeId/health',
    {
      schema: {
        tags: ['relationship health'],
        summary:
          'Relationships of the programme that may need help, with the signals and the facts behind them (managers); never an answer or a text',
        params: HealthParams,
        querystring: HealthQuery,
        response: { 200: HealthList, ...errors },
      },
    },
    async (request) =>
      service.listHealth(
        { db, now: app.clock() },
        requireActor(request),
        request.params.programmeId,
        request.query,
      ),
  );

  app.get(
    '/api/programmes/:programmeId/health/:relationshipId/nudge-template',
    {
      schema: {
        tags: ['relationship health'],
        summary: 'The prewritten nudge for a relationship, in Dutch and English (managers)',
        params: RelationshipHealthParams,
        querystring: TemplateQuery,
        response: { 200: NudgeTemplate, ...errors },
      },
    },
    async (request) =>
      service.getNudgeTemplate(
        { db, now: app.clock() },
        requireActor(request),
        request.params.programmeId,
        request.params.relationshipId,
        request.query.signal,
      ),
  );

  app.post(
    '/api/programmes/:programmeId/health/:relationshipId/nudges',
    {
      schema: {
        tags: ['relationship health'],
        summary:
          'Nudge one or both sides of a relationship: each recipient is told in the app and by mail, in their language (managers)',
        params: RelationshipHealthParams,
        body: NudgeBody,
        response: { 201: NudgeResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.sendNudge(
            { db, now: app.clock(), mailer: app.mailer, baseUrl: app.config.baseUrl },
            requireActor(request),
            request.params.programmeId,
            request.params.relationshipId,
            request.body,
          ),
        ),
  );
};
