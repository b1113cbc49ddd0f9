import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import { schemaMessage } from '../../i18n/messages.js';
import { requestLocale } from '../../i18n/request-locale.js';
import { endRelationship, pauseRelationship, resumeRelationship } from './lifecycle-service.js';
import * as space from './space-service.js';

const Status = z
  .enum(['active', 'paused', 'completed', 'ended_early'])
  .describe("'paused': still active (the place is kept), with a pause mark");

const RelationshipList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      programme: z.object({ id: z.string(), name: z.string() }),
      myRole: z.enum(['mentor', 'mentee']),
      mentor: z.object({ id: z.string(), name: z.string() }),
      mentees: z
        .array(z.object({ id: z.string(), name: z.string() }))
        .describe('The mentees still in it (members who left a group are not listed)'),
      isGroup: z.boolean(),
      groupMin: z
        .number()
        .int()
        .nullable()
        .describe('For a group: the smallest group the programme asks for (null otherwise)'),
      status: Status,
      haveLeft: z.boolean().describe('I left this group (I still read it)'),
      pauseUntil: z.string().nullable(),
      unreadMessages: z.number().int(),
      nextMeetingAt: z.string().nullable(),
      startedAt: z.string(),
    }),
  ),
});

const Skill = z.object({ skill: z.string(), label: z.string(), level: z.number().int() });

const Space = z.object({
  id: z.string(),
  programme: z.object({ id: z.string(), name: z.string(), endsOn: z.string().nullable() }),
  status: Status,
  pauseUntil: z.string().nullable(),
  isGroup: z.boolean(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  myRole: z.enum(['mentor', 'mentee']),
  haveLeft: z.boolean(),
  canChange: z.boolean().describe('Whether the space still takes changes (not ended, not left)'),
  participants: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(['mentor', 'mentee']),
      isMe: z.boolean(),
      hasLeft: z.boolean(),
      jobTitle: z.string().nullable(),
      languages: z.array(z.string()),
      meetingMode: z.string(),
      place: z.string().nullable(),
      about: z.string(),
      offers: z.array(Skill),
      wants: z.array(Skill),
      contact: z
        .object({ email: z.string(), phone: z.string().nullable() })
        .nullable()
        .describe('Shared because both said yes; not with or from a member who left a group'),
    }),
  ),
  clicks: z
    .array(
      z.object({
        menteeId: z.string(),
        menteeName: z.string(),
        strength: z.number().int().nullable(),
        reasons: z.array(z.object({ code: z.string(), text: z.string() })),
      }),
    )
    .describe("Why they clicked, kept at acceptance: a mentee reads their own pair's"),
  hopes: z.array(
    z.object({ personId: z.string(), name: z.string(), learn: z.string(), give: z.string() }),
  ),
  nextMeeting: z
    .object({
      id: z.string(),
      startsAt: z.string(),
      durationMinutes: z.number().int(),
      timeZone: z.string(),
      place: z.string().nullable(),
      videoUrl: z.string().nullable(),
      agenda: z.string(),
    })
    .nullable(),
});

const Message = z.object({
  id: z.string(),
  kind: z
    .enum(['request', 'request_message', 'message'])
    .describe("'request': the request's opening message; 'request_message': a question on it"),
  requestId: z.string().nullable(),
  author: z.object({ id: z.string(), name: z.string() }),
  isMine: z.boolean(),
  body: z.string(),
  hopes: z.string().nullable(),
  createdAt: z.string(),
});

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  422: ErrorResponse,
};

const Reason = z
  .string()
  .trim()
  .max(2000)
  .nullable()
  .default(null)
  .describe('For the programme only: never shown to the other side');

export const relationshipRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (request: FastifyRequest): space.Deps => ({
    db: app.database.db,
    mailer: app.mailer,
    baseUrl: app.config.baseUrl,
    now: app.clock,
    locale: requestLocale(request),
  });

  app.get(
    '/api/relationships',
    {
      schema: {
        tags: ['relationships'],
        summary: 'My mentoring relationships, as mentor or mentee',
        response: { 200: RelationshipList, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => ({
      items: await space.listMyRelationships(app.database.db, requireActor(request), app.clock()),
    }),
  );

  app.get(
    '/api/relationships/:id',
    {
      schema: {
        tags: ['relationships'],
        summary: 'The relationship space (participants only; anyone else gets 404)',
        params: IdParams,
        response: { 200: Space, ...errors },
      },
    },
    async (request) => space.getSpace(deps(request), requireActor(request), request.params.id),
  );

  app.get(
    '/api/relationships/:id/messages',
    {
      schema: {
        tags: ['relationships'],
        summary: 'The conversation, continuing the thread of the request that opened it',
        params: IdParams,
        response: { 200: z.object({ items: z.array(Message), canWrite: z.boolean() }), ...errors },
      },
    },
    async (request) => space.listMessages(deps(request), requireActor(request), request.params.id),
  );

  app.post(
    '/api/relationships/:id/messages',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Write in the conversation; the others are told in the app and by mail',
        params: IdParams,
        body: z.object({ body: z.string().trim().min(1, schemaMessage('isRequired')).max(5000) }),
        response: { 201: Message, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await space.postMessage(
            deps(request),
            requireActor(request),
            request.params.id,
            request.body.body,
          ),
        ),
  );

  app.post(
    '/api/relationships/:id/read',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Mark the conversation read',
        params: IdParams,
        response: { 204: z.null().describe('Marked'), ...errors },
      },
    },
    async (request, reply) => {
      await space.markRead(deps(request), requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/relationships/:id/pause',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Pause, with an optional return date (either side)',
        params: IdParams,
        body: z.object({
          until: z.iso
            .date(schemaMessage('isoDate'))
            .nullable()
            .default(null)
            .describe('The day it runs again by itself'),
          reason: Reason,
        }),
        response: { 200: Space, ...errors },
      },
    },
    async (request) =>
      pauseRelationship(deps(request), requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/relationships/:id/resume',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Resume a paused relationship (either side)',
        params: IdParams,
        response: { 200: Space, ...errors },
      },
    },
    async (request) => resumeRelationship(deps(request), requireActor(request), request.params.id),
  );

  app.post(
    '/api/relationships/:id/end',
    {
      schema: {
        tags: ['relationships'],
        summary:
          'End without blame (either side); a group member leaves the group. Frees the place',
        params: IdParams,
        body: z.object({ reason: Reason }),
        response: { 200: Space, ...errors },
      },
    },
    async (request) =>
      endRelationship(deps(request), requireActor(request), request.params.id, request.body),
  );
};
