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

/** A programme of a list, with its active enrolments' count and the caller's own enrolment. */
export interface ListedProgramme {
  row: ProgrammeRow;
  enrolled: number;
  mine: PersonEnrolment | null;
}

/**
 * An organisation's programmes, newest first, each with its number of active enrolments and the
 * caller's own enrolment: one page (with the total) or, for callers that filter further, every
 * programme that is not a draft. One statement however many programmes it lists.
 */
export async function listProgrammes(
  db: Db,
  organisationId: string,
  personId: string,
  scope: { limit: number; offset: number } | { withoutDrafts: true },
): Promise<{ items: ListedProgramme[]; total: number }> {
  const paged = !('withoutDrafts' in scope);
  const where = paged
    ? eq(programme.organisationId, organisationId)
    : and(eq(programme.organisationId, organisationId), ne(programme.status, 'draft'));
  const query = db
    .select({
      row: programme,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      enrolled: sql<number>`(select count(*) from ${enrolment} e
        where e.programme_id = ${programme.id} and e.is_active)`.mapWith(Number),
      mineRole: enrolment.role,
      mineCapacity: enrolment.capacity,
      mineOffersGroup: enrolment.offersGroup,
      mineAnswers: enrolment.answers,
    })
    .from(programme)
    .leftJoin(
      enrolment,
      and(
        eq(enrolment.programmeId, programme.id),
        eq(enrolment.personId, personId),
        eq(enrolment.isActive, true),
      ),
    )
    .where(where)
    .orderBy(desc(programme.createdAt), desc(programme.id));
  const rows = paged ? await query.limit(scope.limit).offset(scope.offset) : await query;
  const items = rows.map((r) => ({
    row: r.row,
    enrolled: r.enrolled,
    mine:
      r.mineRole === null
        ? null
        : {
            programmeId: r.row.id,
            role: r.mineRole,
            capacity: r.mineCapacity,
            offersGroup: r.mineOffersGroup!,
            answers: r.mineAnswers!,
          },
  }));
  // A page past the end has no row to carry the window count: count that case apart (rare).
  let total = rows[0]?.total ?? 0;
  if (paged && rows.length === 0 && scope.offset > 0) {
    const [counted] = await db.select({ n: count() }).from(programme).where(where);
    total = counted?.n ?? 0;
  }
  return { items, total };
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
