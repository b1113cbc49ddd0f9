import { and, asc, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  enrolment,
  introduction,
  matchingRun,
  mentoringRequest,
  pairRule,
  person,
  programme,
  relationship,
  relationshipMentee,
} from '../../db/schema.js';

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
    .where(
      and(
        eq(relationship.programmeId, programmeId),
        eq(relationship.status, 'active'),
        // A group member who left is free to be matched again.
        isNull(relationshipMentee.leftAt),
      ),
    );
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

export type IntroductionRow = typeof introduction.$inferSelect;

/** Stores a run's proposed pairs; nothing changes for anyone until the run is sent. */
export async function insertRun(db: Db, values: typeof matchingRun.$inferInsert): Promise<string> {
  const [row] = await db.insert(matchingRun).values(values).returning({ id: matchingRun.id });
  return row!.id;
}

/**
 * What the per-group totals need of each mentee: the department. Sensitive attributes are not
 * read at all: the proposal board may never show them (see src/privacy).
 */
export async function findGroupingFacts(db: Db, organisationId: string, menteeIds: string[]) {
  if (menteeIds.length === 0) return [];
  return db
    .select({ id: person.id, department: person.department })
    .from(person)
    .where(and(eq(person.organisationId, organisationId), inArray(person.id, menteeIds)));
}

/** Locks a run of the programme for sending (null when there is none). */
export async function lockRun(db: Db, programmeId: string, runId: string) {
  const [row] = await db
    .select()
    .from(matchingRun)
    .where(and(eq(matchingRun.id, runId), eq(matchingRun.programmeId, programmeId)))
    .for('update');
  return row ?? null;
}

export async function findLatestRunId(db: Db, programmeId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: matchingRun.id })
    .from(matchingRun)
    .where(eq(matchingRun.programmeId, programmeId))
    .orderBy(desc(matchingRun.createdAt))
    .limit(1);
  return row?.id ?? null;
}

export async function markRunSent(db: Db, runId: string, now: Date): Promise<void> {
  await db.update(matchingRun).set({ sentAt: now }).where(eq(matchingRun.id, runId));
}

export async function insertIntroductions(
  db: Db,
  values: (typeof introduction.$inferInsert)[],
): Promise<IntroductionRow[]> {
  if (values.length === 0) return [];
  return db.insert(introduction).values(values).returning();
}

/** A person's introductions in their organisation, newest first, with the programme's name. */
export async function findIntroductionsOf(db: Db, organisationId: string, personId: string) {
  return db
    .select({ introduction, programmeName: programme.name })
    .from(introduction)
    .innerJoin(programme, eq(programme.id, introduction.programmeId))
    .where(
      and(
        eq(introduction.organisationId, organisationId),
        or(eq(introduction.menteeId, personId), eq(introduction.mentorId, personId)),
      ),
    )
    .orderBy(desc(introduction.createdAt));
}

/** Names and job titles of people of the organisation, by id. */
export async function findPeopleCards(db: Db, organisationId: string, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, { name: string; jobTitle: string | null }>();
  const rows = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      jobTitle: person.jobTitle,
    })
    .from(person)
    .where(and(eq(person.organisationId, organisationId), inArray(person.id, personIds)));
  return new Map(
    rows.map((r) => [r.id, { name: `${r.givenName} ${r.familyName}`, jobTitle: r.jobTitle }]),
  );
}

/** Locks an introduction one is party to (null when it is not theirs or not there). */
export async function lockIntroductionOfParty(
  db: Db,
  organisationId: string,
  id: string,
  personId: string,
): Promise<IntroductionRow | null> {
  const [row] = await db
    .select()
    .from(introduction)
    .where(
      and(
        eq(introduction.id, id),
        eq(introduction.organisationId, organisationId),
        or(eq(introduction.menteeId, personId), eq(introduction.mentorId, personId)),
      ),
    )
    .for('update');
  return row ?? null;
}

export async function setIntroductionResponse(
  db: Db,
  id: string,
  side: 'menteeResponse' | 'mentorResponse',
  answer: 'accepted' | 'declined',
  relationshipId: string | null,
): Promise<void> {
  await db
    .update(introduction)
    .set({ [side]: answer, relationshipId })
    .where(eq(introduction.id, id));
}

// ---------------------------------------------------------------------------------------------
// Pair rules (pins and forbids saved on the programme) and declined pairs
// ---------------------------------------------------------------------------------------------

export type PairRuleRow = typeof pairRule.$inferSelect;

export interface PairRuleListed extends PairRuleRow {
  menteeName: string;
  mentorName: string;
  /** The person (HR name) behind the account that set the rule; null when gone. */
  createdByName: string | null;
}

/** The saved pins and forbids of a programme, oldest first, with the names of everyone involved. */
export async function findPairRules(
  db: Db,
  organisationId: string,
  programmeId: string,
): Promise<PairRuleListed[]> {
  const mentee = alias(person, 'mentee');
  const mentor = alias(person, 'mentor');
  const author = alias(person, 'author');
  const rows = await db
    .select({
      rule: pairRule,
      menteeGivenName: mentee.givenName,
      menteeFamilyName: mentee.familyName,
      mentorGivenName: mentor.givenName,
      mentorFamilyName: mentor.familyName,
      authorGivenName: author.givenName,
      authorFamilyName: author.familyName,
    })
    .from(pairRule)
    .innerJoin(mentee, eq(mentee.id, pairRule.menteeId))
    .innerJoin(mentor, eq(mentor.id, pairRule.mentorId))
    .leftJoin(author, eq(author.userId, pairRule.createdBy))
    .where(and(eq(pairRule.organisationId, organisationId), eq(pairRule.programmeId, programmeId)))
    .orderBy(asc(pairRule.createdAt), asc(pairRule.id));
  return rows.map((r) => ({
    ...r.rule,
    menteeName: `${r.menteeGivenName} ${r.menteeFamilyName}`,
    mentorName: `${r.mentorGivenName} ${r.mentorFamilyName}`,
    createdByName:
      r.authorGivenName === null ? null : `${r.authorGivenName} ${r.authorFamilyName ?? ''}`.trim(),
  }));
}

/** The saved rules of a programme, without names (for runs and the send re-check). */
export async function findPairRuleRows(
  db: Db,
  organisationId: string,
  programmeId: string,
): Promise<PairRuleRow[]> {
  return db
    .select()
    .from(pairRule)
    .where(and(eq(pairRule.organisationId, organisationId), eq(pairRule.programmeId, programmeId)))
    .orderBy(asc(pairRule.createdAt), asc(pairRule.id));
}

/** Saves a rule; a rule for the same pair is replaced (the manager's latest decision wins). */
export async function upsertPairRule(
  db: Db,
  values: {
    programmeId: string;
    organisationId: string;
    menteeId: string;
    mentorId: string;
    kind: 'pin' | 'forbid';
    createdBy: string;
  },
): Promise<PairRuleRow> {
  const [row] = await db
    .insert(pairRule)
    .values(values)
    .onConflictDoUpdate({
      target: [pairRule.programmeId, pairRule.menteeId, pairRule.mentorId],
      set: { kind: values.kind, createdBy: values.createdBy, createdAt: new Date() },
    })
    .returning();
  return row!;
}

/** Removes a mentee's pins to other mentors (a mentee is pinned to one mentor at most). */
export async function deleteOtherPins(
  db: Db,
  programmeId: string,
  menteeId: string,
  mentorId: string,
): Promise<number> {
  const rows = await db
    .delete(pairRule)
    .where(
      and(
        eq(pairRule.programmeId, programmeId),
        eq(pairRule.menteeId, menteeId),
        eq(pairRule.kind, 'pin'),
        ne(pairRule.mentorId, mentorId),
      ),
    )
    .returning({ id: pairRule.id });
  return rows.length;
}

export async function deletePairRule(
  db: Db,
  organisationId: string,
  programmeId: string,
  ruleId: string,
): Promise<PairRuleRow | null> {
  const [row] = await db
    .delete(pairRule)
    .where(
      and(
        eq(pairRule.id, ruleId),
        eq(pairRule.organisationId, organisationId),
        eq(pairRule.programmeId, programmeId),
      ),
    )
    .returning();
  return row ?? null;
}

/** A person's active enrolment role in a programme (null: not enrolled). */
export async function findEnrolmentRole(
  db: Db,
  organisationId: string,
  programmeId: string,
  personId: string,
): Promise<'mentee' | 'mentor' | 'both' | null> {
  const [row] = await db
    .select({ role: enrolment.role })
    .from(enrolment)
    .where(
      and(
        eq(enrolment.organisationId, organisationId),
        eq(enrolment.programmeId, programmeId),
        eq(enrolment.personId, personId),
        eq(enrolment.isActive, true),
      ),
    );
  return row?.role ?? null;
}

/**
 * Pairs that must not be proposed again in a programme: either side declined an introduction
 * between them, or a request between them was declined. Keys are `menteeId|mentorId`.
 */
export async function findDeclinedPairs(
  db: Db,
  organisationId: string,
  programmeId: string,
): Promise<Set<string>> {
  const introductions = await db
    .select({ menteeId: introduction.menteeId, mentorId: introduction.mentorId })
    .from(introduction)
    .where(
      and(
        eq(introduction.organisationId, organisationId),
        eq(introduction.programmeId, programmeId),
        or(
          eq(introduction.menteeResponse, 'declined'),
          eq(introduction.mentorResponse, 'declined'),
        ),
      ),
    );
  const requests = await db
    .select({ menteeId: mentoringRequest.menteeId, mentorId: mentoringRequest.mentorId })
    .from(mentoringRequest)
    .where(
      and(
        eq(mentoringRequest.organisationId, organisationId),
        eq(mentoringRequest.programmeId, programmeId),
        eq(mentoringRequest.status, 'declined'),
      ),
    );
  return new Set([...introductions, ...requests].map((r) => `${r.menteeId}|${r.mentorId}`));
}
