import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import { requestLocale } from '../../i18n/request-locale.js';
import {
  ApplyImportRequest,
  CreatePersonRequest,
  ImportPreview,
  ImportRequest,
  ImportResult,
  ListPeopleQuery,
  PeopleList,
  PersonDetailResponse,
  PersonResponse,
  UpdatePersonRequest,
} from './schema.js';
import * as service from './service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        summary: 'The people directory, with search (org admins and programme managers)',
        querystring: ListPeopleQuery,
        response: { 200: PeopleList, ...errors },
      },
    },
    async (request) => service.listPeople(db, requireActor(request), request.query),
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'One person with their reporting line',
        params: IdParams,
        response: { 200: PersonDetailResponse, ...errors },
      },
    },
    async (request) => service.getPerson(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Invite one person by email (org admins)',
        body: CreatePersonRequest,
        response: { 201: PersonResponse, 409: ErrorResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.invitePerson(
        db,
        app.mailer,
        app.config.baseUrl,
        requireActor(request),
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Edit a person (org admins)',
        params: IdParams,
        body: UpdatePersonRequest,
        response: { 200: PersonResponse, 409: ErrorResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      service.updatePerson(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/people/:id/deactivate',
    {
      schema: {
        tags: ['people'],
        summary: 'Deactivate a person: they can no longer sign in (org admins)',
        params: IdParams,
        response: { 200: PersonResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) => service.setPersonActive(db, requireActor(request), request.params.id, false),
  );

  app.post(
    '/api/people/:id/reactivate',
    {
      schema: {
        tags: ['people'],
        summary: 'Reactivate a person (org admins)',
        params: IdParams,
        response: { 200: PersonResponse, ...errors },
      },
    },
    async (request) => service.setPersonActive(db, requireActor(request), request.params.id, true),
  );

  app.post(
    '/api/people/import/preview',
    {
      schema: {
        tags: ['people'],
        summary:
          'Dry run of a CSV import: what would be added, updated, deactivated, and every row error',
        body: ImportRequest,
        response: { 200: ImportPreview, ...errors },
      },
    },
    async (request) =>
      service.previewImport(db, requireActor(request), request.body, requestLocale(request)),
  );

  app.post(
    '/api/people/import/apply',
    {
      schema: {
        tags: ['people'],
        summary:
          'Apply a CSV import without errors, in one transaction (org admins); a plan that deactivates people needs confirmDeactivations equal to that number',
        body: ApplyImportRequest,
        response: { 200: ImportResult, 422: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      service.applyImport(db, requireActor(request), request.body, requestLocale(request)),
  );
};
