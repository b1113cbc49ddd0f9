import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Relationship health: which running relationships of a programme may need help, and why. Every
 * signal is computed in SQL from metadata only — dates, authors, outcomes, confirmations and the
 * number a participant gave as usefulness — never from the text of a note, message, meeting or
 * answer. The manager sees the signal and its facts, never an answer: `usefulness_falling` says
 * that it fell, not from what to what, and neither it nor `check_ins_unanswered` says whose.
 *
 * A paused relationship is left alone (the pause was agreed) until its return date has passed:
 * then `paused_overdue` is its only signal.
 */

export const SIGNALS = [
  'no_meeting',
  'check_ins_unanswered',
  'usefulness_falling',
  'one_side_silent',
  'agreement_unconfirmed',
  'paused_overdue',
] as const;
export type Signal = (typeof SIGNALS)[number];

/** A check-in counts as left unanswered once it has been out this long (a reminder went out). */
export const ANSWER_GRACE_DAYS = 7;
/** A relationship this old without any agreement that held raises `agreement_unconfirmed`. */
export const AGREEMENT_GRACE_DAYS = 14;
export const MAX_HEALTH_PAGE = 100;

export interface HealthFilter {
  organisationId: string;
  programmeId: string;
  /** The moment the signals are computed for (the app's clock; tests move it). */
  now: Date;
}

/** The facts behind a relationship's signals: numbers and dates, never what anyone wrote. */
export interface HealthRow {
  relationshipId: string;
  startedAt: string;
  cadenceDays: number;
  cadenceSource: 'agreement' | 'programme';
  lastMeetingAt: string | null;
  daysSinceLastMeeting: number;
  daysSinceStart: number;
  windowDays: number;
  pauseUntil: string | null;
  daysOverdue: number | null;
  signals: Signal[];
}

interface RawHealthRow {
  relationship_id: string;
  started_at: string;
  cadence: number;
  cadence_agreed: boolean;
  last_held: string | null;
  days_since_meeting: number;
  days_since_start: number;
  pause_until: string | null;
  days_overdue: number | null;
  no_meeting: boolean;
  check_ins_unanswered: boolean;
  usefulness_falling: boolean;
  one_side_silent: boolean;
  agreement_unconfirmed: boolean;
  paused_overdue: boolean;
  total: number;
}

const iso = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The health of every active relationship of the programme (or of one), one row each, in a
 * single statement. `flagged` keeps the rows with at least one signal.
 *
 * Set-based: each source is read once for the programme's active relationships and aggregated
 * per relationship or per current participant (agreements that held; meetings logged, check-ins
 * answered and messages written since the earliest window start; every answered check-in, for
 * the last answer and the number of usefulness answers), then the aggregates are joined. Only
 * "the newest N" is read per relationship or person, by a short backward index scan that stops
 * after N rows: the last meeting held (meeting_rel_idx), the two newest check-ins sent and the
 * three newest usefulness answers (check_in_once_idx; the latter only for someone with two or
 * more). A window over every check-in of the programme (row_number per person) gives the same
 * answers but sorts all of them: two to three times slower at 60k check-ins.
 */
export function healthQuery(filter: HealthFilter & { relationshipId?: string }): SQL {
  const now = sql`${filter.now.toISOString()}::timestamptz`;
  const today = sql`${filter.now.toISOString().slice(0, 10)}::date`;
  const oneRelationship = filter.relationshipId
    ? sql`and r.id = ${filter.relationshipId}::uuid`
    : sql``;
  return sql`
    with rel as (
      select r.id, r.mentor_id, r.started_at, r.paused_at is not null as is_paused, r.pause_until,
             p.check_in_cadence_days
      from relationship r
      join programme p on p.id = r.programme_id and p.organisation_id = r.organisation_id
      where r.organisation_id = ${filter.organisationId}::uuid
        and r.programme_id = ${filter.programmeId}::uuid
        and r.status = 'active'
        ${oneRelationship}
    ),
    -- The agreements of these relationships that existed at the time, with the newest version.
    agreement as (
      select a.id, a.relationship_id, a.version, a.created_at, a.cadence_days, l.mentor_id,
             max(a.version) over (partition by a.relationship_id) as newest_version
      from relationship_agreement a
      join rel l on l.id = a.relationship_id
      where a.created_at <= ${now}
    ),
    -- The newest version that held: everyone who had to confirm it did. For the newest version
    -- that is every current participant; for an older one, those who were in it when it was
    -- proposed (as the agreements module decides).
    agreed as (
      select distinct on (a.relationship_id) a.relationship_id, a.cadence_days
      from agreement a
      where exists (
          select 1 from agreement_confirmation c
          where c.agreement_id = a.id and c.person_id = a.mentor_id and c.confirmed_at <= ${now}
        )
        and not exists (
          select 1 from relationship_mentee rm
          where rm.relationship_id = a.relationship_id and rm.left_at is null
            and (a.version = a.newest_version or rm.joined_at <= a.created_at)
            and not exists (
              select 1 from agreement_confirmation c
              where c.agreement_id = a.id and c.person_id = rm.mentee_id
                and c.confirmed_at <= ${now}
            )
        )
      order by a.relationship_id, a.version desc
    ),
    cadence as (
      select l.*,
             coalesce(ag.cadence_days, l.check_in_cadence_days) as cadence,
             ag.cadence_days is not null as cadence_agreed,
             ${now} - (2 * coalesce(ag.cadence_days, l.check_in_cadence_days)) * interval '1 day'
               as window_start
      from rel l
      left join agreed ag on ag.relationship_id = l.id
    ),
    -- The last meeting held: the newest through meeting_rel_idx (relationship_id, starts_at),
    -- one short backward index scan per relationship.
    held as (
      select l.id as relationship_id, h.last_held
      from cadence l
      cross join lateral (
        select m.starts_at as last_held
        from meeting m
        where m.relationship_id = l.id and m.outcome = 'held' and m.starts_at <= ${now}
        order by m.starts_at desc
        limit 1
      ) h
    ),
    -- Who logged a meeting (planned it, or recorded its outcome) within the window: one pass
    -- over the meetings created or recorded since the earliest window start.
    logged as (
      select m.relationship_id, who.person_id
      from meeting m
      join cadence l on l.id = m.relationship_id
      cross join lateral (
        select m.created_by as person_id
        where m.created_at > l.window_start and m.created_at <= ${now}
        union all
        select m.outcome_by
        where m.outcome_at > l.window_start and m.outcome_at <= ${now}
      ) who
      where ((m.created_at > (select min(w.window_start) from cadence w)
              and m.created_at <= ${now})
          or (m.outcome_at > (select min(w.window_start) from cadence w)
              and m.outcome_at <= ${now}))
        and who.person_id is not null
      group by m.relationship_id, who.person_id
    ),
    state as (
      select l.*, h.last_held,
             floor(extract(epoch from (${now} - coalesce(h.last_held, l.started_at))) / 86400)::int
               as days_since_meeting,
             floor(extract(epoch from (${now} - l.started_at)) / 86400)::int as days_since_start
      from cadence l
      left join held h on h.relationship_id = l.id
    ),
    -- The current participants of the relationships that are not paused: the mentor, and each
    -- mentee who has not left.
    participant as (
      select s.id as relationship_id, s.window_start, s.mentor_id as person_id,
             s.started_at as joined_at
      from state s
      where not s.is_paused
      union all
      select s.id, s.window_start, rm.mentee_id, rm.joined_at
      from state s
      join relationship_mentee rm on rm.relationship_id = s.id and rm.left_at is null
      where not s.is_paused
    ),
    -- The answered check-ins of these relationships, once: per person, the last answer (one
    -- within the window says the person is not silent) and how many usefulness answers there are.
    answered as (
      select c.relationship_id, c.person_id, max(c.answered_at) as last_answered_at,
             count(*) filter (where jsonb_typeof(c.answers -> 'usefulness') = 'number')::int
               as n_useful
      from check_in c
      where c.relationship_id in (select l.id from cadence l where not l.is_paused)
        and c.answered_at <= ${now}
      group by c.relationship_id, c.person_id
    ),
    -- Per participant: the two newest check-ins sent long enough ago, and the three newest
    -- usefulness answers (only for someone with two or more: one cannot fall), each a short
    -- backward scan of check_in_once_idx (relationship_id, person_id, due_on) that stops after
    -- two or three rows. A window over all their check-ins sorts every check-in of the
    -- programme instead: measured two to three times slower.
    check_in_facts as (
      select pt.relationship_id, pt.person_id, pt.joined_at, pt.window_start,
             coalesce(a.last_answered_at > pt.window_start, false) as answered,
             recent.n_recent, recent.n_unanswered,
             useful.u[1] as u1, useful.u[2] as u2, useful.u[3] as u3
      from participant pt
      left join answered a on a.relationship_id = pt.relationship_id
        and a.person_id = pt.person_id
      cross join lateral (
        select count(*)::int as n_recent,
               count(*) filter (where y.answered_at is null or y.answered_at > ${now})::int
                 as n_unanswered
        from (
          select c.answered_at from check_in c
          where c.relationship_id = pt.relationship_id and c.person_id = pt.person_id
            and c.sent_at <= ${now} - ${ANSWER_GRACE_DAYS} * interval '1 day'
          order by c.due_on desc
          limit 2
        ) y
      ) recent
      left join lateral (
        select array_agg(y.u order by y.due_on desc) as u
        from (
          select (c.answers ->> 'usefulness')::numeric as u, c.due_on from check_in c
          where a.n_useful >= 2
            and c.relationship_id = pt.relationship_id and c.person_id = pt.person_id
            and c.answered_at <= ${now}
            and jsonb_typeof(c.answers -> 'usefulness') = 'number'
          order by c.due_on desc
          limit 3
        ) y
      ) useful on true
    ),
    wrote as (
      select distinct m.relationship_id, m.author_person_id as person_id
      from relationship_message m
      join cadence l on l.id = m.relationship_id and not l.is_paused
      where m.created_at > l.window_start and m.created_at <= ${now}
    ),
    -- Per current participant, then per relationship.
    per_relationship as (
      select x.relationship_id,
             bool_or(x.n_recent = 2 and x.n_unanswered = 2) as unanswered_twice,
             bool_or(x.u2 - x.u1 >= 2 or (x.u3 > x.u2 and x.u2 > x.u1)) as falling,
             bool_or(x.wrote or x.logged) as someone_active,
             bool_or(x.was_there and not (x.wrote or x.logged or x.answered)) as someone_silent
      from (
        select pt.relationship_id, pt.joined_at <= pt.window_start as was_there,
               pt.n_recent, pt.n_unanswered, pt.u1, pt.u2, pt.u3, pt.answered,
               w.person_id is not null as wrote, g.person_id is not null as logged
        from check_in_facts pt
        left join wrote w on w.relationship_id = pt.relationship_id and w.person_id = pt.person_id
        left join logged g on g.relationship_id = pt.relationship_id
          and g.person_id = pt.person_id
      ) x
      group by x.relationship_id
    ),
    judged as (
      select s.*,
             not s.is_paused and s.days_since_meeting > s.cadence as no_meeting,
             not s.is_paused and coalesce(pr.unanswered_twice, false) as check_ins_unanswered,
             not s.is_paused and coalesce(pr.falling, false) as usefulness_falling,
             not s.is_paused and s.started_at <= s.window_start
               and coalesce(pr.someone_active and pr.someone_silent, false) as one_side_silent,
             not s.is_paused and not s.cadence_agreed
               and s.started_at < ${now} - ${AGREEMENT_GRACE_DAYS} * interval '1 day'
               as agreement_unconfirmed,
             s.is_paused and s.pause_until is not null and s.pause_until < ${today}
               as paused_overdue
      from state s
      left join per_relationship pr on pr.relationship_id = s.id
    ),
    flagged as (
      select j.*,
             (j.no_meeting::int + j.check_ins_unanswered::int + j.usefulness_falling::int
               + j.one_side_silent::int + j.agreement_unconfirmed::int + j.paused_overdue::int)
               as signal_count
      from judged j
    )
  `;
}

const signalsOf = (row: RawHealthRow): Signal[] => SIGNALS.filter((signal) => row[signal]);

function toHealthRow(row: RawHealthRow): HealthRow {
  const isPausedOverdue = row.paused_overdue;
  return {
    relationshipId: row.relationship_id,
    startedAt: row.started_at,
    cadenceDays: Number(row.cadence),
    cadenceSource: row.cadence_agreed ? 'agreement' : 'programme',
    lastMeetingAt: row.last_held,
    daysSinceLastMeeting: Number(row.days_since_meeting),
    daysSinceStart: Number(row.days_since_start),
    windowDays: 2 * Number(row.cadence),
    pauseUntil: isPausedOverdue ? row.pause_until : null,
    daysOverdue: isPausedOverdue && row.days_overdue !== null ? Number(row.days_overdue) : null,
    signals: signalsOf(row),
  };
}

/**
 * Runs the statement with PostgreSQL's JIT compiler off: its cost estimate (thousands of small
 * index lookups) is high enough to trigger JIT, which then takes far longer than the query
 * itself (seconds against tens of milliseconds, measured on 2,500 relationships).
 */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    const result = (await tx.execute(query)) as unknown as { rows: T[] };
    return result.rows;
  });
}

/**
 * The active relationships of a programme that may need help, the most signals first, one page
 * at a time: one statement, whatever the number of relationships.
 */
export async function healthList(
  db: Db,
  filter: HealthFilter & { limit?: number; offset?: number },
): Promise<{ rows: HealthRow[]; total: number }> {
  const limit = Math.min(Math.max(1, filter.limit ?? 50), MAX_HEALTH_PAGE);
  const offset = Math.max(0, filter.offset ?? 0);
  const rows = await rowsOf<RawHealthRow>(
    db,
    sql`${healthQuery(filter)}
      select f.id as relationship_id, ${iso(sql`f.started_at`)} as started_at, f.cadence,
             f.cadence_agreed, ${iso(sql`f.last_held`)} as last_held, f.days_since_meeting,
             f.days_since_start, f.pause_until::text as pause_until,
             (${filter.now.toISOString().slice(0, 10)}::date - f.pause_until)::int as days_overdue,
             f.no_meeting, f.check_ins_unanswered, f.usefulness_falling, f.one_side_silent,
             f.agreement_unconfirmed, f.paused_overdue,
             count(*) over ()::int as total
      from flagged f
      where f.signal_count > 0
      order by f.signal_count desc, f.days_since_meeting desc, f.started_at, f.id
      limit ${limit} offset ${offset}`,
  );
  return { rows: rows.map(toHealthRow), total: rows[0] ? Number(rows[0].total) : 0 };
}

/** One relationship's health (signals may be empty), or null when it is not active there. */
export async function relationshipHealth(
  db: Db,
  filter: HealthFilter & { relationshipId: string },
): Promise<HealthRow | null> {
  const [row] = await rowsOf<RawHealthRow>(
    db,
    sql`${healthQuery(filter)}
      select f.id as relationship_id, ${iso(sql`f.started_at`)} as started_at, f.cadence,
             f.cadence_agreed, ${iso(sql`f.last_held`)} as last_held, f.days_since_meeting,
             f.days_since_start, f.pause_until::text as pause_until,
             (${filter.now.toISOString().slice(0, 10)}::date - f.pause_until)::int as days_overdue,
             f.no_meeting, f.check_ins_unanswered, f.usefulness_falling, f.one_side_silent,
             f.agreement_unconfirmed, f.paused_overdue, 1 as total
      from flagged f`,
  );
  return row ? toHealthRow(row) : null;
}

/** How many active relationships of the programme raise at least one signal (the dashboard). */
export async function countRelationshipsNeedingHelp(
  db: Db,
  filter: { organisationId: string; programmeId: string; now: Date },
): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`${healthQuery(filter)} select count(*)::int as n from flagged where signal_count > 0`,
  );
  return Number(row?.n ?? 0);
}
