import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams, PageQuery } from '../../http/schemas.js';
import { requestLocale } from '../../i18n/request-locale.js';
import { SurveyAnswers, SurveyDetail, SurveyList } from './schema.js';
import { answerOutcomeSurvey, getOutcomeSurvey, listOutcomeSurveys, type Deps } from './service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  422: ErrorResponse,
};

/** The outcome survey: a person's own, opened when their relationship ended or completed. */
export const outcomeSurveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (request: FastifyRequest): Deps => ({
    db: app.database.db,
    mailer: app.mailer,
    baseUrl: app.config.baseUrl,
    now: app.clock,
    locale: requestLocale(request),
  });

  app.get(
    '/api/outcome-surveys',
    {
      schema: {
        tags: ['outcome-surveys'],
        summary: 'My outcome surveys: open ones first, then newest first, one page at a time',
        querystring: PageQuery,
        response: { 200: SurveyList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => listOutcomeSurveys(app.database.db, requireActor(request), request.query),
  );

  app.get(
    '/api/outcome-surveys/:id',
    {
      schema: {
        tags: ['outcome-surveys'],
        summary:
          'My outcome survey, with the agreement skills I learn and my answers once given (anyone else: 404)',
        params: IdParams,
        response: { 200: SurveyDetail, ...errors },
      },
    },
    async (request) => getOutcomeSurvey(deps(request), requireActor(request), request.params.id),
  );

  app.post(
    '/api/outcome-surveys/:id/answers',
    {
      schema: {
        tags: ['outcome-surveys'],
        summary:
          'Answer my outcome survey, once (422 when answered already); the end self-ratings are kept with the skills',
        params: IdParams,
        body: SurveyAnswers,
        response: { 200: SurveyDetail, ...errors },
      },
    },
    async (request) =>
      answerOutcomeSurvey(deps(request), requireActor(request), request.params.id, request.body),
  );
};
