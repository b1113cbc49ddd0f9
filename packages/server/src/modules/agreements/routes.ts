import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import { requestLocale } from '../../i18n/request-locale.js';
import type { Deps } from './deps.js';
import * as goals from './goals.js';
import * as ratings from './ratings.js';
import {
  AgreementFields,
  AgreementState,
  ConfirmBody,
  Goal,
  GoalBody,
  GoalList,
  GoalNoteBody,
  GoalParams,
  GoalPatch,
  RatingBody,
  RatingsState,
} from './schema.js';
import * as agreements from './service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const tags = ['relationships'];

/** The agreement, the self-ratings and the goals of a relationship: its participants only. */
export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (request: FastifyRequest): Deps => ({
    db: app.database.db,
    mailer: app.mailer,
    baseUrl: app.config.baseUrl,
    now: app.clock,
    locale: requestLocale(request),
  });

  app.get(
    '/api/relationships/:id/agreement',
    {
      schema: {
        tags,
        summary: 'The agreement: its newest version and who confirmed it, or a draft to start from',
        params: IdParams,
        response: { 200: AgreementState, ...errors },
      },
    },
    async (request) =>
      agreements.getAgreement(deps(request), requireActor(request), request.params.id),
  );

  app.put(
    '/api/relationships/:id/agreement',
    {
      schema: {
        tags,
        summary: 'Propose a (new version of the) agreement; the others are asked to confirm it',
        params: IdParams,
        body: AgreementFields,
        response: { 200: AgreementState, ...errors },
      },
    },
    async (request) =>
      agreements.proposeAgreement(
        deps(request),
        requireActor(request),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    '/api/relationships/:id/agreement/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the newest version of the agreement',
        params: IdParams,
        body: ConfirmBody,
        response: { 200: AgreementState, ...errors },
      },
    },
    async (request) =>
      agreements.confirmAgreement(
        deps(request),
        requireActor(request),
        request.params.id,
        request.body.version,
      ),
  );

  app.get(
    '/api/relationships/:id/ratings',
    {
      schema: {
        tags,
        summary: 'Self-ratings of the agreed skills: my own values, and whether the others rated',
        params: IdParams,
        response: { 200: RatingsState, ...errors },
      },
    },
    async (request) => ratings.getRatings(deps(request), requireActor(request), request.params.id),
  );

  app.put(
    '/api/relationships/:id/ratings',
    {
      schema: {
        tags,
        summary: 'Rate yourself (1–5) on a skill you are learning, at the start or at the end',
        params: IdParams,
        body: RatingBody,
        response: { 200: RatingsState, ...errors },
      },
    },
    async (request) =>
      ratings.rateSkill(deps(request), requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/relationships/:id/goals',
    {
      schema: {
        tags,
        summary: 'The goals of the relationship with their progress notes',
        params: IdParams,
        response: { 200: GoalList, ...errors },
      },
    },
    async (request) => goals.listGoals(deps(request), requireActor(request), request.params.id),
  );

  app.post(
    '/api/relationships/:id/goals',
    {
      schema: {
        tags,
        summary: 'Add a goal',
        params: IdParams,
        body: GoalBody,
        response: { 201: Goal, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await goals.addGoal(
            deps(request),
            requireActor(request),
            request.params.id,
            request.body,
          ),
        ),
  );

  app.patch(
    '/api/relationships/:id/goals/:goalId',
    {
      schema: {
        tags,
        summary: "Change a goal's title or status",
        params: GoalParams,
        body: GoalPatch,
        response: { 200: Goal, ...errors },
      },
    },
    async (request) =>
      goals.changeGoal(
        deps(request),
        requireActor(request),
        request.params.id,
        request.params.goalId,
        request.body,
      ),
  );

  app.delete(
    '/api/relationships/:id/goals/:goalId',
    {
      schema: {
        tags,
        summary: 'Delete a goal you added, with its progress notes',
        params: GoalParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await goals.deleteGoal(
        deps(request),
        requireActor(request),
        request.params.id,
        request.params.goalId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/relationships/:id/goals/:goalId/notes',
    {
      schema: {
        tags,
        summary: 'Add a progress note to a goal (every participant reads it)',
        params: GoalParams,
        body: GoalNoteBody,
        response: { 201: Goal, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await goals.addGoalNote(
            deps(request),
            requireActor(request),
            request.params.id,
            request.params.goalId,
            request.body,
          ),
        ),
  );
};
