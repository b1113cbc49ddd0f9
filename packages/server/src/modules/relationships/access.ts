import { and, eq } from 'drizzle-orm';
import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { person, relationship, relationshipMentee } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { displayName } from '../people/display-name.js';

export type RelationshipRow = typeof relationship.$inferSelect;

export interface Participant {
  personId: string;
  name: string;
  role: 'mentor' | 'mentee';
  /** A group member who left: they keep reading, the others no longer count them in. */
  hasLeft: boolean;
}

export interface RelationshipAccess {
  relationship: RelationshipRow;
  /** The caller. */
  me: Participant;
  /** Every participant, the caller included: the mentor first, then the mentees. */
  participants: Participant[];
  /** Participants other than the caller who are still in it (recipients of what the caller does). */
  others: Participant[];
}

/**
 * The one door into a relationship's space: only its participants — the mentor and each mentee
 * (of a group too) — get in. Everyone else, programme managers and admins included, gets 404, as
 * if it did not exist. Pass `{ lock: true }` inside a transaction to lock the relationship row.
 */
export async function requireParticipant(
  db: Db,
  actor: Actor,
  relationshipId: string,
  options: { lock?: boolean } = {},
): Promise<RelationshipAccess> {
  const { personId, organisationId } = requireMember(actor);
  const query = db
    .select()
    .from(relationship)
    .where(
      and(eq(relationship.id, relationshipId), eq(relationship.organisationId, organisationId)),
    );
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('relationship');
  const participants = await listParticipants(db, row);
  const me = participants.find((p) => p.personId === personId);
  if (!me) throw notFound('relationship');
  return {
    relationship: row,
    me,
    participants,
    others: participants.filter((p) => p.personId !== personId && !p.hasLeft),
  };
}

/** The mentor and the mentees of a relationship, with their display names. */
export async function listParticipants(db: Db, row: RelationshipRow): Promise<Participant[]> {
  const [mentor] = await db
    .select({
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
    })
    .from(person)
    .where(eq(person.id, row.mentorId));
  const mentees = await db
    .select({
      personId: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
      leftAt: relationshipMentee.leftAt,
    })
    .from(relationshipMentee)
    .innerJoin(person, eq(person.id, relationshipMentee.menteeId))
    .where(eq(relationshipMentee.relationshipId, row.id))
    .orderBy(relationshipMentee.joinedAt);
  return [
    {
      personId: row.mentorId,
      name: mentor ? displayName(mentor) : '',
      role: 'mentor' as const,
      hasLeft: false,
    },
    ...mentees.map((m) => ({
      personId: m.personId,
      name: displayName(m),
      role: 'mentee' as const,
      hasLeft: m.leftAt !== null,
    })),
  ];
}

/** Whether the space still takes new things (messages, meetings, goals): not ended or completed. */
export function isOpen(access: RelationshipAccess): boolean {
  return access.relationship.status === 'active' && !access.me.hasLeft;
}
