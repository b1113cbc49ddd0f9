import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams, PageQuery } from '../../http/schemas.js';
import { schemaMessage } from '../../i18n/messages.js';
import { requestLocale } from '../../i18n/request-locale.js';
import * as service from './service.js';

const Status = z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'expired', 'closed']);
const ClosedReason = z
  .enum(['mentor_full'])
  .nullable()
  .describe("Why Klik closed the request (status 'closed'): the mentor's last place was taken");

const RequestDetail = z.object({
  id: z.string(),
  programme: z.object({ id: z.string(), name: z.string() }),
  direction: z.enum(['received', 'sent']),
  other: z.object({ id: z.string(), name: z.string() }),
  otherProfile: z
    .object({
      jobTitle: z.string().nullable(),
      department: z.string().nullable(),
      location: z.string().nullable(),
      offers: z.array(z.object({ skill: z.string(), label: z.string(), level: z.number().int() })),
      wants: z.array(z.object({ skill: z.string(), label: z.string(), level: z.number().int() })),
      interests: z.array(z.string()),
      languages: z.array(z.string()),
      meetingMode: z.string(),
      about: z.string(),
    })
    .nullable(),
  /** The requester's answers to the programme's questions: only the person asked sees them. */
  otherAnswers: z.array(
    z.object({ questionId: z.string(), question: z.string(), answer: z.string() }),
  ),
  myRole: z.enum(['mentee', 'mentor']),
  status: Status,
  message: z.string(),
  hopes: z.string(),
  strength: z.number().int().nullable(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  declineReason: z.string().nullable(),
  closedReason: ClosedReason,
  expiresAt: z.string(),
  createdAt: z.string(),
  relationshipId: z.string().nullable(),
  messages: z.array(
    z.object({
      id: z.string(),
      author: z.string(),
      isMine: z.boolean(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
});

const RequestList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      programme: z.object({ id: z.string(), name: z.string() }),
      other: z.object({ id: z.string(), name: z.string(), jobTitle: z.string().nullable() }),
      status: Status,
      closedReason: ClosedReason,
      message: z.string(),
      expiresAt: z.string(),
      createdAt: z.string(),
    }),
  ),
  total: z.number().int(),
});

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (request?: FastifyRequest): service.Deps => ({
    ...(request ? { locale: requestLocale(request) } : {}),
    db: app.database.db,
    mailer: app.mailer,
    baseUrl: app.config.baseUrl,
    now: app.clock,
  });

  app.post(
    '/api/programmes/:id/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Ask someone to be your mentor (or, where mentors offer, offer to mentor someone)',
        params: IdParams,
        body: z.object({
          toPersonId: z.uuid(),
          message: z.string().trim().min(10, schemaMessage('personalMessage')).max(2000),
          hopes: z.string().trim().max(2000).default(''),
        }),
        response: { 201: RequestDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.sendRequest(
            deps(request),
            requireActor(request),
            request.params.id,
            request.body,
          ),
        ),
  );

  app.get(
    '/api/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'My requests: received (inbox) or sent (outbox)',
        querystring: PageQuery.extend({ box: z.enum(['inbox', 'outbox']).default('inbox') }),
        response: { 200: RequestList, ...errors },
      },
    },
    async (request) => {
      const { box, ...page } = request.query;
      return service.listRequests(deps(request), requireActor(request), box, page);
    },
  );

  app.get(
    '/api/requests/:id',
    {
      schema: {
        tags: ['requests'],
        summary: 'One request with its reasons and questions',
        params: IdParams,
        response: { 200: RequestDetail, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return service.getRequest(deps(request), actor, request.params.id, requestLocale(request));
    },
  );

  app.post(
    '/api/requests/:id/messages',
    {
      schema: {
        tags: ['requests'],
        summary: 'Ask (or answer) a question about a pending request',
        params: IdParams,
        body: z.object({ body: z.string().trim().min(1, schemaMessage('isRequired')).max(2000) }),
        response: { 200: RequestDetail, ...errors },
      },
    },
    async (request) =>
      service.postMessage(
        deps(request),
        requireActor(request),
        request.params.id,
        request.body.body,
      ),
  );

  app.post(
    '/api/requests/:id/accept',
    {
      schema: {
        tags: ['requests'],
        summary: 'Accept: a relationship starts',
        params: IdParams,
        response: { 200: RequestDetail, ...errors },
      },
    },
    async (request) =>
      service.acceptRequest(deps(request), requireActor(request), request.params.id),
  );

  app.post(
    '/api/requests/:id/decline',
    {
      schema: {
        tags: ['requests'],
        summary: 'Decline, with an optional private reason',
        params: IdParams,
        body: z.object({ reason: z.string().trim().max(1000).nullable().default(null) }),
        response: { 200: RequestDetail, ...errors },
      },
    },
    async (request) =>
      service.declineRequest(
        deps(request),
        requireActor(request),
        request.params.id,
        request.body.reason,
      ),
  );

  app.post(
    '/api/requests/:id/withdraw',
    {
      schema: {
        tags: ['requests'],
        summary: 'Withdraw a request you sent',
        params: IdParams,
        response: { 200: RequestDetail, ...errors },
      },
    },
    async (request) =>
      service.withdrawRequest(deps(request), requireActor(request), request.params.id),
  );
};
