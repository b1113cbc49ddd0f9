import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import {
  ActionParams,
  CreatedFeedbackAction,
  FeedbackAction,
  FeedbackActionFields,
  FeedbackActionList,
  FeedbackActionListQuery,
  FeedbackActionPatch,
} from './schema.js';
import * as service from './service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  422: ErrorResponse,
};
const tags = ['programmes'];

/** "You said, we did": what a programme changed because of feedback (issue 10, rule 6). */
export const feedbackActionRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): service.Deps => ({
    db: app.database.db,
    mailer: app.mailer,
    baseUrl: app.config.baseUrl,
    now: app.clock,
  });

  app.get(
    '/api/programmes/:id/feedback-actions',
    {
      schema: {
        tags,
        summary: "A programme's “you said, we did”, newest first (whoever may see the programme)",
        params: IdParams,
        querystring: FeedbackActionListQuery,
        response: { 200: FeedbackActionList, ...errors },
      },
    },
    async (request) =>
      service.listActions(deps(), requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/api/programmes/:id/feedback-actions',
    {
      schema: {
        tags,
        summary:
          'Record what the programme changed because of feedback; every participant is told once (managers)',
        params: IdParams,
        body: FeedbackActionFields,
        response: { 201: CreatedFeedbackAction, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.createAction(
        deps(),
        requireActor(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/programmes/:id/feedback-actions/:actionId',
    {
      schema: {
        tags,
        summary: 'Correct a “you said, we did”; nobody is notified again (managers)',
        params: ActionParams,
        body: FeedbackActionPatch,
        response: { 200: FeedbackAction, ...errors },
      },
    },
    async (request) =>
      service.updateAction(
        deps(),
        requireActor(request),
        request.params.id,
        request.params.actionId,
        request.body,
      ),
  );

  app.delete(
    '/api/programmes/:id/feedback-actions/:actionId',
    {
      schema: {
        tags,
        summary: 'Delete a “you said, we did” (managers)',
        params: ActionParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteAction(
        deps(),
        requireActor(request),
        request.params.id,
        request.params.actionId,
      );
      return reply.status(204).send(null);
    },
  );
};
