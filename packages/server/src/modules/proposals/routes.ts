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
const UnmatchedReason = z.enum([
  'noAllowedMentor',
  'forbidden',
  'declinedEarlier',
  'forbiddenOrDeclined',
  'mentorsTaken',
]);

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
      reasonCode: UnmatchedReason,
      reason: z.string().describe('Why, in words (the language of the request)'),
      declinedPairs: z
        .number()
        .int()
        .describe('Pairs of this mentee left out because one side declined earlier'),
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
          'The best few mentors this mentee may be pinned to: allowed by every rule, with a free place, not forbidden, not declined earlier',
        ),
    }),
  ),
  ignoredPins: z
    .array(z.object({ ruleId: z.string(), mentee: Named, mentor: Named, problem: z.string() }))
    .describe('Saved pins this run could not use, and why (the run went ahead without them)'),
  totals: z.object({
    mentees: z.number().int().describe('Mentees without a pair or open introduction'),
    mentors: z.number().int().describe('Mentors with a free place'),
    places: z.number().int().describe('Free places of those mentors together'),
    matched: z.number().int(),
    unmatched: z.number().int(),
    averageStrength: z
      .number()
      .int()
      .describe('Average click of the proposed pairs, 0–100, as in the reasons'),
    firstChoice: z
      .number()
      .int()
      .describe('Proposed pairs where the mentee got the best-scoring mentor allowed to them'),
    unmatchedBecause: z
      .object({
        noAllowedMentor: z.number().int(),
        forbidden: z.number().int(),
        declinedEarlier: z.number().int(),
        forbiddenOrDeclined: z.number().int(),
        mentorsTaken: z.number().int(),
      })
      .describe('Mentees left without a pair, by reason'),
    leftOut: z.object({
      declinedPairs: z
        .number()
        .int()
        .describe('Pairs left out because one side declined an introduction or request earlier'),
      forbiddenPairs: z.number().int().describe('Pairs left out because a manager forbade them'),
    }),
  }),
  byTargetGroup: z
    .array(
      z.object({
        kind: z.enum(['department']),
        value: z.string().nullable().describe('The department (null: none recorded)'),
        matched: z.number().int().nullable(),
        unmatched: z.number().int().nullable(),
      }),
    )
    .describe(
      'Per department. Never per gender, age band or background: the board names the mentees and the manager moves them, so such a breakdown could single one out (docs/architecture.md, "Privacy of sensitive attributes").',
    ),
});

const PairRule = z.object({
  id: z.string(),
  kind: z.enum(['pin', 'forbid']),
  mentee: Named,
  mentor: Named,
  createdBy: z
    .object({ name: z.string() })
    .nullable()
    .describe('Who set it (null: no longer here)'),
  createdAt: z.string(),
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
  const deps = () => ({
    db: app.database.db,
    mailer: app.mailer,
    baseUrl: app.config.baseUrl,
    now: app.clock,
  });

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
          pins: z
            .array(PairRef)
            .max(1000)
            .default([])
            .describe('Pins for this run only, on top of those saved on the programme'),
          forbids: z
            .array(PairRef)
            .max(10000)
            .default([])
            .describe('Forbids for this run only, on top of those saved on the programme'),
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

  app.get(
    '/api/programmes/:id/pair-rules',
    {
      schema: {
        tags: ['matching'],
        summary: 'Pins and forbids saved on a programme, with who set them and when (managers)',
        params: IdParams,
        response: { 200: z.object({ items: z.array(PairRule) }), ...errors },
      },
    },
    async (request) => ({
      items: await service.listPairRules(app.database.db, requireActor(request), request.params.id),
    }),
  );

  app.post(
    '/api/programmes/:id/pair-rules',
    {
      schema: {
        tags: ['matching'],
        summary:
          'Pin or forbid a mentee–mentor pair for every run; replaces a rule for the same pair, and a pin the mentee’s other pin (managers)',
        params: IdParams,
        body: z.object({ kind: z.enum(['pin', 'forbid']), menteeId: z.uuid(), mentorId: z.uuid() }),
        response: { 201: PairRule, ...errors },
      },
    },
    async (request, reply) => {
      const rule = await service.addPairRule(
        app.database.db,
        requireActor(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(rule);
    },
  );

  app.delete(
    '/api/programmes/:id/pair-rules/:ruleId',
    {
      schema: {
        tags: ['matching'],
        summary: 'Remove a saved pin or forbid (managers)',
        params: z.object({ id: z.uuid(), ruleId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.removePairRule(
        app.database.db,
        requireActor(request),
        request.params.id,
        request.params.ruleId,
      );
      return reply.status(204).send(null);
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
