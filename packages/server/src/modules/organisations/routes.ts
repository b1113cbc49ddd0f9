import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import {
  CreateOrganisationRequest,
  OrganisationList,
  OrganisationResponse,
  UpdateOrganisationRequest,
} from './schema.js';
import * as service from './service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/organisation',
    {
      schema: {
        tags: ['organisation'],
        summary: "The caller's organisation and its settings",
        response: { 200: OrganisationResponse, ...errors },
      },
    },
    async (request) => service.getOwnOrganisation(db, requireActor(request)),
  );

  app.patch(
    '/api/organisation',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Change organisation settings (org admins)',
        body: UpdateOrganisationRequest,
        response: { 200: OrganisationResponse, ...errors },
      },
    },
    async (request) => service.updateOwnOrganisation(db, requireActor(request), request.body),
  );

  app.get(
    '/api/admin/organisations',
    {
      schema: {
        tags: ['platform'],
        summary: 'All organisations on this instance (platform admins)',
        response: { 200: OrganisationList, ...errors },
      },
    },
    async (request) => ({ items: await service.listAllOrganisations(db, requireActor(request)) }),
  );

  app.post(
    '/api/admin/organisations',
    {
      schema: {
        tags: ['platform'],
        summary: 'Create an organisation with its first org admin (platform admins)',
        body: CreateOrganisationRequest,
        response: { 201: OrganisationResponse, 409: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.createOrganisation(db, requireActor(request), request.body);
      return reply.status(201).send(created);
    },
  );
};
