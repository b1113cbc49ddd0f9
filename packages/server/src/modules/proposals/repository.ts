import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { introduction, relationship, relationshipMentee } from '../../db/schema.js';

export interface ProgrammeCommitments {
  /** Mentees with an active relationship in the programme, or an introduction still open. */
  takenMentees: Set<string>;
  /** Places each mentor has promised in introductions still open (not yet a relationship). */
  heldPlaces: Map<string, number>;
}

/**
 * What a new matching run must leave alone. An introduction is open while neither side declined
 * and no relationship came of it yet; a declined one frees both people at once.
 */
export async function programmeCommitments(
  db: Db,
  programmeId: string,
): Promise<ProgrammeCommitments> {
  const open = await db
    .select({ menteeId: introduction.menteeId, mentorId: introduction.mentorId })
    .from(introduction)
    .where(
      and(
        eq(introduction.programmeId, programmeId),
        ne(introduction.menteeResponse, 'declined'),
        ne(introduction.mentorResponse, 'declined'),
        isNull(introduction.relationshipId),
      ),
    );
  const matched = await db
    .select({ menteeId: relationshipMentee.menteeId })
    .from(relationship)
    .innerJoin(relationshipMentee, eq(relationshipMentee.relationshipId, relationship.id))
    .where(and(eq(relationship.programmeId, programmeId), eq(relationship.status, 'active')));
  const heldPlaces = new Map<string, number>();
  for (const row of open) heldPlaces.set(row.mentorId, (heldPlaces.get(row.mentorId) ?? 0) + 1);
  return {
    takenMentees: new Set([...open, ...matched].map((row) => row.menteeId)),
    heldPlaces,
  };
}
