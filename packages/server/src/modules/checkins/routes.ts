import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import {
  AnswerBody,
  CheckInDetail,
  CheckInList,
  CheckInPageQuery,
  ProgrammeCheckInQuestions,
  QuestionsBody,
  QuestionsParams,
} from './schema.js';
import * as service from './service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  422: ErrorResponse,
};

/** Check-ins: a person's own (answers only ever to them), and a programme's questions. */
export const checkInRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/check-ins',
    {
      schema: {
        tags: ['check-ins'],
        summary: 'My check-ins: open ones first, then the newest (never the answers)',
        querystring: CheckInPageQuery,
        response: { 200: CheckInList, ...errors },
      },
    },
    async (request) => service.listMyCheckIns(db, requireActor(request), request.query),
  );

  app.get(
    '/api/check-ins/:id',
    {
      schema: {
        tags: ['check-ins'],
        summary: 'One of my check-ins with its questions and my answers (anyone else: 404)',
        params: IdParams,
        response: { 200: CheckInDetail, ...errors },
      },
    },
    async (request) => service.getMyCheckIn(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/check-ins/:id/answers',
    {
      schema: {
        tags: ['check-ins'],
        summary: 'Answer my open check-in (once; 422 when answered or missed)',
        params: IdParams,
        body: AnswerBody,
        response: { 200: CheckInDetail, ...errors },
      },
    },
    async (request) =>
      service.answerCheckIn(
        db,
        requireActor(request),
        request.params.id,
        request.body.answers,
        app.clock(),
      ),
  );

  app.get(
    '/api/programmes/:programmeId/check-in-questions',
    {
      schema: {
        tags: ['check-ins'],
        summary: 'The questions of the programme’s check-ins (managers)',
        params: QuestionsParams,
        response: { 200: ProgrammeCheckInQuestions, ...errors },
      },
    },
    async (request) =>
      service.getProgrammeQuestions(db, requireActor(request), request.params.programmeId),
  );

  app.put(
    '/api/programmes/:programmeId/check-in-questions',
    {
      schema: {
        tags: ['check-ins'],
        summary:
          'Change the questions of the programme’s check-ins (managers); the change log records it',
        params: QuestionsParams,
        body: QuestionsBody,
        response: { 200: ProgrammeCheckInQuestions, ...errors },
      },
    },
    async (request) =>
      service.setProgrammeQuestions(
        db,
        requireActor(request),
        request.params.programmeId,
        request.body.questions,
      ),
  );
};
