import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import {
  AddDomainRequest,
  CreateOrganisationRequest,
  DomainList,
  DomainResponse,
  OrganisationList,
  OrganisationResponse,
  PendingDomainList,
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

  app.get(
    '/api/organisation/domains',
    {
      schema: {
        tags: ['organisation'],
        summary: "The organisation's email domains and their verification (org admins)",
        response: { 200: DomainList, ...errors },
      },
    },
    async (request) => ({ items: await service.listOwnDomains(db, requireActor(request)) }),
  );

  app.post(
    '/api/organisation/domains',
    {
      schema: {
        tags: ['organisation'],
        summary:
          'Claim an email domain (org admins); it counts once verified by its DNS TXT record or a platform admin',
        body: AddDomainRequest,
        response: { 201: DomainResponse, 409: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.addOwnDomain(db, requireActor(request), request.body.domain);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/organisation/domains/:id/verify',
    {
      schema: {
        tags: ['organisation'],
        summary:
          'Verify a domain by looking up its TXT record (klik-verification=<token>) (org admins)',
        params: IdParams,
        response: { 200: DomainResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      service.verifyOwnDomain(
        db,
        app.resolveTxt,
        requireActor(request),
        request.params.id,
        app.clock(),
      ),
  );

  app.delete(
    '/api/organisation/domains/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Remove an email domain (org admins); people already added keep their address',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.removeOwnDomain(db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/domains',
    {
      schema: {
        tags: ['platform'],
        summary: 'Email domains waiting for verification, of every organisation (platform admins)',
        response: { 200: PendingDomainList, ...errors },
      },
    },
    async (request) => ({ items: await service.listPendingDomains(db, requireActor(request)) }),
  );

  app.post(
    '/api/admin/domains/:id/approve',
    {
      schema: {
        tags: ['platform'],
        summary: "Approve an organisation's email domain without its DNS record (platform admins)",
        params: IdParams,
        response: { 200: DomainResponse, 409: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      service.approveDomain(db, requireActor(request), request.params.id, app.clock()),
  );

  app.delete(
    '/api/admin/domains/:id',
    {
      schema: {
        tags: ['platform'],
        summary: 'Turn down a pending email domain (platform admins)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.rejectDomain(db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
