import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams, PageQuery } from '../../http/schemas.js';
import {
  CreateProgrammeRequest,
  ProgrammeChangeList,
  ProgrammeClosePreview,
  ProgrammeList,
  ProgrammeResponse,
  UpdateProgrammeRequest,
} from './schema.js';
import * as service from './service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary:
          'Programmes the caller can see (managers: all of the organisation), newest first, one page at a time',
        querystring: PageQuery,
        response: { 200: ProgrammeList, ...errors },
      },
    },
    async (request) => service.listProgrammes(db, requireActor(request), request.query),
  );

  app.post(
    '/api/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Design a new programme (draft; programme managers and org admins)',
        body: CreateProgrammeRequest,
        response: { 201: ProgrammeResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createProgramme(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/programmes/:id',
    {
      schema: {
        tags: ['programmes'],
        summary: 'One programme',
        params: IdParams,
        response: { 200: ProgrammeResponse, ...errors },
      },
    },
    async (request) => service.getProgramme(db, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/programmes/:id',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Change a programme; changes to a published programme are recorded',
        params: IdParams,
        body: UpdateProgrammeRequest,
        response: { 200: ProgrammeResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      service.updateProgramme(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/programmes/:id/publish',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Publish a draft: people can enrol',
        params: IdParams,
        response: { 200: ProgrammeResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) => service.publishProgramme(db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/programmes/:id/close-preview',
    {
      schema: {
        tags: ['programmes'],
        summary: 'What closing the programme would do, in numbers (managers)',
        params: IdParams,
        response: { 200: ProgrammeClosePreview, ...errors },
      },
    },
    async (request) => service.previewCloseProgramme(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/programmes/:id/close',
    {
      schema: {
        tags: ['programmes'],
        summary:
          'Close a published programme: nobody enrols any more, pending requests and open introductions are closed and their people told; relationships continue',
        params: IdParams,
        response: { 200: ProgrammeResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      service.closeProgramme(
        { db, mailer: app.mailer, baseUrl: app.config.baseUrl, now: app.clock() },
        requireActor(request),
        request.params.id,
      ),
  );

  app.post(
    '/api/programmes/:id/reopen',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Reopen a closed programme while its end date has not passed (managers)',
        params: IdParams,
        response: { 200: ProgrammeResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      service.reopenProgramme({ db, now: app.clock() }, requireActor(request), request.params.id),
  );

  app.get(
    '/api/programmes/:id/changes',
    {
      schema: {
        tags: ['programmes'],
        summary: 'The recorded changes to a published programme (managers)',
        params: IdParams,
        response: { 200: ProgrammeChangeList, ...errors },
      },
    },
    async (request) => ({
      items: await service.listProgrammeChanges(db, requireActor(request), request.params.id),
    }),
  );
};
