import { and, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireMember } from '../../auth/actor.js';
import { requireActor } from '../../auth/plugin.js';
import { person, programme, relationship, relationshipMentee } from '../../db/schema.js';
import { ErrorResponse } from '../../http/schemas.js';

const RelationshipList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      programme: z.object({ id: z.string(), name: z.string() }),
      myRole: z.enum(['mentor', 'mentee']),
      mentor: z.object({ id: z.string(), name: z.string() }),
      mentees: z.array(z.object({ id: z.string(), name: z.string() })),
      isGroup: z.boolean(),
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
    async (request) => {
      const { personId, organisationId } = requireMember(requireActor(request));
      const db = app.database.db;
      const asMentee = db
        .select({ id: relationshipMentee.relationshipId })
        .from(relationshipMentee)
        .where(eq(relationshipMentee.menteeId, personId));
      const rows = await db
        .select({ relationship, programmeName: programme.name })
        .from(relationship)
        .innerJoin(programme, eq(programme.id, relationship.programmeId))
        .where(
          and(
            eq(relationship.organisationId, organisationId),
            or(eq(relationship.mentorId, personId), inArray(relationship.id, asMentee)),
          ),
        );
      const ids = rows.map((r) => r.relationship.id);
      const mentees = ids.length
        ? await db
            .select({
              relationshipId: relationshipMentee.relationshipId,
              id: person.id,
              given: person.givenName,
              family: person.familyName,
            })
            .from(relationshipMentee)
            .innerJoin(person, eq(person.id, relationshipMentee.menteeId))
            .where(inArray(relationshipMentee.relationshipId, ids))
        : [];
      const mentorIds = [...new Set(rows.map((r) => r.relationship.mentorId))];
      const mentors = mentorIds.length
        ? await db
            .select({ id: person.id, given: person.givenName, family: person.familyName })
            .from(person)
            .where(inArray(person.id, mentorIds))
        : [];
      const mentorName = new Map(mentors.map((m) => [m.id, `${m.given} ${m.family}`]));
      return {
        items: rows.map(({ relationship: r, programmeName }) => ({
          id: r.id,
          programme: { id: r.programmeId, name: programmeName },
          myRole: r.mentorId === personId ? ('mentor' as const) : ('mentee' as const),
          mentor: { id: r.mentorId, name: mentorName.get(r.mentorId) ?? '' },
          mentees: mentees
            .filter((m) => m.relationshipId === r.id)
            .map((m) => ({ id: m.id, name: `${m.given} ${m.family}` })),
          isGroup: r.isGroup,
          status: r.status,
          startedAt: r.startedAt.toISOString(),
        })),
      };
    },
  );
};
