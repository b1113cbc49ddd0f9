import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import { getAttention } from './service.js';

const Named = z.object({ id: z.string(), name: z.string() });
const Role = z.enum(['mentor', 'mentee']);

const Attention = z.object({
  counts: z.object({
    requestsToAnswer: z.number().int().describe('Pending requests to me that have not expired'),
    introductionsToAnswer: z.number().int().describe('Introductions waiting for my answer'),
    unreadNotifications: z.number().int(),
    unreadMessages: z
      .number()
      .int()
      .describe('Messages by others in my relationships since I last read the conversation'),
    outcomeSurveysToAnswer: z.number().int().describe('My outcome surveys not answered yet'),
    checkInsToAnswer: z.number().int().describe('My open check-ins (not answered, not missed)'),
  }),
  checkIns: z
    .array(
      z.object({
        id: z.string(),
        relationshipId: z.string(),
        with: z.array(Named),
        programme: z.object({ name: z.string() }),
        sentAt: z.string(),
        dueOn: z.string(),
      }),
    )
    .describe('My open check-ins, oldest first (at most 10)'),
  outcomeSurveys: z
    .array(
      z.object({
        id: z.string(),
        relationshipId: z.string(),
        with: z.array(Named),
        programme: z.object({ name: z.string() }),
        sentAt: z.string(),
      }),
    )
    .describe('My outcome surveys still to answer, newest first (at most 10)'),
  requests: z
    .array(
      z.object({
        id: z.string(),
        from: Named,
        myRole: Role,
        programme: Named,
        expiresAt: z.string(),
        createdAt: z.string(),
      }),
    )
    .describe('Requests to answer, the soonest to expire first (at most 10)'),
  introductions: z
    .array(
      z.object({
        id: z.string(),
        other: Named,
        myRole: Role,
        programme: Named,
        createdAt: z.string(),
      }),
    )
    .describe('Introductions waiting for my answer, oldest first (at most 10)'),
  meetings: z
    .array(
      z.object({
        id: z.string(),
        relationshipId: z.string(),
        startsAt: z.string(),
        durationMinutes: z.number().int(),
        timeZone: z.string(),
        place: z.string().nullable(),
        isOnline: z.boolean(),
        with: z.array(Named),
        programme: z.object({ name: z.string() }),
      }),
    )
    .describe('My next planned meetings, earliest first (at most 5)'),
  agreements: z
    .array(
      z.object({
        id: z.string(),
        relationshipId: z.string(),
        version: z.number().int(),
        proposedByMe: z.boolean(),
        createdAt: z.string(),
        with: z.array(Named),
        programme: z.object({ name: z.string() }),
      }),
    )
    .describe('The newest agreement of each active relationship that I have not confirmed'),
});

export const attentionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/attention',
    {
      schema: {
        tags: ['attention'],
        summary:
          'What needs my attention: counts for the navigation and the lists of the home page',
        response: { 200: Attention, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => getAttention(app.database.db, requireActor(request), app.clock()),
  );
};
