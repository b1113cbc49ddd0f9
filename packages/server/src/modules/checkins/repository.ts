import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  checkIn,
  person,
  programme,
  relationship,
  relationshipMentee,
  type CheckInQuestion,
} from '../../db/schema.js';

export type CheckInRow = typeof checkIn.$inferSelect;

/** Rows of a raw statement (PGlite and node-postgres both answer `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** A check-in is missed when a newer one for the same person and relationship was sent. */
const isSupersededSql = (alias: string): SQL => {
  const c = sql.raw(alias);
  return sql`exists (select 1 from check_in n where n.relationship_id = ${c}.relationship_id
    and n.person_id = ${c}.person_id and n.due_on > ${c}.due_on)`;
};

/** The id of the last relationship of the next batch of running, not paused relationships. */
export async function nextBatchEnd(
  db: Db,
  after: string | null,
  size: number,
): Promise<string | null> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select id from (
        select r.id from relationship r
        where r.status = 'active' and r.paused_at is null
          ${after ? sql`and r.id > ${after}` : sql``}
        order by r.id limit ${size}
      ) b order by id desc limit 1`),
  );
  return rows[0]?.id ?? null;
}

export interface InsertedCheckIn {
  id: string;
  relationship_id: string;
  person_id: string;
  programme_id: string;
  due_on: string;
}

/**
 * Sends (inserts) every check-in that is due on `today` for the running, not paused relationships
 * with ids in (after, until], in one statement. Per current participant (the mentor and mentees
 * who have not left): the cadence is the agreement in force (the newest version that held, else
 * the newest proposed) or the programme's; the next due day is the last check-in's due day, else
 * the relationship's start day, plus the cadence — moved on by whole periods when several passed
 * (a server that was down sends one, not a backlog). ON CONFLICT DO NOTHING on
 * (relationship, person, due day): a second runner inserts nothing, and only what this statement
 * inserted is returned (and notified).
 */
export async function insertDueCheckIns(
  db: Db,
  range: { after: string | null; until: string },
  today: string,
  now: Date,
  standard: readonly CheckInQuestion[],
): Promise<InsertedCheckIn[]> {
  const result = await db.execute(sql`
    with batch as (
      select r.id, r.organisation_id, r.programme_id, r.mentor_id,
        (r.started_at at time zone 'UTC')::date as start_day
      from relationship r
      where r.status = 'active' and r.paused_at is null
        ${range.after ? sql`and r.id > ${range.after}` : sql``}
        and r.id <= ${range.until}
    ),
    people as (
      select b.id as relationship_id, b.mentor_id as person_id, 'mentor'::text as side,
        null::timestamptz as joined_at
      from batch b
      union all
      select m.relationship_id, m.mentee_id, 'mentee'::text, m.joined_at
      from relationship_mentee m join batch b on b.id = m.relationship_id
      where m.left_at is null
    ),
    versions as (
      select a.id, a.relationship_id, a.version, a.cadence_days, a.created_at,
        a.version = max(a.version) over (partition by a.relationship_id) as is_newest
      from relationship_agreement a join batch b on b.id = a.relationship_id
    ),
    held as (
      -- The newest version needs everyone in it now; an older one those who were in it then.
      select v.relationship_id, v.version, v.cadence_days from versions v
      where not exists (
        select 1 from people p
        where p.relationship_id = v.relationship_id
          and (v.is_newest or p.side = 'mentor' or p.joined_at <= v.created_at)
          and not exists (
            select 1 from agreement_confirmation ac
            where ac.agreement_id = v.id and ac.person_id = p.person_id))
    ),
    cadence as (
      select b.id as relationship_id, b.organisation_id, b.programme_id, b.start_day,
        coalesce(
          (select h.cadence_days from held h where h.relationship_id = b.id
            order by h.version desc limit 1),
          (select v.cadence_days from versions v where v.relationship_id = b.id and v.is_newest),
          p.check_in_cadence_days) as days,
        case when jsonb_array_length(p.check_in_questions) = 0
          then ${JSON.stringify(standard)}::jsonb else p.check_in_questions end as questions
      from batch b join programme p on p.id = b.programme_id
    ),
    last_sent as (
      select c.relationship_id, c.person_id, max(c.due_on) as due_on
      from check_in c join batch b on b.id = c.relationship_id
      group by c.relationship_id, c.person_id
    ),
    due as (
      select k.organisation_id, k.programme_id, pe.relationship_id, pe.person_id, pe.side,
        k.questions, k.days, coalesce(l.due_on, k.start_day) as base
      from people pe
      join cadence k on k.relationship_id = pe.relationship_id
      left join last_sent l on l.relationship_id = pe.relationship_id
        and l.person_id = pe.person_id
      where k.days > 0 and coalesce(l.due_on, k.start_day) + k.days <= ${today}::date
    )
    insert into check_in
      (organisation_id, programme_id, relationship_id, person_id, side, due_on, questions, sent_at)
    select d.organisation_id, d.programme_id, d.relationship_id, d.person_id, d.side,
      d.base + d.days * ((${today}::date - d.base) / d.days), d.questions, ${now.toISOString()}::timestamptz
    from due d
    on conflict (relationship_id, person_id, due_on) do nothing
    returning id, relationship_id, person_id, programme_id, due_on::text as due_on`);
  return rowsOf<InsertedCheckIn>(result);
}

/**
 * Marks for a reminder (at most `limit`) the open check-ins sent at least three days before `now`
 * and not reminded yet, in running, not paused relationships. The condition is checked again on
 * each row as it is updated: of two runners, one marks it and gets it back.
 */
export async function markDueReminders(
  db: Db,
  now: Date,
  sentBefore: Date,
  limit: number,
): Promise<InsertedCheckIn[]> {
  const result = await db.execute(sql`
    update check_in c set reminded_at = ${now.toISOString()}::timestamptz
    where c.id in (
      select o.id from check_in o
      join relationship r on r.id = o.relationship_id
      where o.reminded_at is null and o.answered_at is null
        and o.sent_at <= ${sentBefore.toISOString()}::timestamptz
        and r.status = 'active' and r.paused_at is null
        and not ${isSupersededSql('o')}
      order by o.sent_at limit ${limit})
      and c.reminded_at is null and c.answered_at is null
    returning c.id, c.relationship_id, c.person_id, c.programme_id, c.due_on::text as due_on`);
  return rowsOf<InsertedCheckIn>(result);
}

/** The participants of some relationships (mentor and mentees who have not left), with names. */
export async function findParticipantNames(db: Db, relationshipIds: string[]) {
  if (relationshipIds.length === 0) return [];
  const mentors = db
    .select({
      relationshipId: relationship.id,
      personId: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
    })
    .from(relationship)
    .innerJoin(person, eq(person.id, relationship.mentorId))
    .where(inArray(relationship.id, relationshipIds));
  const mentees = db
    .select({
      relationshipId: relationshipMentee.relationshipId,
      personId: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
    })
    .from(relationshipMentee)
    .innerJoin(person, eq(person.id, relationshipMentee.menteeId))
    .where(
      and(
        inArray(relationshipMentee.relationshipId, relationshipIds),
        isNull(relationshipMentee.leftAt),
      ),
    );
  // One after the other: inside a transaction both would share one connection.
  const a = await mentors;
  const b = await mentees;
  return [...a, ...b];
}

export async function findProgrammeNames(db: Db, programmeIds: string[]) {
  if (programmeIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: programme.id, name: programme.name })
    .from(programme)
    .where(inArray(programme.id, programmeIds));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const superseded = sql<boolean>`exists (select 1 from check_in n
  where n.relationship_id = ${checkIn.relationshipId} and n.person_id = ${checkIn.personId}
    and n.due_on > ${checkIn.dueOn})`;

const listColumns = {
  id: checkIn.id,
  relationshipId: checkIn.relationshipId,
  programmeId: checkIn.programmeId,
  programmeName: programme.name,
  side: checkIn.side,
  dueOn: checkIn.dueOn,
  sentAt: checkIn.sentAt,
  remindedAt: checkIn.remindedAt,
  answeredAt: checkIn.answeredAt,
  isSuperseded: superseded,
};

/** Open: not answered, and no newer one for the same person and relationship. */
const isOpenSql = sql`(${checkIn.answeredAt} is null and not ${superseded})`;

/** The person's check-ins, open ones first, then the newest; never the answers. */
export async function listForPerson(
  db: Db,
  organisationId: string,
  personId: string,
  page: { limit: number; offset: number },
) {
  const where = and(eq(checkIn.organisationId, organisationId), eq(checkIn.personId, personId));
  const [rows, [count]] = await Promise.all([
    db
      .select(listColumns)
      .from(checkIn)
      .innerJoin(programme, eq(programme.id, checkIn.programmeId))
      .where(where)
      .orderBy(desc(isOpenSql), desc(checkIn.sentAt), desc(checkIn.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(checkIn)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** The person's open check-ins (for the home page), oldest first, and how many there are. */
export async function listOpenForPerson(
  db: Db,
  organisationId: string,
  personId: string,
  limit: number,
) {
  const where = and(
    eq(checkIn.organisationId, organisationId),
    eq(checkIn.personId, personId),
    isOpenSql,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select(listColumns)
      .from(checkIn)
      .innerJoin(programme, eq(programme.id, checkIn.programmeId))
      .where(where)
      .orderBy(checkIn.sentAt, checkIn.id)
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(checkIn)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** One check-in of the person (anyone else's is not found), locked inside a transaction. */
export async function findOwn(
  db: Db,
  organisationId: string,
  personId: string,
  id: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select({ ...listColumns, questions: checkIn.questions, answers: checkIn.answers })
    .from(checkIn)
    .innerJoin(programme, eq(programme.id, checkIn.programmeId))
    .where(
      and(
        eq(checkIn.id, id),
        eq(checkIn.organisationId, organisationId),
        eq(checkIn.personId, personId),
      ),
    );
  const [row] = options.lock ? await query.for('update', { of: checkIn }) : await query;
  return row ?? null;
}

export async function saveAnswers(
  db: Db,
  id: string,
  answers: CheckInRow['answers'],
  now: Date,
): Promise<boolean> {
  const updated = await db
    .update(checkIn)
    .set({ answers, answeredAt: now })
    .where(and(eq(checkIn.id, id), isNull(checkIn.answeredAt)))
    .returning({ id: checkIn.id });
  return updated.length === 1;
}
