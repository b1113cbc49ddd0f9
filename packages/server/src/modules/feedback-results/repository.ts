import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tableVersion } from '../../db/table-version.js';
import type { CheckInQuestion } from '../../db/schema.js';
import type { Cell, GroupDimension } from '../../privacy/anonymity.js';
import { jobLevelBandSql } from './keys.js';

/**
 * Every figure of the results is an aggregate computed by PostgreSQL (GROUP BY, FILTER, GROUPING
 * SETS); no statement here returns one row per answer, and the number of statements does not grow
 * with the number of respondents. Only comment texts come back one by one, and only once the
 * database has counted enough writers.
 */

export interface Scope {
  organisationId: string;
  programmeId: string;
  /** [from, to) of the period; null for the whole programme. */
  range: { from: Date; to: Date } | null;
  allowSensitive: boolean;
  /**
   * Which surveys and self-ratings (alias of an outcome_survey or skill_rating row) the figures
   * cover, instead of the programme's: the outcome report narrows it to a cohort or widens it to
   * the organisation. The period still applies.
   */
  surveys?: (alias: SQL) => SQL;
}

/** The surveys or self-ratings (`alias`) a scope covers: its programme's, unless it says otherwise. */
function surveysInScope(scope: Scope, alias: SQL): SQL {
  if (scope.surveys) return scope.surveys(alias);
  return sql`${alias}.programme_id = ${scope.programmeId} and ${alias}.organisation_id = ${scope.organisationId}`;
}

function rowsOf<T>(result: unknown): T[] {
  const withRows = result as { rows?: T[] };
  return withRows.rows ?? (result as T[]);
}

const dimensionSql: Record<GroupDimension, SQL> = {
  department: sql`p.department`,
  location: sql`p.location`,
  role: sql`e.role::text`,
  jobLevelBand: jobLevelBandSql(sql`p.job_level`),
  gender: sql`sa.gender`,
  ageBand: sql`sa.age_band`,
  background: sql`sa.background`,
};

/** The joins that put the person of `alias`.person_id into their groups. */
function groupJoins(scope: Scope, alias: SQL): SQL {
  return sql`join person p on p.id = ${alias}.person_id and p.organisation_id = ${scope.organisationId}
    left join enrolment e on e.programme_id = ${scope.programmeId} and e.person_id = ${alias}.person_id
    left join sensitive_attributes sa on ${scope.allowSensitive} and sa.person_id = ${alias}.person_id
      and sa.organisation_id = ${scope.organisationId}`;
}

function groupValue(by: GroupDimension | null): SQL {
  return by ? sql`${dimensionSql[by]}` : sql`null::text`;
}

function inPeriod(scope: Scope, column: SQL): SQL {
  if (!scope.range) return sql`true`;
  return sql`(${column} >= ${scope.range.from.toISOString()}::timestamptz and ${column} < ${scope.range.to.toISOString()}::timestamptz)`;
}

export interface ProgrammeSettings {
  allowSensitive: boolean;
  questions: CheckInQuestion[];
}

/** The programme (scoped to the organisation) and whether its organisation allows sensitive dimensions. */
export async function findProgrammeSettings(
  db: Db,
  organisationId: string,
  programmeId: string,
): Promise<ProgrammeSettings | null> {
  const [row] = rowsOf<{ allow_sensitive: boolean; questions: CheckInQuestion[] }>(
    await db.execute(sql`select o.allow_sensitive_attributes as allow_sensitive,
        pr.check_in_questions as questions
      from programme pr join organisation o on o.id = pr.organisation_id
      where pr.id = ${programmeId} and pr.organisation_id = ${organisationId}`),
  );
  if (!row) return null;
  return {
    allowSensitive: row.allow_sensitive,
    questions: Array.isArray(row.questions) ? row.questions : [],
  };
}

/** Kinds of check-in question whose answers are counted (the rest are free text). */
const countedKinds = sql`('met', 'usefulness', 'gains', 'scale', 'yes_no')`;
const textKinds = sql`('programme', 'text')`;

/** An answer that says something: not missing, null, an empty text or an empty list. */
const answered = (value: SQL) =>
  sql`(${value} is not null and ${value} <> 'null'::jsonb and ${value} <> '""'::jsonb)`;

export interface PopulationCell extends Cell {
  /** 'checkin' (any check-in), 'q:<questionId>', or 'outcome'. */
  population: string;
  /** Of these people, those who answered outside the period too (0 for the whole programme). */
  outside: number;
}

export interface DistributionRow {
  questionId: string;
  /** null: the row counts answers to the question (not one value). */
  value: string | null;
  /** null with isTotal: the whole programme. */
  group: string | null;
  isTotal: boolean;
  answers: number;
  people: number;
}

const dims = Object.entries(dimensionSql) as [GroupDimension, SQL][];

/**
 * The answered check-ins of the programme, read once: one row per check-in (qid null) and one per
 * counted question it answered, with the answer and whether it falls in the period. Its questions
 * are unnested here only; every figure below works from these rows.
 */
function answeredCheckIns(scope: Scope): SQL {
  return sql`select c.person_id, ${inPeriod(scope, sql`c.answered_at`)} as inside, x.qid, x.kind, x.v, x.val
    from check_in c cross join lateral (
      select null::text as qid, null::text as kind, null::jsonb as v, null::text as val
      union all
      select y.qid, y.kind, y.v,
        case when y.kind <> 'gains' and jsonb_typeof(y.v) in ('boolean', 'number', 'string') then
          case jsonb_typeof(y.v) when 'boolean' then case when y.v = 'true'::jsonb then 'yes' else 'no' end
            else y.v #>> '{}' end
        end
      from (
        select q.value->>'id' as qid, q.value->>'kind' as kind, c.answers->(q.value->>'id') as v
        from jsonb_array_elements(c.questions) q
      ) y
      where y.kind in ${countedKinds} and ${answered(sql`y.v`)}
    ) x
    where c.programme_id = ${scope.programmeId} and c.organisation_id = ${scope.organisationId}
      and c.answered_at is not null`;
}

/** Cells of the populations in `facts` (pop, person_id, inside): people per combination of every dimension. */
function cellsSql(scope: Scope, facts: SQL): SQL {
  return sql`select x.pop, ${sql.join(
    dims.map(([name, expr]) => sql`${expr} as ${sql.identifier(name)}`),
    sql`, `,
  )},
      count(*) filter (where x.inside)::int as people,
      count(*) filter (where x.outside)::int as outside
    from (
      select pop, person_id, bool_or(inside) as inside, bool_or(not inside) as outside
      from (${facts}) f group by pop, person_id
    ) x ${groupJoins(scope, sql`x`)}
    group by x.pop, ${sql.join(
      dims.map(([, expr]) => expr),
      sql`, `,
    )}`;
}

function outcomeFacts(scope: Scope): SQL {
  return sql`select 'outcome' as pop, s.person_id, ${inPeriod(scope, sql`s.answered_at`)} as inside
    from outcome_survey s
    where ${surveysInScope(scope, sql`s`)} and s.answered_at is not null`;
}

function toCell(row: Record<string, string | number | null>): PopulationCell {
  return {
    population: String(row.pop),
    values: Object.fromEntries(
      dims.map(([name]) => [name, row[name] === null ? null : String(row[name])]),
    ) as Cell['values'],
    people: Number(row.people),
    outside: Number(row.outside),
  };
}

/** Cells: distinct respondents per combination of every group dimension, of the outcome survey. */
export async function findOutcomeCells(db: Db, scope: Scope): Promise<PopulationCell[]> {
  const rows = rowsOf<Record<string, string | number | null>>(
    await db.execute(cellsSql(scope, outcomeFacts(scope))),
  );
  return rows.map(toCell);
}

/**
 * In one statement, over one read of the answered check-ins:
 * - cells: distinct respondents per combination of every group dimension, per population (the
 *   check-ins as a whole, each counted question, the outcome survey);
 * - distributions: per counted question, answers per value (per option for gains), and answers
 *   and people per question, for the whole programme and per group of `by`, in the period.
 * The distributions are computed whether or not the anonymity rules will let them be shown; the
 * service decides that from the cells and drops what may not be shown.
 */
export async function findCheckInFigures(
  db: Db,
  scope: Scope,
  by: GroupDimension | null,
): Promise<{ cells: PopulationCell[]; distributions: DistributionRow[] }> {
  const nulls = (n: number) =>
    sql.join(
      Array.from({ length: n }, () => sql`null`),
      sql`, `,
    );
  const rows = rowsOf<Record<string, string | number | null>>(
    await db.execute(sql`with a as materialized (${answeredCheckIns(scope)}),
      cells as (${cellsSql(
        scope,
        sql`select case when qid is null then 'checkin' else 'q:' || qid end as pop, person_id, inside
          from a
          union all
          ${outcomeFacts(scope)}`,
      )}),
      per_person as (
        select person_id, qid, null::text as value, count(*) as n
        from a where inside and qid is not null group by person_id, qid
        union all
        select person_id, qid, val, count(*)
        from a where inside and val is not null group by person_id, qid, val
        union all
        select a.person_id, a.qid, g.value, count(*)
        from a cross join lateral jsonb_array_elements_text(a.v) g
        where a.inside and a.kind = 'gains' and jsonb_typeof(a.v) = 'array'
        group by a.person_id, a.qid, g.value
      ),
      dist as (
        -- A person is one row per question and value, in one group (enrolment and sensitive
        -- attributes are unique per person): counting rows counts people.
        select qid, value, grp, grouping(grp) as is_total, sum(n)::int as answers,
          count(*)::int as people
        from (
          select x.person_id, x.qid, x.value, x.n, ${groupValue(by)} as grp
          from per_person x ${groupJoins(scope, sql`x`)}
        ) d
        group by grouping sets ((qid, value), (qid, value, grp))
      )
      select 'cell' as row_kind, pop, ${sql.join(
        dims.map(([name]) => sql.identifier(name)),
        sql`, `,
      )}, people, outside, null::text as qid, null::text as value, null::text as grp,
        null::int as is_total, null::int as answers
      from cells
      union all
      select 'dist', null, ${nulls(dims.length)}, people, null, qid, value, grp, is_total, answers
      from dist`),
  );
  const cells: PopulationCell[] = [];
  const distributions: DistributionRow[] = [];
  for (const row of rows) {
    if (row.row_kind === 'cell') {
      cells.push(toCell(row));
      continue;
    }
    const isTotal = Number(row.is_total) === 1;
    if (!isTotal && row.grp === null) continue;
    distributions.push({
      questionId: String(row.qid),
      value: row.value === null ? null : String(row.value),
      group: isTotal ? null : String(row.grp),
      isTotal,
      answers: Number(row.answers),
      people: Number(row.people),
    });
  }
  return { cells, distributions };
}

/** The questions as asked in the period's check-ins (the newest wording of each). */
export async function findAskedQuestions(db: Db, scope: Scope): Promise<CheckInQuestion[]> {
  const rows = rowsOf<{ q: CheckInQuestion }>(
    await db.execute(sql`select distinct on (q.value->>'id') q.value as q
      from (
        select c.questions, max(c.sent_at) as sent_at
        from check_in c
        where c.programme_id = ${scope.programmeId} and c.organisation_id = ${scope.organisationId}
          and c.answered_at is not null and ${inPeriod(scope, sql`c.answered_at`)}
        group by c.questions
      ) c cross join lateral jsonb_array_elements(c.questions) q
      order by q.value->>'id', c.sent_at desc`),
  );
  return rows.map((row) => row.q);
}

export interface CommentRows {
  key: string;
  writers: number;
  texts: string[];
}

/** Most texts returned per question: a screen of comments, not an export. */
const MAX_TEXTS = 300;

/**
 * Text answers per question ('checkin:<id>', 'outcome:otherGave', 'outcome:comment'): the number
 * of distinct writers, and the texts only where they reach `minComments`. The order is a hash of
 * the answer's id: shuffled (not by date or person), and the same every time.
 */
export async function findComments(
  db: Db,
  scope: Scope,
  minComments: number,
  sources: { checkIns: boolean; outcome: boolean },
): Promise<CommentRows[]> {
  const parts: SQL[] = [];
  if (sources.checkIns) {
    parts.push(sql`select 'checkin:' || (q.value->>'id') as key, c.person_id,
        c.answers->>(q.value->>'id') as body, c.id::text || (q.value->>'id') as src
      from check_in c cross join lateral jsonb_array_elements(c.questions) q
      where c.programme_id = ${scope.programmeId} and c.organisation_id = ${scope.organisationId}
        and c.answered_at is not null and ${inPeriod(scope, sql`c.answered_at`)}
        and q.value->>'kind' in ${textKinds}
        and jsonb_typeof(c.answers->(q.value->>'id')) = 'string'`);
  }
  if (sources.outcome) {
    for (const [key, column] of [
      ['outcome:otherGave', sql`s.other_gave`],
      ['outcome:comment', sql`s.comment`],
    ] as const) {
      parts.push(sql`select ${key}::text as key, s.person_id, ${column} as body, s.id::text || ${key}::text as src
        from outcome_survey s
        where s.programme_id = ${scope.programmeId} and s.organisation_id = ${scope.organisationId}
          and s.answered_at is not null and ${inPeriod(scope, sql`s.answered_at`)}`);
    }
  }
  if (parts.length === 0) return [];
  const rows = rowsOf<{ key: string; writers: number; body: string | null }>(
    await db.execute(sql`with t as (
        select * from (${sql.join(parts, sql` union all `)}) u
        where body is not null and btrim(body) <> ''
      ),
      w as (select key, count(distinct person_id)::int as writers from t group by key),
      shown as (
        select t.key, t.body, row_number() over (partition by t.key order by md5(t.src)) as n
        from t join w on w.key = t.key and w.writers >= ${minComments}
      )
      select w.key, w.writers, shown.body
      from w left join shown on shown.key = w.key and shown.n <= ${MAX_TEXTS}
      order by w.key, shown.n`),
  );
  const byKey = new Map<string, CommentRows>();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? { key: row.key, writers: Number(row.writers), texts: [] };
    if (row.body !== null) entry.texts.push(row.body);
    byKey.set(row.key, entry);
  }
  return [...byKey.values()];
}

export interface OutcomeRow {
  group: string | null;
  isTotal: boolean;
  respondents: number;
  answers: number;
  learnedOf: number;
  learned: number;
  careerOf: number;
  career: number;
  careerKinds: Record<string, number>;
  inspiredOf: number;
  inspired: number;
  recommendOf: number;
  /** Answers per score 0–10. */
  recommend: number[];
}

/**
 * The outcome survey's figures for the whole scope and per group of `by` (or of `groupOf`, an
 * expression over the survey row `s`, such as its cohort), in one statement.
 */
export async function findOutcomeRows(
  db: Db,
  scope: Scope,
  by: GroupDimension | null,
  careerKinds: readonly string[],
  groupOf?: SQL,
): Promise<OutcomeRow[]> {
  const scores = Array.from({ length: 11 }, (_, score) => score);
  const rows = rowsOf<Record<string, number | string | null>>(
    await db.execute(sql`with s as (
        select s.*, ${groupOf ?? groupValue(by)} as grp
        from outcome_survey s ${by ? groupJoins(scope, sql`s`) : sql``}
        where ${surveysInScope(scope, sql`s`)}
          and s.answered_at is not null and ${inPeriod(scope, sql`s.answered_at`)}
      )
      select grp, grouping(grp) as is_total,
        count(distinct person_id)::int as respondents,
        count(*)::int as answers,
        count(*) filter (where learned_skills is not null)::int as learned_of,
        count(*) filter (where learned_skills)::int as learned,
        count(*) filter (where jsonb_typeof(career_steps) = 'array')::int as career_of,
        count(*) filter (where jsonb_typeof(career_steps) = 'array'
          and jsonb_array_length(career_steps) > 0)::int as career,
        ${sql.join(
          careerKinds.map(
            (kind, i) =>
              sql`count(*) filter (where jsonb_typeof(career_steps) = 'array'
                and career_steps @> ${JSON.stringify([kind])}::jsonb)::int as ${sql.identifier(`career_${i}`)}`,
          ),
          sql`, `,
        )},
        count(*) filter (where inspired is not null)::int as inspired_of,
        count(*) filter (where inspired)::int as inspired,
        count(*) filter (where recommend between 0 and 10)::int as recommend_of,
        ${sql.join(
          scores.map(
            (score) =>
              sql`count(*) filter (where recommend = ${score})::int as ${sql.identifier(`r_${score}`)}`,
          ),
          sql`, `,
        )}
      from s
      group by grouping sets ((), (grp))`),
  );
  return rows
    .filter((row) => Number(row.is_total) === 1 || row.grp !== null)
    .map((row) => ({
      group: Number(row.is_total) === 1 ? null : String(row.grp),
      isTotal: Number(row.is_total) === 1,
      respondents: Number(row.respondents),
      answers: Number(row.answers),
      learnedOf: Number(row.learned_of),
      learned: Number(row.learned),
      careerOf: Number(row.career_of),
      career: Number(row.career),
      careerKinds: Object.fromEntries(
        careerKinds.map((kind, i) => [kind, Number(row[`career_${i}`])]),
      ),
      inspiredOf: Number(row.inspired_of),
      inspired: Number(row.inspired),
      recommendOf: Number(row.recommend_of),
      recommend: scores.map((score) => Number(row[`r_${score}`])),
    }));
}

/** Skills named as learned in the period's surveys, most named first. */
export async function findTopSkills(
  db: Db,
  scope: Scope,
  limit: number,
): Promise<{ skill: string; count: number }[]> {
  const rows = rowsOf<{ skill: string; count: number }>(
    await db.execute(sql`select k.value as skill, count(*)::int as count
      from outcome_survey s cross join lateral jsonb_array_elements_text(
        case when jsonb_typeof(s.skills_learned) = 'array' then s.skills_learned else '[]'::jsonb end) k
      where ${surveysInScope(scope, sql`s`)}
        and s.answered_at is not null and ${inPeriod(scope, sql`s.answered_at`)}
      group by k.value order by count(*) desc, k.value limit ${limit}`),
  );
  return rows.map((row) => ({ skill: row.skill, count: Number(row.count) }));
}

export interface GrowthRow {
  skill: string;
  /** Learners with both ratings whose end rating falls in the period. */
  n: number;
  /** Learners with both ratings whose end rating falls outside it (0 for the whole programme). */
  outside: number;
  meanStart: number | null;
  meanEnd: number | null;
}

/** Self-rating growth per skill: mean start and end over learners who gave both, in one statement. */
export async function findGrowth(db: Db, scope: Scope): Promise<GrowthRow[]> {
  const rows = rowsOf<{
    skill: string;
    n: number;
    outside: number;
    mean_start: number | string | null;
    mean_end: number | string | null;
  }>(
    await db.execute(sql`with pairs as (
        select st.skill, st.person_id, st.rating as start_rating, en.rating as end_rating,
          ${inPeriod(scope, sql`en.rated_at`)} as inside
        from skill_rating st
        join skill_rating en on en.relationship_id = st.relationship_id
          and en.person_id = st.person_id and en.skill = st.skill and en.phase = 'end'
        where ${surveysInScope(scope, sql`st`)} and st.phase = 'start'
      ),
      per_person as (
        select skill, person_id, bool_or(inside) as inside, bool_or(not inside) as outside,
          avg(start_rating) filter (where inside) as start_rating,
          avg(end_rating) filter (where inside) as end_rating
        from pairs group by skill, person_id
      )
      select skill,
        count(*) filter (where inside)::int as n,
        count(*) filter (where outside)::int as outside,
        avg(start_rating)::float8 as mean_start,
        avg(end_rating)::float8 as mean_end
      from per_person group by skill
      order by count(*) filter (where inside) desc, skill`),
  );
  return rows.map((row) => ({
    skill: row.skill,
    n: Number(row.n),
    outside: Number(row.outside),
    meanStart: row.mean_start === null ? null : Number(row.mean_start),
    meanEnd: row.mean_end === null ? null : Number(row.mean_end),
  }));
}

/**
 * A fingerprint of every row a programme's results are computed from: per table, the number of
 * rows and the sum of their `xmin` (the transaction that wrote the row version), so any insert,
 * update or delete committed by any process changes it — answers, surveys, self-ratings,
 * enrolments, people's groups, consented attributes, the thresholds and the programme's
 * questions. One statement; null when the programme is not the organisation's.
 */
export async function resultsFingerprint(
  db: Db,
  organisationId: string,
  programmeId: string,
): Promise<string | null> {
  const [row] = rowsOf<{ fingerprint: string }>(
    await db.execute(sql`select concat_ws('|',
        p.xmin::text, o.xmin::text,
        ${tableVersion('check_in', sql`t.programme_id = ${programmeId}`)},
        ${tableVersion('outcome_survey', sql`t.programme_id = ${programmeId}`)},
        ${tableVersion('skill_rating', sql`t.programme_id = ${programmeId}`)},
        ${tableVersion('enrolment', sql`t.programme_id = ${programmeId}`)},
        ${tableVersion('person', sql`t.organisation_id = ${organisationId}`)},
        ${tableVersion('sensitive_attributes', sql`t.organisation_id = ${organisationId}`)}
      ) as fingerprint
      from programme p join organisation o on o.id = p.organisation_id
      where p.id = ${programmeId} and p.organisation_id = ${organisationId}`),
  );
  return row?.fingerprint ?? null;
}
