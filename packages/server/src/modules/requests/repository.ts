import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  enrolment,
  mentoringRequest,
  person,
  profile,
  programme,
  relationship,
  relationshipMentee,
  requestMessage,
  type KeptReason,
} from '../../db/schema.js';

export type RequestRow = typeof mentoringRequest.$inferSelect;

export async function findRequestForParty(
  db: Db,
  organisationId: string,
  id: string,
  personId: string,
) {
  const [row] = await db
    .select()
    .from(mentoringRequest)
    .where(
      and(
        eq(mentoringRequest.id, id),
        eq(mentoringRequest.organisationId, organisationId),
        or(eq(mentoringRequest.fromPersonId, personId), eq(mentoringRequest.toPersonId, personId)),
      ),
    );
  return row ?? null;
}

export async function lockRequest(db: Db, id: string): Promise<RequestRow | null> {
  const [row] = await db
    .select()
    .from(mentoringRequest)
    .where(eq(mentoringRequest.id, id))
    .for('update');
  return row ?? null;
}

export async function findPendingAsMentee(db: Db, programmeId: string, menteeId: string) {
  const [row] = await db
    .select({ id: mentoringRequest.id })
    .from(mentoringRequest)
    .where(
      and(
        eq(mentoringRequest.programmeId, programmeId),
        eq(mentoringRequest.menteeId, menteeId),
        eq(mentoringRequest.status, 'pending'),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function hasActiveRelationshipAsMentee(db: Db, programmeId: string, menteeId: string) {
  const [row] = await db
    .select({ id: relationship.id })
    .from(relationship)
    .innerJoin(relationshipMentee, eq(relationshipMentee.relationshipId, relationship.id))
    .where(
      and(
        eq(relationship.programmeId, programmeId),
        eq(relationship.status, 'active'),
        eq(relationshipMentee.menteeId, menteeId),
        // A group member who left is free to find another mentor.
        isNull(relationshipMentee.leftAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function insertRequest(db: Db, values: typeof mentoringRequest.$inferInsert) {
  const [row] = await db.insert(mentoringRequest).values(values).returning();
  return row!;
}

export async function updateRequest(
  db: Db,
  id: string,
  values: Partial<typeof mentoringRequest.$inferInsert>,
) {
  await db.update(mentoringRequest).set(values).where(eq(mentoringRequest.id, id));
}

/** One page of a person's received (inbox) or sent (outbox) requests, newest first, and the total. */
export async function listRequestsOf(
  db: Db,
  personId: string,
  box: 'inbox' | 'outbox',
  page: { limit: number; offset: number },
) {
  const mine = eq(
    box === 'inbox' ? mentoringRequest.toPersonId : mentoringRequest.fromPersonId,
    personId,
  );
  // The total rides on each row as a window count: one statement per page.
  const rows = await selectRequestsOf(db, box, sql<number>`count(*) over ()`.mapWith(Number))
    .where(mine)
    .orderBy(desc(mentoringRequest.createdAt), desc(mentoringRequest.id))
    .limit(page.limit)
    .offset(page.offset);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    // A page past the end has no row to carry the count (rare: count it apart).
    const [counted] = await db.select({ n: count() }).from(mentoringRequest).where(mine);
    total = counted?.n ?? 0;
  }
  return { rows, total };
}

function selectRequestsOf(db: Db, box: 'inbox' | 'outbox', total: SQL<number>) {
  return db
    .select({
      request: mentoringRequest,
      total,
      programmeName: programme.name,
      otherGiven: person.givenName,
      otherFamily: person.familyName,
      otherJobTitle: person.jobTitle,
    })
    .from(mentoringRequest)
    .innerJoin(programme, eq(programme.id, mentoringRequest.programmeId))
    .innerJoin(
      person,
      eq(person.id, box === 'inbox' ? mentoringRequest.fromPersonId : mentoringRequest.toPersonId),
    )
    .$dynamic();
}

export async function listMessages(db: Db, requestId: string) {
  return db
    .select({
      id: requestMessage.id,
      authorPersonId: requestMessage.authorPersonId,
      body: requestMessage.body,
      createdAt: requestMessage.createdAt,
      givenName: person.givenName,
      familyName: person.familyName,
    })
    .from(requestMessage)
    .innerJoin(person, eq(person.id, requestMessage.authorPersonId))
    .where(eq(requestMessage.requestId, requestId))
    .orderBy(asc(requestMessage.createdAt));
}

export async function insertMessage(db: Db, values: typeof requestMessage.$inferInsert) {
  await db.insert(requestMessage).values(values);
}

/** Locks the mentor's enrolment: accepts for the same mentor run one after the other. */
/**
 * Locks the enrolments of both people of a pair, always in the same (id) order, so accepts that
 * race for one mentor's last place, or for one mentee, run one after the other without deadlock.
 */
export async function lockPairEnrolments(
  db: Db,
  programmeId: string,
  pair: { mentorId: string; menteeId: string },
) {
  const rows = await db
    .select()
    .from(enrolment)
    .where(
      and(
        eq(enrolment.programmeId, programmeId),
        inArray(enrolment.personId, [pair.mentorId, pair.menteeId]),
      ),
    )
    .orderBy(enrolment.id)
    .for('update');
  return {
    mentor: rows.find((r) => r.personId === pair.mentorId) ?? null,
    mentee: rows.find((r) => r.personId === pair.menteeId) ?? null,
  };
}

export async function countActiveMentees(
  db: Db,
  programmeId: string,
  mentorId: string,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(relationship)
    .innerJoin(relationshipMentee, eq(relationshipMentee.relationshipId, relationship.id))
    .where(
      and(
        eq(relationship.programmeId, programmeId),
        eq(relationship.mentorId, mentorId),
        eq(relationship.status, 'active'),
        // A group member who left no longer takes a place.
        isNull(relationshipMentee.leftAt),
      ),
    );
  return row?.n ?? 0;
}

export async function findActiveGroup(db: Db, programmeId: string, mentorId: string) {
  const [row] = await db
    .select({ id: relationship.id })
    .from(relationship)
    .where(
      and(
        eq(relationship.programmeId, programmeId),
        eq(relationship.mentorId, mentorId),
        eq(relationship.status, 'active'),
        eq(relationship.isGroup, true),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertRelationship(db: Db, values: typeof relationship.$inferInsert) {
  const [row] = await db.insert(relationship).values(values).returning();
  return row!;
}

/** Adds a mentee, with why the two clicked (kept at acceptance, both languages) when known. */
export async function addMentee(
  db: Db,
  relationshipId: string,
  menteeId: string,
  kept: { reasons?: KeptReason[]; strength?: number | null } = {},
) {
  await db.insert(relationshipMentee).values({
    relationshipId,
    menteeId,
    reasons: kept.reasons ?? [],
    strength: kept.strength ?? null,
  });
}

export async function personName(db: Db, id: string): Promise<string> {
  const [row] = await db
    .select({ givenName: person.givenName, familyName: person.familyName })
    .from(person)
    .where(eq(person.id, id));
  return row ? `${row.givenName} ${row.familyName}` : '';
}

/** A person of the organisation with their profile (null when they have none yet). */
export async function findPersonWithProfile(db: Db, organisationId: string, personId: string) {
  const [row] = await db
    .select({ person, profile })
    .from(person)
    .leftJoin(profile, eq(profile.personId, person.id))
    .where(and(eq(person.id, personId), eq(person.organisationId, organisationId)));
  return row ?? null;
}

/**
 * Locks the pending requests to or from a mentor in a programme, in id order. An accept takes
 * these before the enrolments (the order leaving a programme uses too), so two accepts for one
 * mentor, or an accept and the closing of the mentor's other requests, wait for each other.
 */
export async function lockPendingOfMentor(db: Db, programmeId: string, mentorId: string) {
  return db
    .select({ id: mentoringRequest.id })
    .from(mentoringRequest)
    .where(
      and(
        eq(mentoringRequest.programmeId, programmeId),
        eq(mentoringRequest.mentorId, mentorId),
        eq(mentoringRequest.status, 'pending'),
      ),
    )
    .orderBy(mentoringRequest.id)
    .for('update');
}

/** Closes a mentor's pending requests in a programme (Klik closes them, not a person). */
export async function closePendingOfMentor(
  db: Db,
  programmeId: string,
  mentorId: string,
  values: { closedReason: string; respondedAt: Date },
) {
  return db
    .update(mentoringRequest)
    .set({ status: 'closed', ...values })
    .where(
      and(
        eq(mentoringRequest.programmeId, programmeId),
        eq(mentoringRequest.mentorId, mentorId),
        eq(mentoringRequest.status, 'pending'),
      ),
    )
    .returning({
      id: mentoringRequest.id,
      menteeId: mentoringRequest.menteeId,
      organisationId: mentoringRequest.organisationId,
    });
}
