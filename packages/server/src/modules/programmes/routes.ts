import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams, PageQuery } from '../../http/schemas.js';
import {
  CreateProgrammeRequest,
  ProgrammeChangeList,
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
    async (request) =>
      service.setProgrammeStatus(db, requireActor(request), request.params.id, 'published'),
  );

  app.post(
    '/api/programmes/:id/close',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Close a published programme',
        params: IdParams,
        response: { 200: ProgrammeResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      service.setProgrammeStatus(db, requireActor(request), request.params.id, 'closed'),
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
