import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { person, programme, relationship, relationshipMentee } from '../../db/schema.js';

/** Relationships of the organisation in which the person is mentor or one of the mentees. */
export async function findRelationshipsOf(db: Db, organisationId: string, personId: string) {
  const asMentee = db
    .select({ id: relationshipMentee.relationshipId })
    .from(relationshipMentee)
    .where(eq(relationshipMentee.menteeId, personId));
  return db
    .select({ relationship, programmeName: programme.name, groupMin: programme.groupMin })
    .from(relationship)
    .innerJoin(programme, eq(programme.id, relationship.programmeId))
    .where(
      and(
        eq(relationship.organisationId, organisationId),
        or(eq(relationship.mentorId, personId), inArray(relationship.id, asMentee)),
      ),
    );
}

export async function findMentees(db: Db, relationshipIds: string[]) {
  if (relationshipIds.length === 0) return [];
  return db
    .select({
      relationshipId: relationshipMentee.relationshipId,
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
    })
    .from(relationshipMentee)
    .innerJoin(person, eq(person.id, relationshipMentee.menteeId))
    .where(inArray(relationshipMentee.relationshipId, relationshipIds));
}

export async function findNames(db: Db, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
    .from(person)
    .where(inArray(person.id, personIds));
  return new Map(rows.map((r) => [r.id, `${r.givenName} ${r.familyName}`]));
}
