import { and, asc, count, eq, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  customSkill,
  enrolment,
  introduction,
  mentoringRequest,
  person,
  profile,
  sensitiveAttributes,
} from '../../db/schema.js';

export type ProfileRow = typeof profile.$inferSelect;
export type EnrolmentRow = typeof enrolment.$inferSelect;

export async function findProfile(db: Db, personId: string): Promise<ProfileRow | null> {
  const [row] = await db.select().from(profile).where(eq(profile.personId, personId));
  return row ?? null;
}

export async function upsertProfile(db: Db, values: typeof profile.$inferInsert) {
  await db
    .insert(profile)
    .values(values)
    .onConflictDoUpdate({ target: profile.personId, set: { ...values, updatedAt: new Date() } });
}

export async function findSensitive(db: Db, personId: string) {
  const [row] = await db
    .select()
    .from(sensitiveAttributes)
    .where(eq(sensitiveAttributes.personId, personId));
  return row ?? null;
}

export async function upsertSensitive(db: Db, values: typeof sensitiveAttributes.$inferInsert) {
  await db
    .insert(sensitiveAttributes)
    .values(values)
    .onConflictDoUpdate({
      target: sensitiveAttributes.personId,
      set: { ...values, updatedAt: new Date() },
    });
}

export async function deleteSensitive(db: Db, personId: string) {
  await db.delete(sensitiveAttributes).where(eq(sensitiveAttributes.personId, personId));
}

export async function listCustomSkills(db: Db, organisationId: string) {
  return db.select().from(customSkill).where(eq(customSkill.organisationId, organisationId));
}

/** Adds an organisation's own skill; false when one with the same id was added meanwhile. */
export async function insertCustomSkill(
  db: Db,
  values: typeof customSkill.$inferInsert,
): Promise<boolean> {
  const inserted = await db
    .insert(customSkill)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: customSkill.id });
  return inserted.length > 0;
}

export async function findEnrolment(
  db: Db,
  programmeId: string,
  personId: string,
): Promise<EnrolmentRow | null> {
  const [row] = await db
    .select()
    .from(enrolment)
    .where(and(eq(enrolment.programmeId, programmeId), eq(enrolment.personId, personId)));
  return row ?? null;
}

export async function insertOrReactivateEnrolment(db: Db, values: typeof enrolment.$inferInsert) {
  const [row] = await db
    .insert(enrolment)
    .values(values)
    .onConflictDoUpdate({
      target: [enrolment.programmeId, enrolment.personId],
      set: {
        role: values.role,
        capacity: values.capacity,
        offersGroup: values.offersGroup,
        answers: values.answers,
        isActive: true,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

/** Locks one's enrolment for the rest of the transaction (accepting a request locks it too). */
export async function lockEnrolment(
  db: Db,
  programmeId: string,
  personId: string,
): Promise<EnrolmentRow | null> {
  const [row] = await db
    .select()
    .from(enrolment)
    .where(and(eq(enrolment.programmeId, programmeId), eq(enrolment.personId, personId)))
    .for('update');
  return row ?? null;
}

/**
 * Whether the person has, on one side (as mentor or as mentee), a request still pending, sent or
 * received, or an introduction neither has declined that has not opened a relationship yet:
 * either could still make them a mentor or mentee.
 */
export async function hasOpenCommitmentAs(
  db: Db,
  programmeId: string,
  personId: string,
  side: 'mentor' | 'mentee',
): Promise<boolean> {
  const [request] = await db
    .select({ id: mentoringRequest.id })
    .from(mentoringRequest)
    .where(
      and(
        eq(mentoringRequest.programmeId, programmeId),
        eq(side === 'mentor' ? mentoringRequest.mentorId : mentoringRequest.menteeId, personId),
        eq(mentoringRequest.status, 'pending'),
      ),
    )
    .limit(1);
  if (request) return true;
  const [open] = await db
    .select({ id: introduction.id })
    .from(introduction)
    .where(
      and(
        eq(introduction.programmeId, programmeId),
        eq(side === 'mentor' ? introduction.mentorId : introduction.menteeId, personId),
        ne(introduction.menteeResponse, 'declined'),
        ne(introduction.mentorResponse, 'declined'),
        isNull(introduction.relationshipId),
      ),
    )
    .limit(1);
  return open !== undefined;
}

export async function updateEnrolment(
  db: Db,
  id: string,
  values: Pick<typeof enrolment.$inferInsert, 'role' | 'capacity' | 'offersGroup' | 'answers'>,
): Promise<EnrolmentRow> {
  const [row] = await db
    .update(enrolment)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(enrolment.id, id))
    .returning();
  return row!;
}

/**
 * Closes what someone leaving a programme leaves open there: their pending requests, sent or
 * received, become withdrawn, and their side of open introductions is declined. Returns the
 * other person of each closed request and introduction.
 */
export async function closeOpenCommitments(
  db: Db,
  programmeId: string,
  personId: string,
  now: Date,
): Promise<{ requests: string[]; introductions: string[] }> {
  const requests = await db
    .update(mentoringRequest)
    .set({ status: 'withdrawn', respondedAt: now })
    .where(
      and(
        eq(mentoringRequest.programmeId, programmeId),
        eq(mentoringRequest.status, 'pending'),
        or(eq(mentoringRequest.fromPersonId, personId), eq(mentoringRequest.toPersonId, personId)),
      ),
    )
    .returning({ from: mentoringRequest.fromPersonId, to: mentoringRequest.toPersonId });
  const open = and(
    eq(introduction.programmeId, programmeId),
    ne(introduction.menteeResponse, 'declined'),
    ne(introduction.mentorResponse, 'declined'),
    isNull(introduction.relationshipId),
  );
  const asMentee = await db
    .update(introduction)
    .set({ menteeResponse: 'declined' })
    .where(and(open, eq(introduction.menteeId, personId)))
    .returning({ other: introduction.mentorId });
  const asMentor = await db
    .update(introduction)
    .set({ mentorResponse: 'declined' })
    .where(and(open, eq(introduction.mentorId, personId)))
    .returning({ other: introduction.menteeId });
  return {
    requests: requests.map((r) => (r.from === personId ? r.to : r.from)),
    introductions: [...asMentee, ...asMentor].map((i) => i.other),
  };
}

export async function deactivateEnrolment(db: Db, programmeId: string, personId: string) {
  await db
    .update(enrolment)
    .set({ isActive: false, updatedAt: new Date() })
    .where(and(eq(enrolment.programmeId, programmeId), eq(enrolment.personId, personId)));
}

/** One page of a programme's active enrolments (by name), with the total. */
export async function listEnrolments(
  db: Db,
  programmeId: string,
  page: { limit: number; offset: number },
) {
  const active = and(
    eq(enrolment.programmeId, programmeId),
    eq(enrolment.isActive, true),
    eq(person.isActive, true),
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({ enrolment, givenName: person.givenName, familyName: person.familyName })
      .from(enrolment)
      .innerJoin(person, eq(person.id, enrolment.personId))
      .where(active)
      .orderBy(asc(person.familyName), asc(person.givenName), asc(enrolment.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(enrolment)
      .innerJoin(person, eq(person.id, enrolment.personId))
      .where(active),
  ]);
  return { rows, total: counted?.n ?? 0 };
}
