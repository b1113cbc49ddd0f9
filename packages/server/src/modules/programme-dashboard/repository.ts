import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tableVersion } from '../../db/table-version.js';
import { jobLevelBandSql, type plainDimensions } from '../feedback-results/keys.js';

/**
 * The dashboard's figures, each an aggregate computed by PostgreSQL (FILTER, percentile_cont,
 * GROUPING SETS): no statement returns more rows than there are groups, however large the
 * programme. Each function is one statement; the service runs them side by side.
 */

export type PlainDimension = (typeof plainDimensions)[number];

export interface Scope {
  organisationId: string;
  programmeId: string;
  /** [from, to) of the period, or null for the whole programme. */
  range: { from: Date; to: Date } | null;
  /** The dimension the figures are split by, or null for the totals only. */
  by: PlainDimension | null;
}

/** One row per group, and one with `isTotal` for the whole programme. */
interface Grouped {
  grp: string | null;
  isTotal: boolean;
}

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** `column` falls in the period (always true for the whole programme). */
function inPeriod(scope: Scope, column: SQL): SQL {
  if (!scope.range) return sql`true`;
  return sql`(${column} >= ${at(scope.range.from)} and ${column} < ${at(scope.range.to)})`;
}

/** The group a person is in, from their directory row `p` and their enrolment `e`. */
function groupOf(by: PlainDimension): SQL {
  switch (by) {
    case 'department':
      return sql`p.department`;
    case 'location':
      return sql`p.location`;
    case 'role':
      return sql`e.role::text`;
    case 'jobLevelBand':
      return jobLevelBandSql(sql`p.job_level`);
  }
}

/**
 * Everyone who ever enrolled in the programme (those who left too, so their history keeps its
 * group) with their group: the `member_group(person_id, grp)` CTE.
 */
function memberGroup(scope: Scope & { by: PlainDimension }): SQL {
  return sql`member_group as not materialized (
    select e.person_id, ${groupOf(scope.by)} as grp
    from enrolment e join person p on p.id = e.person_id
    where e.programme_id = ${scope.programmeId} and e.organisation_id = ${scope.organisationId}
  )`;
}

/** `group by grouping sets ((), (grp))`: the total and, with `by`, each group. */
function groupingSets(scope: Scope, column: SQL): { select: SQL; groupBy: SQL } {
  if (!scope.by) return { select: sql`null::text as grp, true as "isTotal"`, groupBy: sql`` };
  return {
    select: sql`${column} as grp, grouping(${column}) = 1 as "isTotal"`,
    groupBy: sql`group by grouping sets ((), (${column}))`,
  };
}

export interface PeopleRow extends Grouped {
  mentee: number;
  mentor: number;
  both: number;
  enrolled: number;
  enrolledMatched: number;
  matched: number;
  medianDaysToMatch: number | null;
}

/**
 * Enrolled per role, matched people, the cohort's match rate and the median days from enrolment
 * to first match. A person's first match is the earliest start of a relationship of the programme
 * they are the mentor of, or their joining as a mentee.
 */
export function peopleFigures(db: Db, scope: Scope): Promise<PeopleRow[]> {
  const enrolledIn = inPeriod(scope, sql`enrolled_at`);
  const matchedIn = sql`(matched_at is not null and ${inPeriod(scope, sql`matched_at`)})`;
  const grouping = groupingSets(scope, sql`grp`);
  return rowsOf<PeopleRow>(
    db,
    sql`with first_match as (
      select person_id, min(at) as at from (
        select r.mentor_id as person_id, r.started_at as at from relationship r
        where r.programme_id = ${scope.programmeId} and r.organisation_id = ${scope.organisationId}
        union all
        select rm.mentee_id, rm.joined_at from relationship_mentee rm
        join relationship r on r.id = rm.relationship_id
        where r.programme_id = ${scope.programmeId} and r.organisation_id = ${scope.organisationId}
      ) m group by person_id
    ),
    people as (
      select e.role, e.created_at as enrolled_at, fm.at as matched_at,
        ${scope.by ? groupOf(scope.by) : sql`null::text`} as grp
      from enrolment e join person p on p.id = e.person_id
      left join first_match fm on fm.person_id = e.person_id
      where e.programme_id = ${scope.programmeId} and e.organisation_id = ${scope.organisationId}
        and e.is_active
    )
    select ${grouping.select},
      (count(*) filter (where role = 'mentee' and ${enrolledIn}))::int as mentee,
      (count(*) filter (where role = 'mentor' and ${enrolledIn}))::int as mentor,
      (count(*) filter (where role = 'both' and ${enrolledIn}))::int as both,
      (count(*) filter (where ${enrolledIn}))::int as enrolled,
      (count(*) filter (where ${enrolledIn} and matched_at is not null))::int as "enrolledMatched",
      (count(*) filter (where ${matchedIn}))::int as matched,
      (percentile_cont(0.5) within group (
        order by greatest(0, extract(epoch from matched_at - enrolled_at)) / 86400.0
      ) filter (where ${matchedIn}))::float8 as "medianDaysToMatch"
    from people
    ${grouping.groupBy}`,
  );
}

export interface RelationshipRow extends Grouped {
  active: number;
  paused: number;
  endedEarly: number;
  completed: number;
  running: number;
  meetingsMean: number | null;
  meetingsMedian: number | null;
}

/**
 * Relationships started in the period by status now, and meetings held in the period per
 * relationship running in it (mean and median, relationships without a meeting count as 0).
 * Per group, a relationship counts in the group of each of its people (mentor and mentees).
 */
export function relationshipFigures(db: Db, scope: Scope): Promise<RelationshipRow[]> {
  const startedIn = inPeriod(scope, sql`started_at`);
  const running = scope.range
    ? sql`(started_at < ${at(scope.range.to)} and (ended_at is null or ended_at >= ${at(scope.range.from)}))`
    : sql`true`;
  const figures = sql`
      (count(*) filter (where ${startedIn} and status = 'active' and paused_at is null))::int as active,
      (count(*) filter (where ${startedIn} and status = 'active' and paused_at is not null))::int as paused,
      (count(*) filter (where ${startedIn} and status = 'ended_early'))::int as "endedEarly",
      (count(*) filter (where ${startedIn} and status = 'completed'))::int as completed,
      (count(*) filter (where ${running}))::int as running,
      (avg(held) filter (where ${running}))::float8 as "meetingsMean",
      (percentile_cont(0.5) within group (order by held) filter (where ${running}))::float8
        as "meetingsMedian"`;
  const perGroup = scope.by
    ? sql`union all
      select pt.grp, false, ${figures}
      from rel_held r join (
        select r.id, mg.grp from rel r left join member_group mg on mg.person_id = r.mentor_id
        union
        select rm.relationship_id, mg.grp from relationship_mentee rm
        join rel r on r.id = rm.relationship_id
        left join member_group mg on mg.person_id = rm.mentee_id
      ) pt on pt.id = r.id
      group by pt.grp`
    : sql``;
  return rowsOf<RelationshipRow>(
    db,
    sql`with ${scope.by ? sql`${memberGroup({ ...scope, by: scope.by })},` : sql``}
    rel as not materialized (
      select r.id, r.mentor_id, r.status::text as status, r.paused_at, r.started_at, r.ended_at
      from relationship r
      where r.programme_id = ${scope.programmeId} and r.organisation_id = ${scope.organisationId}
    ),
    held as (
      select m.relationship_id, count(*)::int as n
      from meeting m join rel r on r.id = m.relationship_id
      where m.organisation_id = ${scope.organisationId} and m.outcome = 'held'
        and m.status <> 'cancelled' and ${inPeriod(scope, sql`m.starts_at`)}
      group by m.relationship_id
    ),
    rel_held as (
      select r.*, coalesce(h.n, 0) as held from rel r left join held h on h.relationship_id = r.id
    )
    select null::text as grp, true as "isTotal", ${figures} from rel_held
    ${perGroup}`,
  );
}

export interface PendingRow extends Grouped {
  requests: number;
  introductions: number;
}

/**
 * Requests made in the period still pending (and not expired), and introductions sent in the
 * period still open (nobody declined, no relationship yet). Per group: in the group of each of
 * their two people.
 */
export function pendingFigures(db: Db, scope: Scope, now: Date): Promise<PendingRow[]> {
  const perGroup = scope.by
    ? sql`union all
      select x.grp, false,
        (count(distinct x.id) filter (where x.kind = 'request'))::int,
        (count(distinct x.id) filter (where x.kind = 'introduction'))::int
      from (
        select 'request' as kind, q.id, mg.grp from req q
        join member_group mg on mg.person_id in (q.from_person_id, q.to_person_id)
        union all
        select 'introduction', i.id, mg.grp from intro i
        join member_group mg on mg.person_id in (i.mentee_id, i.mentor_id)
      ) x
      group by x.grp`
    : sql``;
  return rowsOf<PendingRow>(
    db,
    sql`with ${scope.by ? sql`${memberGroup({ ...scope, by: scope.by })},` : sql``}
    req as not materialized (
      select q.id, q.from_person_id, q.to_person_id from mentoring_request q
      where q.programme_id = ${scope.programmeId} and q.organisation_id = ${scope.organisationId}
        and q.status = 'pending' and q.expires_at > ${at(now)}
        and ${inPeriod(scope, sql`q.created_at`)}
    ),
    intro as not materialized (
      select i.id, i.mentee_id, i.mentor_id from introduction i
      where i.programme_id = ${scope.programmeId} and i.organisation_id = ${scope.organisationId}
        and i.relationship_id is null
        and i.mentee_response <> 'declined' and i.mentor_response <> 'declined'
        and ${inPeriod(scope, sql`i.created_at`)}
    )
    select null::text as grp, true as "isTotal",
      (select count(*) from req)::int as requests,
      (select count(*) from intro)::int as introductions
    ${perGroup}`,
  );
}

export interface CheckInRow extends Grouped {
  sent: number;
  answered: number;
}

/** Check-ins sent in the period and how many of them were answered; per group: the person's. */
export function checkInFigures(db: Db, scope: Scope): Promise<CheckInRow[]> {
  const grouping = groupingSets(scope, sql`mg.grp`);
  return rowsOf<CheckInRow>(
    db,
    sql`${scope.by ? sql`with ${memberGroup({ ...scope, by: scope.by })}` : sql``}
    select ${grouping.select},
      count(*)::int as sent,
      (count(*) filter (where c.answered_at is not null))::int as answered
    from check_in c
    ${scope.by ? sql`left join member_group mg on mg.person_id = c.person_id` : sql``}
    where c.programme_id = ${scope.programmeId} and c.organisation_id = ${scope.organisationId}
      and ${inPeriod(scope, sql`c.sent_at`)}
    ${grouping.groupBy}`,
  );
}

/**
 * A fingerprint of every row the dashboard is computed from (see `tableVersion`): the programme
 * and its organisation (thresholds), enrolments, relationships with their members, meetings,
 * messages and agreements, requests and introductions, check-ins, outcome surveys and
 * self-ratings, and the organisation's people (their groups) and consented attributes. One
 * statement; null when the programme is not the organisation's.
 */
export async function dashboardFingerprint(
  db: Db,
  organisationId: string,
  programmeId: string,
): Promise<string | null> {
  const inProgramme = sql`t.programme_id = ${programmeId}::uuid`;
  const ofRelationships = sql`t.relationship_id in (select r.id from relationship r
    where r.programme_id = ${programmeId}::uuid)`;
  const [row] = await rowsOf<{ fingerprint: string }>(
    db,
    sql`select concat_ws('|', p.xmin::text, o.xmin::text,
        ${tableVersion('enrolment', inProgramme)},
        ${tableVersion('relationship', inProgramme)},
        ${tableVersion('relationship_mentee', ofRelationships)},
        ${tableVersion('meeting', ofRelationships)},
        ${tableVersion('relationship_message', ofRelationships)},
        ${tableVersion('relationship_agreement', ofRelationships)},
        ${tableVersion(
          'agreement_confirmation',
          sql`t.agreement_id in (select a.id from relationship_agreement a
            join relationship r on r.id = a.relationship_id
            where r.programme_id = ${programmeId}::uuid)`,
        )},
        ${tableVersion('mentoring_request', inProgramme)},
        ${tableVersion('introduction', inProgramme)},
        ${tableVersion('check_in', inProgramme)},
        ${tableVersion('outcome_survey', inProgramme)},
        ${tableVersion('skill_rating', inProgramme)},
        ${tableVersion('person', sql`t.organisation_id = ${organisationId}::uuid`)},
        ${tableVersion('sensitive_attributes', sql`t.organisation_id = ${organisationId}::uuid`)}
      ) as fingerprint
      from programme p join organisation o on o.id = p.organisation_id
      where p.id = ${programmeId}::uuid and p.organisation_id = ${organisationId}::uuid`,
  );
  return row?.fingerprint ?? null;
}
