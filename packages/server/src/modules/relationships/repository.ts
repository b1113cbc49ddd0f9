import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  meeting,
  mentoringRequest,
  person,
  profile,
  programme,
  relationship,
  relationshipAgreement,
  relationshipEnding,
  relationshipMentee,
  relationshipMessage,
  relationshipRead,
  requestMessage,
} from '../../db/schema.js';

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
      leftAt: relationshipMentee.leftAt,
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

export async function findProgrammeOf(db: Db, organisationId: string, programmeId: string) {
  const [row] = await db
    .select({ id: programme.id, name: programme.name, endsOn: programme.endsOn })
    .from(programme)
    .where(and(eq(programme.id, programmeId), eq(programme.organisationId, organisationId)));
  return row ?? null;
}

/**
 * What one participant may see of another: the profile's public part and the contact details
 * (both said yes). Deliberately no department, location, manager, sensitive attributes or
 * availability.
 */
export async function findParticipantProfiles(db: Db, organisationId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: person.id,
      jobTitle: person.jobTitle,
      email: person.email,
      languages: profile.languages,
      meetingMode: profile.meetingMode,
      place: profile.place,
      about: profile.about,
      offers: profile.offers,
      wants: profile.wants,
      phone: profile.phone,
    })
    .from(person)
    .leftJoin(profile, eq(profile.personId, person.id))
    .where(and(inArray(person.id, personIds), eq(person.organisationId, organisationId)));
}

/** Each mentee's row: the reasons kept at acceptance, the click strength, whether they left. */
export async function findMenteeRows(db: Db, relationshipId: string) {
  return db
    .select({
      menteeId: relationshipMentee.menteeId,
      reasons: relationshipMentee.reasons,
      strength: relationshipMentee.strength,
      leftAt: relationshipMentee.leftAt,
    })
    .from(relationshipMentee)
    .where(eq(relationshipMentee.relationshipId, relationshipId))
    .orderBy(asc(relationshipMentee.joinedAt));
}

/** The hopes of the newest agreement version (confirmed or not), or {} without one. */
export async function findNewestHopes(db: Db, relationshipId: string) {
  const [row] = await db
    .select({ hopes: relationshipAgreement.hopes })
    .from(relationshipAgreement)
    .where(eq(relationshipAgreement.relationshipId, relationshipId))
    .orderBy(desc(relationshipAgreement.version))
    .limit(1);
  return row?.hopes ?? {};
}

/** The earliest planned meeting from `now` on, per relationship. */
export async function findNextMeetings(db: Db, relationshipIds: string[], now: Date) {
  if (relationshipIds.length === 0) return new Map<string, typeof meeting.$inferSelect>();
  const rows = await db
    .select()
    .from(meeting)
    .where(
      and(
        inArray(meeting.relationshipId, relationshipIds),
        eq(meeting.status, 'planned'),
        gte(meeting.startsAt, now),
      ),
    )
    .orderBy(asc(meeting.startsAt));
  const next = new Map<string, typeof meeting.$inferSelect>();
  for (const row of rows) if (!next.has(row.relationshipId)) next.set(row.relationshipId, row);
  return next;
}

/**
 * The requests that opened (or added a mentee to) the relationship, of which the person is a
 * party: in a group, a mentee never reads another mentee's request.
 */
export async function findOpeningRequests(
  db: Db,
  organisationId: string,
  relationshipId: string,
  personId: string,
) {
  return db
    .select({
      id: mentoringRequest.id,
      fromPersonId: mentoringRequest.fromPersonId,
      message: mentoringRequest.message,
      hopes: mentoringRequest.hopes,
      createdAt: mentoringRequest.createdAt,
    })
    .from(mentoringRequest)
    .where(
      and(
        eq(mentoringRequest.organisationId, organisationId),
        eq(mentoringRequest.relationshipId, relationshipId),
        or(eq(mentoringRequest.fromPersonId, personId), eq(mentoringRequest.toPersonId, personId)),
      ),
    );
}

export async function findRequestMessages(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({
      id: requestMessage.id,
      requestId: requestMessage.requestId,
      authorPersonId: requestMessage.authorPersonId,
      body: requestMessage.body,
      createdAt: requestMessage.createdAt,
    })
    .from(requestMessage)
    .where(inArray(requestMessage.requestId, requestIds));
}

export async function findMessages(db: Db, relationshipId: string) {
  return db
    .select({
      id: relationshipMessage.id,
      authorPersonId: relationshipMessage.authorPersonId,
      body: relationshipMessage.body,
      createdAt: relationshipMessage.createdAt,
    })
    .from(relationshipMessage)
    .where(eq(relationshipMessage.relationshipId, relationshipId))
    .orderBy(asc(relationshipMessage.createdAt), asc(relationshipMessage.id));
}

export async function insertMessage(db: Db, values: typeof relationshipMessage.$inferInsert) {
  const [row] = await db.insert(relationshipMessage).values(values).returning();
  return row!;
}

/** Moves the person's read mark forward (never back). */
export async function markRead(db: Db, relationshipId: string, personId: string, at: Date) {
  await db
    .insert(relationshipRead)
    .values({ relationshipId, personId, lastReadAt: at })
    .onConflictDoUpdate({
      target: [relationshipRead.relationshipId, relationshipRead.personId],
      set: { lastReadAt: sql`greatest(${relationshipRead.lastReadAt}, excluded.last_read_at)` },
    });
}

/** Messages by others the person has not read yet, per relationship. */
export async function countUnread(db: Db, relationshipIds: string[], personId: string) {
  if (relationshipIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({
      relationshipId: relationshipMessage.relationshipId,
      n: sql<number>`count(*)::int`,
    })
    .from(relationshipMessage)
    .leftJoin(
      relationshipRead,
      and(
        eq(relationshipRead.relationshipId, relationshipMessage.relationshipId),
        eq(relationshipRead.personId, personId),
      ),
    )
    .where(
      and(
        inArray(relationshipMessage.relationshipId, relationshipIds),
        ne(relationshipMessage.authorPersonId, personId),
        or(
          isNull(relationshipRead.lastReadAt),
          gt(relationshipMessage.createdAt, relationshipRead.lastReadAt),
        ),
      ),
    )
    .groupBy(relationshipMessage.relationshipId);
  return new Map(rows.map((r) => [r.relationshipId, r.n]));
}

export async function updateRelationship(
  db: Db,
  id: string,
  values: Partial<typeof relationship.$inferInsert>,
) {
  await db.update(relationship).set(values).where(eq(relationship.id, id));
}

export async function markMenteeLeft(db: Db, relationshipId: string, menteeId: string, at: Date) {
  await db
    .update(relationshipMentee)
    .set({ leftAt: at })
    .where(
      and(
        eq(relationshipMentee.relationshipId, relationshipId),
        eq(relationshipMentee.menteeId, menteeId),
      ),
    );
}

export async function insertEnding(db: Db, values: typeof relationshipEnding.$inferInsert) {
  await db.insert(relationshipEnding).values(values);
}

/**
 * Active relationships of programmes whose last day (`ends_on`) lies before `today`, locked and
 * skipping rows another runner holds.
 */
export async function lockDueForCompletion(db: Db, today: string, limit: number) {
  return db
    .select({ relationship, programmeName: programme.name })
    .from(relationship)
    .innerJoin(programme, eq(programme.id, relationship.programmeId))
    .where(and(eq(relationship.status, 'active'), lt(programme.endsOn, today)))
    .orderBy(asc(relationship.id))
    .limit(limit)
    .for('update', { of: relationship, skipLocked: true });
}

/** Paused relationships whose return date is `today` or earlier. */
export async function lockDueForResume(db: Db, today: string, limit: number) {
  return db
    .select()
    .from(relationship)
    .where(and(eq(relationship.status, 'active'), lte(relationship.pauseUntil, today)))
    .orderBy(asc(relationship.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}
