import { and, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  enrolment,
  introduction,
  mentoringRequest,
  organisation,
  person,
  programme,
  programmeChange,
  relationship,
  sensitiveAttributes,
  user,
} from '../../db/schema.js';

export type ProgrammeRow = typeof programme.$inferSelect;
export type NewProgramme = typeof programme.$inferInsert;

export async function findProgramme(
  db: Db,
  organisationId: string,
  id: string,
): Promise<ProgrammeRow | null> {
  const [row] = await db
    .select()
    .from(programme)
    .where(and(eq(programme.organisationId, organisationId), eq(programme.id, id)));
  return row ?? null;
}

/** Locks the programme row for the rest of the transaction (rule changes, capacity checks). */
export async function findProgrammeForUpdate(
  db: Db,
  organisationId: string,
  id: string,
): Promise<ProgrammeRow | null> {
  const [row] = await db
    .select()
    .from(programme)
    .where(and(eq(programme.organisationId, organisationId), eq(programme.id, id)))
    .for('update');
  return row ?? null;
}

/**
 * An organisation's programmes, newest first: one page (with the total) or, for callers that
 * filter further, every programme that is not a draft.
 */
export async function listProgrammes(
  db: Db,
  organisationId: string,
  scope: { limit: number; offset: number } | { withoutDrafts: true },
): Promise<{ rows: ProgrammeRow[]; total: number }> {
  const order = [desc(programme.createdAt), desc(programme.id)];
  if ('withoutDrafts' in scope) {
    const rows = await db
      .select()
      .from(programme)
      .where(and(eq(programme.organisationId, organisationId), ne(programme.status, 'draft')))
      .orderBy(...order);
    return { rows, total: rows.length };
  }
  const where = eq(programme.organisationId, organisationId);
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(programme)
      .where(where)
      .orderBy(...order)
      .limit(scope.limit)
      .offset(scope.offset),
    db.select({ n: count() }).from(programme).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

export async function insertProgramme(db: Db, values: NewProgramme): Promise<ProgrammeRow> {
  const [row] = await db.insert(programme).values(values).returning();
  return row!;
}

export async function updateProgramme(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<NewProgramme>,
) {
  await db
    .update(programme)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(programme.organisationId, organisationId), eq(programme.id, id)));
}

export async function insertChange(
  db: Db,
  values: {
    programmeId: string;
    actorUserId: string;
    changes: Record<string, { before: unknown; after: unknown }>;
  },
) {
  await db.insert(programmeChange).values(values);
}

export async function listChanges(db: Db, programmeId: string) {
  return db
    .select({
      id: programmeChange.id,
      createdAt: programmeChange.createdAt,
      changes: programmeChange.changes,
      actorName: user.name,
    })
    .from(programmeChange)
    .leftJoin(user, eq(user.id, programmeChange.actorUserId))
    .where(eq(programmeChange.programmeId, programmeId))
    .orderBy(desc(programmeChange.createdAt));
}

export async function countEnrolments(
  db: Db,
  programmeIds: string[],
): Promise<Map<string, number>> {
  if (programmeIds.length === 0) return new Map();
  const rows = await db
    .select({ programmeId: enrolment.programmeId, n: count() })
    .from(enrolment)
    .where(and(inArray(enrolment.programmeId, programmeIds), eq(enrolment.isActive, true)))
    .groupBy(enrolment.programmeId);
  return new Map(rows.map((r) => [r.programmeId, r.n]));
}

export type PersonEnrolment = Awaited<ReturnType<typeof findEnrolmentsOfPerson>>[number];
export type EligibilitySubject = NonNullable<Awaited<ReturnType<typeof findEligibilitySubject>>>;

export async function findEnrolmentsOfPerson(db: Db, personId: string) {
  return db
    .select({
      programmeId: enrolment.programmeId,
      role: enrolment.role,
      capacity: enrolment.capacity,
      offersGroup: enrolment.offersGroup,
      answers: enrolment.answers,
    })
    .from(enrolment)
    .where(and(eq(enrolment.personId, personId), eq(enrolment.isActive, true)));
}

export async function findEligibilitySubject(db: Db, personId: string) {
  const [row] = await db
    .select({
      department: person.department,
      location: person.location,
      jobTitle: person.jobTitle,
      jobLevel: person.jobLevel,
      startDate: person.startDate,
      gender: sensitiveAttributes.gender,
      ageBand: sensitiveAttributes.ageBand,
      background: sensitiveAttributes.background,
      consentedAt: sensitiveAttributes.consentedAt,
      collectsSensitive: organisation.allowSensitiveAttributes,
    })
    .from(person)
    .innerJoin(organisation, eq(organisation.id, person.organisationId))
    .leftJoin(sensitiveAttributes, eq(sensitiveAttributes.personId, person.id))
    .where(eq(person.id, personId));
  return row ?? null;
}

/** An introduction still waiting for an answer: nobody declined, no relationship opened. */
const openIntroductionOf = (programmeId: string) =>
  and(
    eq(introduction.programmeId, programmeId),
    ne(introduction.menteeResponse, 'declined'),
    ne(introduction.mentorResponse, 'declined'),
    isNull(introduction.relationshipId),
  );

/** The items and people that closing a programme would touch. */
export async function countCloseConsequences(db: Db, programmeId: string) {
  const requests = await db
    .select({ from: mentoringRequest.fromPersonId, to: mentoringRequest.toPersonId })
    .from(mentoringRequest)
    .where(
      and(eq(mentoringRequest.programmeId, programmeId), eq(mentoringRequest.status, 'pending')),
    );
  const introductions = await db
    .select({ mentee: introduction.menteeId, mentor: introduction.mentorId })
    .from(introduction)
    .where(openIntroductionOf(programmeId));
  const [relationships] = await db
    .select({ n: count() })
    .from(relationship)
    .where(and(eq(relationship.programmeId, programmeId), eq(relationship.status, 'active')));
  const people = new Set([
    ...requests.flatMap((r) => [r.from, r.to]),
    ...introductions.flatMap((i) => [i.mentee, i.mentor]),
  ]);
  return {
    pendingRequests: requests.length,
    openIntroductions: introductions.length,
    activeRelationships: relationships?.n ?? 0,
    peopleToNotify: people.size,
  };
}

/**
 * Closes what was still open in a programme: pending requests expire, and the sides of open
 * introductions that had not answered are marked declined (the one way an introduction closes).
 * Returns how many of each, and everyone involved, once each.
 */
export async function closeOpenCommitmentsOfProgramme(
  db: Db,
  programmeId: string,
  now: Date,
): Promise<{ requestCount: number; introductionCount: number; people: string[] }> {
  const requests = await db
    .update(mentoringRequest)
    .set({ status: 'expired', respondedAt: now })
    .where(
      and(eq(mentoringRequest.programmeId, programmeId), eq(mentoringRequest.status, 'pending')),
    )
    .returning({ from: mentoringRequest.fromPersonId, to: mentoringRequest.toPersonId });
  const introductions = await db
    .update(introduction)
    .set({
      menteeResponse: sql`case when ${introduction.menteeResponse} = 'pending' then 'declined'::introduction_response else ${introduction.menteeResponse} end`,
      mentorResponse: sql`case when ${introduction.mentorResponse} = 'pending' then 'declined'::introduction_response else ${introduction.mentorResponse} end`,
    })
    .where(openIntroductionOf(programmeId))
    .returning({ mentee: introduction.menteeId, mentor: introduction.mentorId });
  return {
    requestCount: requests.length,
    introductionCount: introductions.length,
    people: [
      ...new Set([
        ...requests.flatMap((r) => [r.from, r.to]),
        ...introductions.flatMap((i) => [i.mentee, i.mentor]),
      ]),
    ],
  };
}
