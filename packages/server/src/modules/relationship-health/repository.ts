import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { person, relationship, relationshipMentee, relationshipNudge } from '../../db/schema.js';

export type NudgeRow = typeof relationshipNudge.$inferSelect;

const nameParts = {
  givenName: person.givenName,
  familyName: person.familyName,
  preferredName: person.preferredName,
};

/** A relationship of the programme, with its status (null when it is not the programme's). */
export async function findRelationship(
  db: Db,
  organisationId: string,
  programmeId: string,
  relationshipId: string,
) {
  const [row] = await db
    .select({ id: relationship.id, status: relationship.status, mentorId: relationship.mentorId })
    .from(relationship)
    .where(
      and(
        eq(relationship.id, relationshipId),
        eq(relationship.organisationId, organisationId),
        eq(relationship.programmeId, programmeId),
      ),
    );
  return row ?? null;
}

export interface ParticipantRow {
  relationshipId: string;
  personId: string;
  side: 'mentor' | 'mentee';
  givenName: string;
  familyName: string;
  preferredName: string | null;
}

/** The current participants (mentor, then mentees who have not left) of the relationships. */
export async function listParticipants(
  db: Db,
  organisationId: string,
  relationshipIds: string[],
): Promise<ParticipantRow[]> {
  if (relationshipIds.length === 0) return [];
  const mentors = db
    .select({
      relationshipId: relationship.id,
      personId: person.id,
      ...nameParts,
      joinedAt: relationship.startedAt,
    })
    .from(relationship)
    .innerJoin(person, eq(person.id, relationship.mentorId))
    .where(
      and(
        eq(relationship.organisationId, organisationId),
        inArray(relationship.id, relationshipIds),
      ),
    );
  const mentees = db
    .select({
      relationshipId: relationshipMentee.relationshipId,
      personId: person.id,
      ...nameParts,
      joinedAt: relationshipMentee.joinedAt,
    })
    .from(relationshipMentee)
    .innerJoin(person, eq(person.id, relationshipMentee.menteeId))
    .where(
      and(
        eq(person.organisationId, organisationId),
        inArray(relationshipMentee.relationshipId, relationshipIds),
        isNull(relationshipMentee.leftAt),
      ),
    );
  // Two statements run side by side: a constant number, whatever the page's size.
  const [mentorRows, menteeRows] = await Promise.all([mentors, mentees]);
  return [
    ...mentorRows.map((r) => ({ ...r, side: 'mentor' as const })),
    ...menteeRows
      .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())
      .map((r) => ({ ...r, side: 'mentee' as const })),
  ].map(({ joinedAt: _joinedAt, ...row }) => row);
}

/** The newest nudge of each relationship, with who sent it (by user id). */
export async function listLastNudges(db: Db, organisationId: string, relationshipIds: string[]) {
  if (relationshipIds.length === 0) return [];
  return db
    .selectDistinctOn([relationshipNudge.relationshipId], {
      relationshipId: relationshipNudge.relationshipId,
      createdAt: relationshipNudge.createdAt,
      recipientIds: relationshipNudge.recipientIds,
      sentByUserId: relationshipNudge.sentByUserId,
    })
    .from(relationshipNudge)
    .where(
      and(
        eq(relationshipNudge.organisationId, organisationId),
        inArray(relationshipNudge.relationshipId, relationshipIds),
      ),
    )
    .orderBy(relationshipNudge.relationshipId, desc(relationshipNudge.createdAt));
}

/** Name parts of people of the organisation, by person id or by user id (senders of nudges). */
export async function findNames(
  db: Db,
  organisationId: string,
  ids: { personIds: string[]; userIds: string[] },
) {
  const personIds = [...new Set(ids.personIds)];
  const userIds = [...new Set(ids.userIds)];
  const byPerson =
    personIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: person.id, userId: person.userId, ...nameParts })
          .from(person)
          .where(and(eq(person.organisationId, organisationId), inArray(person.id, personIds)));
  const byUser =
    userIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: person.id, userId: person.userId, ...nameParts })
          .from(person)
          .where(and(eq(person.organisationId, organisationId), inArray(person.userId, userIds)));
  const [a, b] = await Promise.all([byPerson, byUser]);
  return [...a, ...b];
}

export async function insertNudge(
  db: Db,
  values: typeof relationshipNudge.$inferInsert,
): Promise<NudgeRow> {
  const [row] = await db.insert(relationshipNudge).values(values).returning();
  return row!;
}
