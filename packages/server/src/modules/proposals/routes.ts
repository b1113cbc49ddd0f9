import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import { requestLocale } from '../../i18n/request-locale.js';
import { ConflictRules, Weights } from '../programmes/schema.js';
import * as service from './service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const PairRef = z.object({ menteeId: z.uuid(), mentorId: z.uuid() });
const Reason = z.object({ code: z.string(), text: z.string() });
const Named = z.object({ id: z.string(), name: z.string() });

const RunResponse = z.object({
  runId: z.string(),
  mode: z.enum(['optimal', 'stable']),
  pairs: z.array(
    z.object({
      mentee: Named,
      mentor: Named,
      score: z.number().int(),
      strength: z.number().int(),
      reasons: z.array(Reason),
    }),
  ),
  unmatched: z.array(
    z.object({
      mentee: Named,
      reason: z.string(),
      candidates: z
        .array(
          z.object({
            mentor: Named,
            strength: z.number().int(),
            placesLeft: z
              .number()
              .int()
              .describe('Places this proposal leaves free; at 0, pinning moves someone else'),
          }),
        )
        .describe(
          'The best few mentors this mentee may be pinned to: allowed by every rule, with a free place, not forbidden',
        ),
    }),
  ),
  totals: z.object({
    mentees: z.number().int(),
    mentors: z.number().int(),
    matched: z.number().int(),
    unmatched: z.number().int(),
    averageStrength: z.number().int(),
    totalScore: z.number().int(),
    optimalScore: z.number().int().nullable(),
    stableScore: z.number().int().nullable(),
  }),
  byTargetGroup: z
    .array(
      z.object({
        kind: z.enum(['department', 'gender', 'ageBand']),
        value: z
          .string()
          .nullable()
          .describe('The department (null: none recorded), gender or age band'),
        matched: z
          .number()
          .int()
          .nullable()
          .describe('Null in a gender or age-band row when the count is 1–4: too few to show'),
        unmatched: z.number().int().nullable().describe('As matched'),
      }),
    )
    .describe(
      'Per department and, in a target-group programme, per gender and age band. A gender or age-band group is shown only with at least 5 people, and only while at least 5 people remain outside the shown groups of its kind; counts of 1–4 in those rows are null.',
    ),
});

const IntroductionResponse = z.object({
  id: z.string(),
  programme: Named,
  other: z.object({ id: z.string(), name: z.string(), jobTitle: z.string().nullable() }),
  myRole: z.enum(['mentee', 'mentor']),
  reasons: z.array(Reason),
  myResponse: z.enum(['pending', 'accepted', 'declined']),
  otherResponse: z.enum(['pending', 'accepted', 'declined']),
  status: z.enum(['pending', 'accepted', 'declined']),
  relationshipId: z.string().nullable(),
});

const Response = z.enum(['pending', 'accepted', 'declined']);

const ProgrammeIntroductionsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      mentee: Named,
      mentor: Named,
      menteeResponse: Response,
      mentorResponse: Response,
      status: Response.describe('Declined when either side declined, accepted when both accepted'),
      hasRelationship: z.boolean().describe('Whether a mentoring relationship started from it'),
      createdAt: z.string(),
    }),
  ),
  counts: z.object({
    total: z.number().int(),
    pending: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
  }),
});

export const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.database.db, mailer: app.mailer, baseUrl: app.config.baseUrl });

  app.post(
    '/api/programmes/:id/preview',
    {
      schema: {
        tags: ['matching'],
        summary: 'How suggestions would look under weights and rules being edited (managers)',
        params: IdParams,
        body: z.object({
          weights: Weights.partial().optional(),
          conflictRules: ConflictRules.optional(),
          samples: z.number().int().min(1).max(10).default(3),
        }),
        response: {
          200: z.object({
            samples: z.array(
              z.object({
                mentee: Named,
                suggestions: z.array(
                  z.object({
                    personId: z.string(),
                    name: z.string(),
                    strength: z.number().int(),
                    reasons: z.array(Reason),
                  }),
                ),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return service.previewSuggestions(
        app.database.db,
        actor,
        request.params.id,
        request.body,
        requestLocale(request),
      );
    },
  );

  app.post(
    '/api/programmes/:id/proposals/run',
    {
      schema: {
        tags: ['matching'],
        summary:
          'Propose introductions: optimal assignment or stable matching over everyone unmatched (managers)',
        params: IdParams,
        body: z.object({
          mode: z.enum(['optimal', 'stable']).default('optimal'),
          pins: z.array(PairRef).max(1000).default([]),
          forbids: z.array(PairRef).max(10000).default([]),
        }),
        response: { 200: RunResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return service.runProposals(
        app.database.db,
        actor,
        request.params.id,
        request.body,
        requestLocale(request),
      );
    },
  );

  app.post(
    '/api/programmes/:id/proposals/send',
    {
      schema: {
        tags: ['matching'],
        summary: 'Send a run’s proposals as introductions that both people must accept (managers)',
        params: IdParams,
        body: z.object({ runId: z.uuid() }),
        response: { 200: z.object({ sent: z.number().int() }), ...errors },
      },
    },
    async (request) =>
      service.sendProposals(deps(), requireActor(request), request.params.id, request.body.runId),
  );

  app.get(
    '/api/programmes/:id/introductions',
    {
      schema: {
        tags: ['matching'],
        summary: 'Introductions sent in a programme and how each side answered (managers)',
        params: IdParams,
        response: { 200: ProgrammeIntroductionsResponse, ...errors },
      },
    },
    async (request) =>
      service.listProgrammeIntroductions(app.database.db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/introductions',
    {
      schema: {
        tags: ['matching'],
        summary: 'Introductions proposed to me',
        response: { 200: z.object({ items: z.array(IntroductionResponse) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return {
        items: await service.listMyIntroductions(app.database.db, actor, requestLocale(request)),
      };
    },
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/api/introductions/:id/${answer}`,
      {
        schema: {
          tags: ['matching'],
          summary:
            answer === 'accept'
              ? 'Accept an introduction (the relationship opens when both accept)'
              : 'Decline an introduction, without consequence',
          params: IdParams,
          response: { 200: IntroductionResponse, ...errors },
        },
      },
      async (request) =>
        service.respondToIntroduction(
          deps(),
          requireActor(request),
          request.params.id,
          answer === 'accept' ? 'accepted' : 'declined',
          requestLocale(request),
        ),
    );
  }
};
