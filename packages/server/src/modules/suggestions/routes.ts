import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import { schemaMessage } from '../../i18n/messages.js';
import { requestLocale } from '../../i18n/request-locale.js';
import { suggestForMe } from './service.js';

const SuggestionsQuery = z.object({
  k: z.coerce.number().int().min(1).max(50).default(10),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, schemaMessage('languageCode'))
    .optional(),
  place: z.string().trim().max(100).optional(),
  meetingMode: z.enum(['online', 'in_person', 'either']).optional(),
  skill: z.string().max(80).optional(),
  search: z.string().trim().max(100).optional(),
  locale: z.enum(['nl', 'en']).optional(),
});

export const RequestBlock = z
  .object({
    reason: z.enum([
      'has_mentor',
      'waiting_for_answer',
      'offer_to_answer',
      'no_free_place',
      'mentors_offer',
      'manager_proposes',
      'not_running',
    ]),
    /** The mentor (has_mentor) or the other side of the waiting request. */
    name: z.string().nullable(),
    /** has_mentor: the mentoring space, /mentoring/:relationshipId. */
    relationshipId: z.string().nullable(),
    /** waiting_for_answer, offer_to_answer: the request, /requests/:requestId. */
    requestId: z.string().nullable(),
  })
  .nullable()
  .describe(
    'Why no request (or offer) can be sent from here now; null when one can. With has_mentor no suggestions are listed.',
  );

export const SuggestionsResponse = z.object({
  role: z.enum(['mentee', 'mentor']),
  requestBlock: RequestBlock,
  items: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      jobTitle: z.string().nullable(),
      department: z.string().nullable(),
      location: z.string().nullable(),
      strength: z.number().int(),
      isFull: z.boolean(),
      isGroup: z.boolean(),
      remainingCapacity: z.number().int().nullable(),
      isRequested: z.boolean(),
      reasons: z.array(z.object({ code: z.string(), text: z.string(), contribution: z.number() })),
    }),
  ),
});

export const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/programmes/:id/suggestions',
    {
      schema: {
        tags: ['matching'],
        summary:
          'My ranked suggestions with reasons, in my language (never someone who declined me here)',
        params: IdParams,
        querystring: SuggestionsQuery,
        response: {
          200: SuggestionsResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const locale = request.query.locale ?? requestLocale(request);
      return suggestForMe(
        app.database.db,
        actor,
        request.params.id,
        request.query,
        locale,
        app.clock(),
      );
    },
  );
};
