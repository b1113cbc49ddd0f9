import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { introduction, person, relationship, relationshipMentee } from '../../db/schema.js';

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

export interface ProgrammeIntroductionRow {
  id: string;
  menteeId: string;
  menteeGivenName: string;
  menteeFamilyName: string;
  mentorId: string;
  mentorGivenName: string;
  mentorFamilyName: string;
  menteeResponse: 'pending' | 'accepted' | 'declined';
  mentorResponse: 'pending' | 'accepted' | 'declined';
  relationshipId: string | null;
  createdAt: Date;
}

/** Every introduction sent in a programme, newest first, with both people's names. */
export async function findProgrammeIntroductions(
  db: Db,
  organisationId: string,
  programmeId: string,
): Promise<ProgrammeIntroductionRow[]> {
  const mentee = alias(person, 'mentee');
  const mentor = alias(person, 'mentor');
  return db
    .select({
      id: introduction.id,
      menteeId: introduction.menteeId,
      menteeGivenName: mentee.givenName,
      menteeFamilyName: mentee.familyName,
      mentorId: introduction.mentorId,
      mentorGivenName: mentor.givenName,
      mentorFamilyName: mentor.familyName,
      menteeResponse: introduction.menteeResponse,
      mentorResponse: introduction.mentorResponse,
      relationshipId: introduction.relationshipId,
      createdAt: introduction.createdAt,
    })
    .from(introduction)
    .innerJoin(mentee, eq(mentee.id, introduction.menteeId))
    .innerJoin(mentor, eq(mentor.id, introduction.mentorId))
    .where(
      and(
        eq(introduction.organisationId, organisationId),
        eq(introduction.programmeId, programmeId),
      ),
    )
    .orderBy(desc(introduction.createdAt), asc(mentee.givenName), asc(mentee.familyName));
}
