import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { jobLevelBandSql } from '../feedback-results/keys.js';

/**
 * The outcome report's figures, each an aggregate computed by PostgreSQL (GROUPING SETS, FILTER,
 * percentile_cont): no statement returns a row per person. A programme's figures come per cohort
 * and for the whole programme from one statement each; the service picks the row it needs.
 *
 * Cohorts: an enrolment, relationship, invitation or survey belongs to the cohort of its programme
 * with the latest `starts_on` on or before its own moment (enrolment.created_at,
 * relationship.started_at — a survey, check-in or meeting through its relationship —,
 * invitation.sent_at), compared as UTC dates; before the first cohort: the first cohort.
 */

export interface ReportScope {
  organisationId: string;
  /** null: every programme of the organisation (or of `programmeIds`). */
  programmeId: string | null;
  /** With `programmeId` null: only these programmes of the organisation. */
  programmeIds?: readonly string[];
}

function rowsOf<T>(result: unknown): T[] {
  const withRows = result as { rows?: T[] };
  return withRows.rows ?? (result as T[]);
}

async function query<T>(db: Db, statement: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

/** The id of the cohort of programme `programmeId` that a moment `at` belongs to (null without cohorts). */
export function cohortOf(programmeId: SQL, at: SQL): SQL {
  const day = sql`(${at} at time zone 'UTC')::date`;
  return sql`(select c.id from programme_cohort c where c.programme_id = ${programmeId}
    order by c.starts_on <= ${day} desc,
      case when c.starts_on <= ${day} then c.starts_on end desc nulls last, c.starts_on
    limit 1)`;
}

/** The cohort of a survey or self-rating row (`alias`), through its relationship's start. */
export function cohortOfSurvey(alias: SQL): SQL {
  return cohortOf(
    sql`${alias}.programme_id`,
    sql`(select r0.started_at from relationship r0 where r0.id = ${alias}.relationship_id)`,
  );
}

/** The cohort of the survey row `s` in `results.findOutcomeRows`, to group its figures by. */
export const surveyRowCohort = (): SQL => cohortOfSurvey(sql`s`);
/** The programme of the survey row `s` in `results.findOutcomeRows`, to group its figures by. */
export const surveyRowProgramme = (): SQL => sql`s.programme_id::text`;

function inScope(scope: ReportScope, alias: SQL): SQL {
  if (scope.programmeId) {
    return sql`${alias}.organisation_id = ${scope.organisationId} and ${alias}.programme_id = ${scope.programmeId}`;
  }
  if (scope.programmeIds) {
    const ids = scope.programmeIds.length
      ? sql.join(
          scope.programmeIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )
      : sql`null::uuid`;
    return sql`${alias}.organisation_id = ${scope.organisationId} and ${alias}.programme_id in (${ids})`;
  }
  return sql`${alias}.organisation_id = ${scope.organisationId}`;
}

/** The surveys (or self-ratings) `alias` of the scope, and of one cohort when given. */
export function surveysOf(scope: ReportScope, cohortId: string | null): (alias: SQL) => SQL {
  return (alias) =>
    cohortId
      ? sql`${inScope(scope, alias)} and ${cohortOfSurvey(alias)} = ${cohortId}`
      : inScope(scope, alias);
}

/** A cohort group column: the cohort for a programme, null for the organisation. */
function cohortColumn(scope: ReportScope, programmeCol: SQL, at: SQL): SQL {
  return scope.programmeId ? sql`${cohortOf(programmeCol, at)}` : sql`null::uuid`;
}

/** What participation figures are split by besides the total: cohorts, or programmes. */
export type ParticipationSplit = 'cohort' | 'programme';

function splitColumn(
  scope: ReportScope,
  split: ParticipationSplit,
  programmeCol: SQL,
  at: SQL,
): SQL {
  return split === 'programme' ? programmeCol : cohortColumn(scope, programmeCol, at);
}

export interface ProgrammeRow {
  id: string;
  name: string;
  status: string;
  organisationName: string;
  defaultLocale: string;
}

export async function findProgramme(
  db: Db,
  organisationId: string,
  programmeId: string,
): Promise<ProgrammeRow | null> {
  const [row] = await query<ProgrammeRow>(
    db,
    sql`select pr.id, pr.name, pr.status::text as status, o.name as "organisationName",
        o.default_locale as "defaultLocale"
      from programme pr join organisation o on o.id = pr.organisation_id
      where pr.id = ${programmeId} and pr.organisation_id = ${organisationId}`,
  );
  return row ?? null;
}

export async function findOrganisation(
  db: Db,
  organisationId: string,
): Promise<{ name: string; defaultLocale: string } | null> {
  const [row] = await query<{ name: string; defaultLocale: string }>(
    db,
    sql`select name, default_locale as "defaultLocale" from organisation where id = ${organisationId}`,
  );
  return row ?? null;
}

export async function isNamedSponsor(
  db: Db,
  programmeId: string,
  personId: string,
): Promise<boolean> {
  const rows = await query<{ one: number }>(
    db,
    sql`select 1 as one from programme_sponsor
      where programme_id = ${programmeId} and person_id = ${personId}`,
  );
  return rows.length > 0;
}

export interface CohortRow {
  id: string;
  name: string;
  startsOn: string;
}

const cohortColumns = sql`id, name, to_char(starts_on, 'YYYY-MM-DD') as "startsOn"`;

export async function listCohorts(db: Db, programmeId: string): Promise<CohortRow[]> {
  return query<CohortRow>(
    db,
    sql`select ${cohortColumns} from programme_cohort where programme_id = ${programmeId}
      order by starts_on`,
  );
}

export async function findCohort(
  db: Db,
  programmeId: string,
  cohortId: string,
): Promise<CohortRow | null> {
  const [row] = await query<CohortRow>(
    db,
    sql`select ${cohortColumns} from programme_cohort
      where programme_id = ${programmeId} and id = ${cohortId}`,
  );
  return row ?? null;
}

/** Whether another cohort of the programme starts on that day (one cohort per day). */
export async function isStartTaken(
  db: Db,
  programmeId: string,
  startsOn: string,
  exceptId: string | null,
): Promise<boolean> {
  const rows = await query<{ one: number }>(
    db,
    sql`select 1 as one from programme_cohort where programme_id = ${programmeId}
      and starts_on = ${startsOn}::date and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`,
  );
  return rows.length > 0;
}

export async function insertCohort(
  db: Db,
  values: { programmeId: string; organisationId: string; name: string; startsOn: string },
): Promise<CohortRow> {
  const [row] = await query<CohortRow>(
    db,
    sql`insert into programme_cohort (programme_id, organisation_id, name, starts_on)
      values (${values.programmeId}, ${values.organisationId}, ${values.name}, ${values.startsOn}::date)
      returning ${cohortColumns}`,
  );
  return row!;
}

export async function updateCohort(
  db: Db,
  programmeId: string,
  cohortId: string,
  patch: { name?: string | undefined; startsOn?: string | undefined },
): Promise<CohortRow | null> {
  const [row] = await query<CohortRow>(
    db,
    sql`update programme_cohort set
        name = coalesce(${patch.name ?? null}::text, name),
        starts_on = coalesce(${patch.startsOn ?? null}::date, starts_on)
      where programme_id = ${programmeId} and id = ${cohortId}
      returning ${cohortColumns}`,
  );
  return row ?? null;
}

export async function deleteCohort(
  db: Db,
  programmeId: string,
  cohortId: string,
): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`delete from programme_cohort where programme_id = ${programmeId} and id = ${cohortId}
      returning id`,
  );
  return rows.length > 0;
}

export interface ParticipationRow {
  /** The cohort (or the programme, split by programme); null with isTotal: the whole scope. */
  group: string | null;
  isTotal: boolean;
  invited: number;
  enrolled: number;
  matched: number;
  medianDaysToMatch: number | null;
}

/**
 * Invited, enrolled (every enrolment, active or not: people who enrolled), matched (enrolled and
 * in at least one relationship of that programme, as mentor or mentee) and the median days from
 * enrolment to that programme's first relationship — for the scope and per cohort. For the
 * organisation, people are counted once; the median is over enrolments.
 */
export async function participationFigures(
  db: Db,
  scope: ReportScope,
  split: ParticipationSplit = 'cohort',
): Promise<{ rows: ParticipationRow[]; anyInvitation: boolean }> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`with matches as (
        select r.programme_id, r.mentor_id as person_id, r.started_at as at
        from relationship r where ${inScope(scope, sql`r`)}
        union all
        select r.programme_id, rm.mentee_id, rm.joined_at
        from relationship_mentee rm join relationship r on r.id = rm.relationship_id
        where ${inScope(scope, sql`r`)}
      ),
      first_match as (
        select programme_id, person_id, min(at) as at from matches group by programme_id, person_id
      ),
      per as (
        select e.person_id, e.created_at, fm.at,
          ${splitColumn(scope, split, sql`e.programme_id`, sql`e.created_at`)} as cohort
        from enrolment e
        left join first_match fm on fm.programme_id = e.programme_id and fm.person_id = e.person_id
        where ${inScope(scope, sql`e`)}
      ),
      people as (
        select cohort, grouping(cohort) as is_total,
          count(distinct person_id)::int as enrolled,
          count(distinct person_id) filter (where at is not null)::int as matched,
          (percentile_cont(0.5) within group (
            order by greatest(0, extract(epoch from at - created_at)) / 86400.0
          ) filter (where at is not null))::float8 as median
        from per group by grouping sets ((), (cohort))
      ),
      inv as (
        select cohort, grouping(cohort) as is_total, count(distinct person_id)::int as invited
        from (
          select i.person_id,
            ${splitColumn(scope, split, sql`i.programme_id`, sql`i.sent_at`)} as cohort
          from programme_invitation i where ${inScope(scope, sql`i`)}
        ) x group by grouping sets ((), (cohort))
      )
      select coalesce(p.cohort, i.cohort)::text as cohort,
        coalesce(p.is_total, i.is_total)::int as is_total,
        coalesce(p.enrolled, 0) as enrolled, coalesce(p.matched, 0) as matched, p.median,
        coalesce(i.invited, 0) as invited
      from people p full join inv i
        on i.is_total = p.is_total and i.cohort is not distinct from p.cohort`,
  );
  let anyInvitation = false;
  const out: ParticipationRow[] = [];
  for (const row of rows) {
    const isTotal = Number(row.is_total) === 1;
    if (isTotal && Number(row.invited) > 0) anyInvitation = true;
    if (!isTotal && row.cohort === null) continue;
    out.push({
      group: isTotal ? null : String(row.cohort),
      isTotal,
      invited: Number(row.invited),
      enrolled: Number(row.enrolled),
      matched: Number(row.matched),
      medianDaysToMatch: row.median === null ? null : Number(row.median),
    });
  }
  return { rows: out, anyInvitation };
}

export interface ActivityRow {
  cohort: string | null;
  isTotal: boolean;
  relationships: number;
  meetingsHeld: number;
  checkInsSent: number;
  checkInsAnswered: number;
}

/**
 * Relationships, meetings held (not cancelled, begun before `now`) and check-ins sent and
 * answered, for the scope and per cohort of the relationship.
 */
export async function activityFigures(
  db: Db,
  scope: ReportScope,
  now: Date,
): Promise<ActivityRow[]> {
  const at = now.toISOString();
  const rows = await query<Record<string, unknown>>(
    db,
    sql`with rel as materialized (
        select r.id, ${cohortColumn(scope, sql`r.programme_id`, sql`r.started_at`)} as cohort
        from relationship r where ${inScope(scope, sql`r`)}
      ),
      held as (
        select m.relationship_id, count(*)::int as n from meeting m
        join rel on rel.id = m.relationship_id
        where m.status <> 'cancelled' and m.starts_at < ${at}::timestamptz
        group by m.relationship_id
      ),
      checks as (
        select c.relationship_id, count(*)::int as sent,
          count(*) filter (where c.answered_at is not null)::int as answered
        from check_in c join rel on rel.id = c.relationship_id
        where c.sent_at <= ${at}::timestamptz
        group by c.relationship_id
      )
      select rel.cohort::text as cohort, grouping(rel.cohort)::int as is_total,
        count(*)::int as relationships,
        coalesce(sum(h.n), 0)::int as held,
        coalesce(sum(c.sent), 0)::int as sent,
        coalesce(sum(c.answered), 0)::int as answered
      from rel left join held h on h.relationship_id = rel.id
        left join checks c on c.relationship_id = rel.id
      group by grouping sets ((), (rel.cohort))`,
  );
  return rows
    .map((row) => ({
      cohort: row.cohort === null ? null : String(row.cohort),
      isTotal: Number(row.is_total) === 1,
      relationships: Number(row.relationships),
      meetingsHeld: Number(row.held),
      checkInsSent: Number(row.sent),
      checkInsAnswered: Number(row.answered),
    }))
    .filter((row) => row.isTotal || row.cohort !== null);
}

/**
 * Survey respondents of a programme by the set of cohorts they answered in (a person can answer in
 * two cohorts): the cells the anonymity module weighs the cohorts' figures with.
 */
export async function surveyCohortCells(
  db: Db,
  scope: ReportScope,
): Promise<{ cohorts: string[]; people: number }[]> {
  const rows = await query<{ cohorts: string | null; people: number }>(
    db,
    sql`select cohorts, count(*)::int as people from (
        select person_id, string_agg(distinct cohort::text, ',' order by cohort::text) as cohorts
        from (
          select s.person_id, ${cohortOfSurvey(sql`s`)} as cohort
          from outcome_survey s where ${inScope(scope, sql`s`)} and s.answered_at is not null
        ) x group by person_id
      ) y group by cohorts`,
  );
  return rows.map((row) => ({
    cohorts: row.cohorts ? row.cohorts.split(',') : [],
    people: Number(row.people),
  }));
}

export interface RetentionCellRow {
  months: 6 | 12;
  cohort: string | null;
  n: number;
  retained: number;
  comparable: number;
  comparableRetained: number;
}

export interface ComparisonPeopleRow {
  months: 6 | 12;
  /** null with isTotal: the whole scope. */
  cohort: string | null;
  isTotal: boolean;
  people: number;
}

/**
 * Retention counts per cell (months × cohort × start date × department × job-level band):
 * included participants, retained, comparable non-participants and retained among them; and the
 * distinct comparison people per months (and per cohort). See retention.ts for the method.
 *
 * - A participant's start: their enrolment's day (for the organisation, their first enrolment in
 *   any of its programmes), as a UTC date. Included at m months when start + m months <= today
 *   and employed on the start (start_date null or <= start; leave_date null or > start).
 * - Comparable: same organisation, same department and job-level band (people without either
 *   have no stratum: their participants count as unmatched), employed on the participant's start,
 *   and never enrolled in this programme (for the organisation: in any of its programmes).
 */
export async function retentionCells(
  db: Db,
  scope: ReportScope,
  today: string,
): Promise<{ cells: RetentionCellRow[]; comparisonPeople: ComparisonPeopleRow[] }> {
  const participants = scope.programmeId
    ? sql`select e.person_id, (e.created_at at time zone 'UTC')::date as start,
          ${cohortOf(sql`e.programme_id`, sql`e.created_at`)} as cohort
        from enrolment e where ${inScope(scope, sql`e`)}`
    : sql`select e.person_id, min((e.created_at at time zone 'UTC')::date) as start,
          null::uuid as cohort
        from enrolment e where ${inScope(scope, sql`e`)} group by e.person_id`;
  const band = (alias: SQL) => jobLevelBandSql(sql`${alias}.job_level`);
  const until = sql`(s.start + make_interval(months => s.months))::date`;
  const rows = await query<Record<string, unknown>>(
    db,
    sql`with part as (${participants}),
      inc as (
        select m.months, pt.cohort, pt.start, p.department, ${band(sql`p`)} as band,
          (p.leave_date is null
            or p.leave_date > (pt.start + make_interval(months => m.months))::date) as retained
        from part pt cross join (values (6), (12)) m(months)
        join person p on p.id = pt.person_id and p.organisation_id = ${scope.organisationId}
        where (pt.start + make_interval(months => m.months))::date <= ${today}::date
          and (p.start_date is null or p.start_date <= pt.start)
          and (p.leave_date is null or p.leave_date > pt.start)
      ),
      cells as (
        select months, cohort, start, department, band, count(*)::int as n,
          count(*) filter (where retained)::int as retained
        from inc group by months, cohort, start, department, band
      ),
      strata as (
        select distinct months, start, department, band from cells
        where department is not null and band is not null
      ),
      pairs as materialized (
        select s.months, s.start, s.department, s.band, q.id as qid,
          (q.leave_date is null or q.leave_date > ${until}) as kept
        from strata s join person q on q.organisation_id = ${scope.organisationId}
          and q.department = s.department and ${band(sql`q`)} = s.band
          and (q.start_date is null or q.start_date <= s.start)
          and (q.leave_date is null or q.leave_date > s.start)
        where not exists (
          select 1 from enrolment x where x.person_id = q.id and ${inScope(scope, sql`x`)}
        )
      ),
      comp as (
        select months, start, department, band, count(*)::int as k,
          count(*) filter (where kept)::int as kr
        from pairs group by months, start, department, band
      ),
      comp_people as (
        select c.months, c.cohort, grouping(c.cohort)::int as is_total,
          count(distinct p.qid)::int as people
        from (select distinct months, cohort, start, department, band from cells) c
        join pairs p on p.months = c.months and p.start = c.start
          and p.department = c.department and p.band = c.band
        group by grouping sets ((c.months), (c.months, c.cohort))
      )
      select 'cell' as kind, c.months, c.cohort::text as cohort, c.n, c.retained,
        coalesce(k.k, 0) as k, coalesce(k.kr, 0) as kr, null::int as people, null::int as is_total
      from cells c left join comp k on k.months = c.months and k.start = c.start
        and k.department = c.department and k.band = c.band
      union all
      select 'people', months, cohort::text, null, null, null, null, people, is_total
      from comp_people`,
  );
  const cells: RetentionCellRow[] = [];
  const comparisonPeople: ComparisonPeopleRow[] = [];
  for (const row of rows) {
    const months = Number(row.months) as 6 | 12;
    const cohort = row.cohort === null ? null : String(row.cohort);
    if (row.kind === 'cell') {
      cells.push({
        months,
        cohort,
        n: Number(row.n),
        retained: Number(row.retained),
        comparable: Number(row.k),
        comparableRetained: Number(row.kr),
      });
    } else {
      comparisonPeople.push({
        months,
        cohort,
        isTotal: Number(row.is_total) === 1,
        people: Number(row.people),
      });
    }
  }
  return { cells, comparisonPeople };
}

/** Labels of the organisation's own skills (the shipped ones live in code). */
export async function customSkillLabels(
  db: Db,
  organisationId: string,
): Promise<{ id: string; nl: string; en: string }[]> {
  return query<{ id: string; nl: string; en: string }>(
    db,
    sql`select id, label_nl as nl, label_en as en from custom_skill
      where organisation_id = ${organisationId}`,
  );
}

export interface ActionRow {
  id: string;
  didNl: string;
  didEn: string;
  createdAt: Date;
}

/** The programme's "you said, we did", oldest first. */
export async function listActions(db: Db, programmeId: string): Promise<ActionRow[]> {
  const rows = await query<{ id: string; didNl: string; didEn: string; createdAt: string | Date }>(
    db,
    sql`select id, did_nl as "didNl", did_en as "didEn", created_at as "createdAt"
      from feedback_action where programme_id = ${programmeId} order by created_at, id`,
  );
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
}

/** The programmes of the organisation the person is named a sponsor of. */
export async function sponsoredProgrammes(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<{ id: string; name: string; status: string }[]> {
  return query<{ id: string; name: string; status: string }>(
    db,
    sql`select pr.id, pr.name, pr.status::text as status
      from programme_sponsor ps join programme pr on pr.id = ps.programme_id
      where ps.person_id = ${personId} and pr.organisation_id = ${organisationId}
      order by pr.name, pr.id`,
  );
}
