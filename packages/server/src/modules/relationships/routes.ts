import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import { listMyRelationships } from './service.js';

const RelationshipList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      programme: z.object({ id: z.string(), name: z.string() }),
      myRole: z.enum(['mentor', 'mentee']),
      mentor: z.object({ id: z.string(), name: z.string() }),
      mentees: z.array(z.object({ id: z.string(), name: z.string() })),
      isGroup: z.boolean(),
      groupMin: z
        .number()
        .int()
        .nullable()
        .describe('For a group: the smallest group the programme asks for (null otherwise)'),
      status: z.enum(['active', 'completed', 'ended_early']),
      startedAt: z.string(),
    }),
  ),
});

export const relationshipRoutes: FastifyPluginAsyncZod = async (app) => {
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
      items: await listMyRelationships(app.database.db, requireActor(request)),
    }),
  );
};
