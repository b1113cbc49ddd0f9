import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireMember } from '../../auth/actor.js';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams, PageQuery } from '../../http/schemas.js';
import {
  CreateSkillBody,
  EnrolBody,
  EnrolmentResponse,
  ProfileBody,
  ProfileResponse,
  SensitiveBody,
  SensitiveResponse,
  SkillList,
  UpdateEnrolmentBody,
} from './schema.js';
import * as service from './service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const enrolmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/skills',
    {
      schema: {
        tags: ['profile'],
        summary: 'The bilingual skills list (shipped and added by the organisation)',
        response: { 200: SkillList, ...errors },
      },
    },
    async (request) => service.listSkills(db, requireMember(requireActor(request)).organisationId),
  );

  app.post(
    '/api/skills',
    {
      schema: {
        tags: ['profile'],
        summary: 'Add a skill to the organisation’s list (org admins)',
        body: CreateSkillBody,
        response: { 201: SkillList.shape.items.element, 409: ErrorResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addSkill(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/me/profile',
    {
      schema: {
        tags: ['profile'],
        summary: 'My mentoring profile',
        response: { 200: ProfileResponse, ...errors },
      },
    },
    async (request) => service.getMyProfile(db, requireActor(request)),
  );

  app.put(
    '/api/me/profile',
    {
      schema: {
        tags: ['profile'],
        summary: 'Save my mentoring profile',
        body: ProfileBody,
        response: { 200: ProfileResponse, ...errors },
      },
    },
    async (request) => service.saveMyProfile(db, requireActor(request), request.body),
  );

  app.get(
    '/api/me/sensitive',
    {
      schema: {
        tags: ['profile'],
        summary: 'My consented sensitive attributes (only I see them)',
        response: { 200: SensitiveResponse, ...errors },
      },
    },
    async (request) => service.getMySensitive(db, requireActor(request)),
  );

  app.put(
    '/api/me/sensitive',
    {
      schema: {
        tags: ['profile'],
        summary: 'Give sensitive attributes, with explicit consent (optional)',
        body: SensitiveBody,
        response: { 200: SensitiveResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      const { consent: _consent, ...values } = request.body;
      return service.saveMySensitive(db, requireActor(request), values);
    },
  );

  app.delete(
    '/api/me/sensitive',
    {
      schema: {
        tags: ['profile'],
        summary: 'Withdraw consent: the attributes are deleted',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.withdrawMySensitive(db, requireActor(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/programmes/:id/enrolment',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Enrol in a programme as mentee, mentor or both',
        params: IdParams,
        body: EnrolBody,
        response: { 201: EnrolmentResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.enrol(db, requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/programmes/:id/enrolment',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Change my enrolment: role, capacity, answers (the rules of enrolling apply)',
        params: IdParams,
        body: UpdateEnrolmentBody,
        response: { 200: EnrolmentResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      service.updateMyEnrolment(db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/programmes/:id/enrolment',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Leave a programme',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.withdraw(
        { db, mailer: app.mailer, baseUrl: app.config.baseUrl },
        requireActor(request),
        request.params.id,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/programmes/:id/enrolments',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Everyone enrolled (managers), by name, one page at a time',
        params: IdParams,
        querystring: PageQuery,
        response: {
          200: z.object({ items: z.array(EnrolmentResponse), total: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) =>
      service.listProgrammeEnrolments(db, requireActor(request), request.params.id, request.query),
  );
};
