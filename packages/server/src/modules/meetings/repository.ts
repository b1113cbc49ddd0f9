import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  calendarFeed,
  meeting,
  person,
  relationship,
  relationshipMentee,
} from '../../db/schema.js';

export type MeetingRow = typeof meeting.$inferSelect;

/** A relationship's meetings that start after `now`, soonest first. */
export async function listUpcoming(
  db: Db,
  organisationId: string,
  relationshipId: string,
  now: Date,
  limit: number,
) {
  return db
    .select()
    .from(meeting)
    .where(
      and(
        eq(meeting.organisationId, organisationId),
        eq(meeting.relationshipId, relationshipId),
        gt(meeting.startsAt, now),
      ),
    )
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .limit(limit);
}

/** A relationship's meetings that have started, newest first, and how many there are. */
export async function listPast(
  db: Db,
  organisationId: string,
  relationshipId: string,
  now: Date,
  limit: number,
) {
  const where = and(
    eq(meeting.organisationId, organisationId),
    eq(meeting.relationshipId, relationshipId),
    lte(meeting.startsAt, now),
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(meeting)
      .where(where)
      .orderBy(desc(meeting.startsAt), desc(meeting.id))
      .limit(limit),
    db.select({ n: count() }).from(meeting).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** One meeting of the relationship; `lock` takes its row lock (inside a transaction). */
export async function findMeeting(
  db: Db,
  organisationId: string,
  relationshipId: string,
  meetingId: string,
  options: { lock?: boolean } = {},
): Promise<MeetingRow | null> {
  const query = db
    .select()
    .from(meeting)
    .where(
      and(
        eq(meeting.id, meetingId),
        eq(meeting.organisationId, organisationId),
        eq(meeting.relationshipId, relationshipId),
      ),
    );
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertMeeting(db: Db, values: typeof meeting.$inferInsert) {
  const [row] = await db.insert(meeting).values(values).returning();
  return row!;
}

export async function updateMeeting(
  db: Db,
  id: string,
  values: Partial<typeof meeting.$inferInsert>,
): Promise<MeetingRow> {
  const [row] = await db.update(meeting).set(values).where(eq(meeting.id, id)).returning();
  return row!;
}

/** Planned meetings of the relationship that start after `now`, locked. */
export async function lockPlannedFrom(db: Db, relationshipId: string, now: Date) {
  return db
    .select()
    .from(meeting)
    .where(
      and(
        eq(meeting.relationshipId, relationshipId),
        eq(meeting.status, 'planned'),
        gt(meeting.startsAt, now),
      ),
    )
    .orderBy(asc(meeting.startsAt))
    .for('update');
}

/** Names and addresses for invitations (organisation-scoped). */
export async function findContacts(db: Db, organisationId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: person.id,
      email: person.email,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
    })
    .from(person)
    .where(and(inArray(person.id, personIds), eq(person.organisationId, organisationId)));
}

// ---------------------------------------------------------------------------------------------
// Calendar feed
// ---------------------------------------------------------------------------------------------

export async function findFeed(db: Db, personId: string) {
  const [row] = await db
    .select({ createdAt: calendarFeed.createdAt })
    .from(calendarFeed)
    .where(eq(calendarFeed.personId, personId));
  return row ?? null;
}

/** Creates the person's feed or replaces its token (the old address stops working at once). */
export async function saveFeed(
  db: Db,
  values: { personId: string; organisationId: string; tokenHash: string; createdAt: Date },
) {
  const [row] = await db
    .insert(calendarFeed)
    .values(values)
    .onConflictDoUpdate({
      target: calendarFeed.personId,
      set: { tokenHash: values.tokenHash, createdAt: values.createdAt },
    })
    .returning({ createdAt: calendarFeed.createdAt });
  return row!;
}

export async function deleteFeed(db: Db, personId: string) {
  await db.delete(calendarFeed).where(eq(calendarFeed.personId, personId));
}

/** The active person a feed token hash belongs to. */
export async function findFeedOwner(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      personId: calendarFeed.personId,
      organisationId: calendarFeed.organisationId,
    })
    .from(calendarFeed)
    .innerJoin(
      person,
      and(
        eq(person.id, calendarFeed.personId),
        eq(person.organisationId, calendarFeed.organisationId),
      ),
    )
    .where(and(eq(calendarFeed.tokenHash, tokenHash), eq(person.isActive, true)))
    .limit(1);
  return row ?? null;
}

/**
 * The meetings of every relationship the person is still in (active, paused ones included) that
 * start from `since` on, newest first, with their relationship for naming the others.
 */
export async function listFeedMeetings(
  db: Db,
  organisationId: string,
  personId: string,
  since: Date,
  limit: number,
) {
  const asMentee = db
    .select({ id: relationshipMentee.relationshipId })
    .from(relationshipMentee)
    .where(and(eq(relationshipMentee.menteeId, personId), isNull(relationshipMentee.leftAt)));
  return (
    db
      .select({ meeting, relationship })
      .from(meeting)
      .innerJoin(relationship, eq(relationship.id, meeting.relationshipId))
      .where(
        and(
          eq(meeting.organisationId, organisationId),
          eq(relationship.organisationId, organisationId),
          eq(relationship.status, 'active'),
          or(eq(relationship.mentorId, personId), inArray(relationship.id, asMentee)),
          gte(meeting.startsAt, since),
        ),
      )
      // The newest first, so that a cut at `limit` drops the oldest, never the coming ones.
      .orderBy(desc(meeting.startsAt))
      .limit(limit)
  );
}

/** The current mentees (not left) of relationships, for naming who a meeting is with. */
export async function findCurrentMentees(db: Db, relationshipIds: string[]) {
  if (relationshipIds.length === 0) return [];
  return db
    .select({
      relationshipId: relationshipMentee.relationshipId,
      menteeId: relationshipMentee.menteeId,
    })
    .from(relationshipMentee)
    .where(
      and(
        inArray(relationshipMentee.relationshipId, relationshipIds),
        isNull(relationshipMentee.leftAt),
      ),
    )
    .orderBy(asc(relationshipMentee.joinedAt));
}
