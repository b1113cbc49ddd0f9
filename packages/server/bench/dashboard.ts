/**
 * The programme dashboard (issue 10, Performance) on PostgreSQL: a programme of 5,000
 * participants with two years of history — relationships, check-ins on a 30-day cadence from both
 * sides (~70% answered), meetings, outcome surveys, pending requests and introductions — is
 * generated straight into a fresh database with set-based INSERT … SELECT generate_series, then
 * GET /api/programmes/:id/dashboard (and GET …/results, when that route exists) is called
 * repeatedly through app.inject, one request at a time, and p50/p95/p99 are reported. The
 * slowest of the dashboard's statements is run once more under EXPLAIN (ANALYZE, BUFFERS).
 *
 *   KLIK_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:dashboard -w packages/server
 *   BENCH_PARTICIPANTS=5000 BENCH_REQUESTS=100 BENCH_WRITE_DOCS=0 …
 *
 * Without KLIK_BENCH_DATABASE_URL (or DATABASE_URL) it says so and stops: the target is about
 * PostgreSQL. Results are written to docs/benchmarks.md between the dashboard-bench markers.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Db } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { periodRange } from '../src/modules/feedback-results/keys.js';
import { outcomeFigures } from '../src/modules/feedback-results/service.js';
import * as dashboard from '../src/modules/programme-dashboard/repository.js';
import { countRelationshipsNeedingHelp } from '../src/modules/relationship-health/signals.js';
import { createOrganisation, createPerson, signIn } from '../src/test/factories.js';

const here = fileURLToPath(import.meta.url);
const docsFile = path.resolve(path.dirname(here), '../../../docs/benchmarks.md');
const PG_URL = process.env.KLIK_BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? null;
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const WRITE_DOCS = process.env.BENCH_WRITE_DOCS !== '0';
const TARGET_P95_MS = 300;
const NOW = new Date('2026-12-01T09:00:00Z');

if (!PG_URL) {
  console.log('dashboard bench skipped: set KLIK_BENCH_DATABASE_URL (PostgreSQL) to run it');
  process.exit(0);
}

/** The generated programme: ids are md5-derived so every statement can find its parents. */
function generate(organisationId: string, programmeId: string, n: number): SQL[] {
  const mentees = Math.round(n * 0.6);
  const mentors = Math.round(n * 0.3);
  // persons 1..mentees: mentees; next `mentors`: mentors; the rest: both.
  const matched = Math.round(mentees * 0.9);
  // Whole numbers go into the SQL as literals (generate_series needs typed arguments).
  const int = (value: number) => sql.raw(String(Math.trunc(value)));
  const pid = (i: SQL | string) => sql`md5('bench-person-' || ${i})::uuid`;
  const rid = (i: SQL | string) => sql`md5('bench-rel-' || ${i})::uuid`;
  const start = sql`(${NOW.toISOString()}::timestamptz - interval '2 years')`;
  return [
    sql`select setseed(0.42)`,
    sql`insert into "user" (id, name, email, email_verified)
      select 'bench-user-' || g, 'Deelnemer ' || g, 'bench-' || g || '@bench.test', true
      from generate_series(1, ${int(n)}) g`,
    sql`insert into person (id, organisation_id, user_id, email, given_name, family_name,
        department, location, job_level)
      select ${pid(sql`g`)}, ${organisationId}, 'bench-user-' || g, 'bench-' || g || '@bench.test',
        'Deelnemer', 'Nummer ' || g,
        (array['Finance','HR','IT','Sales','Operations','Legal','Marketing','Support'])[1 + g % 8],
        (array['Amsterdam','Rotterdam','Utrecht','Groningen','Eindhoven'])[1 + g % 5],
        1 + g % 12
      from generate_series(1, ${int(n)}) g`,
    // Enrolments over the first 18 months.
    sql`insert into enrolment (programme_id, organisation_id, person_id, role, capacity, created_at)
      select ${programmeId}, ${organisationId}, ${pid(sql`g`)},
        (case when g <= ${int(mentees)} then 'mentee' when g <= ${int(mentees + mentors)} then 'mentor'
          else 'both' end)::enrolment_role,
        case when g > ${int(mentees)} then 3 end,
        ${start} + (random() * 540) * interval '1 day'
      from generate_series(1, ${int(n)}) g`,
    // 90% of the mentees matched, to a mentor (or a 'both'), 0–60 days after enrolling.
    sql`insert into relationship (id, programme_id, organisation_id, mentor_id, status, started_at,
        ended_at, paused_at)
      select ${rid(sql`i`)}, ${programmeId}, ${organisationId},
        ${pid(sql`(${int(mentees)} + 1 + (i - 1) % ${int(n - mentees)})`)},
        (case when x < 0.10 then 'ended_early' when x < 0.25 then 'completed' else 'active'
          end)::relationship_status,
        s,
        case when x < 0.25 then least(s + (60 + random() * 300) * interval '1 day',
          ${NOW.toISOString()}::timestamptz) end,
        case when x >= 0.25 and x < 0.30 then s + interval '90 days' end
      from (
        select i, random() as x, e.created_at + (random() * 60) * interval '1 day' as s
        from generate_series(1, ${int(matched)}) i
        join enrolment e on e.programme_id = ${programmeId} and e.person_id = ${pid(sql`i`)}
      ) r`,
    sql`insert into relationship_mentee (relationship_id, mentee_id, joined_at)
      select r.id, ${pid(sql`i`)}, r.started_at
      from generate_series(1, ${int(matched)}) i join relationship r on r.id = ${rid(sql`i`)}`,
    // Check-ins every 30 days while the relationship runs, both sides, ~70% answered.
    sql`insert into check_in (organisation_id, programme_id, relationship_id, person_id, side,
        due_on, questions, answers, sent_at, answered_at)
      select ${organisationId}, ${programmeId}, r.id, side.person_id, side.side, d::date,
        '[{"id":"met","kind":"met"},{"id":"usefulness","kind":"usefulness"}]'::jsonb,
        case when a then jsonb_build_object('met', random() < 0.8,
          'usefulness', 1 + floor(random() * 5)::int) end,
        d, case when a then d + (random() * 5) * interval '1 day' end
      from relationship r
      join relationship_mentee rm on rm.relationship_id = r.id
      cross join lateral (values (r.mentor_id, 'mentor'), (rm.mentee_id, 'mentee'))
        as side(person_id, side)
      cross join lateral generate_series(r.started_at + interval '30 days',
        coalesce(r.ended_at, ${NOW.toISOString()}::timestamptz), interval '30 days') d
      -- Correlated with the row (d), so PostgreSQL draws a new value per check-in, not once.
      cross join lateral (select random() < 0.7 + 0 * extract(epoch from d) as a) answered
      where r.programme_id = ${programmeId}`,
    // A meeting every ~3 weeks: 80% held, 10% not held, 10% without an outcome.
    sql`insert into meeting (relationship_id, organisation_id, starts_at, duration_minutes,
        time_zone, status, outcome, outcome_at, created_by, created_at)
      select r.id, ${organisationId}, d, 60, 'Europe/Amsterdam', 'planned',
        (case when x < 0.8 then 'held' when x < 0.9 then 'not_held' end)::meeting_outcome,
        case when x < 0.9 then d + interval '2 hours' end,
        r.mentor_id, d - interval '7 days'
      from relationship r
      cross join lateral generate_series(r.started_at + interval '7 days',
        coalesce(r.ended_at, ${NOW.toISOString()}::timestamptz), interval '21 days') d
      cross join lateral (select random() + 0 * extract(epoch from d) as x) o
      where r.programme_id = ${programmeId}`,
    // Outcome surveys for the closed relationships, both sides, 80% answered.
    sql`insert into outcome_survey (organisation_id, programme_id, relationship_id, person_id, side,
        closing, sent_at, answered_at, learned_skills, career_steps, inspired, recommend)
      select ${organisationId}, ${programmeId}, r.id, side.person_id, side.side,
        case when r.status = 'completed' then 'completed' else 'ended' end, r.ended_at,
        case when a then r.ended_at + interval '3 days' end,
        case when a then random() < 0.55 end,
        case when a then (case when random() < 0.3 then '["project"]'::jsonb
          when random() < 0.2 then '["promotion","network"]'::jsonb else '[]'::jsonb end) end,
        case when a then random() < 0.6 end,
        case when a then floor(random() * 11)::int end
      from relationship r
      join relationship_mentee rm on rm.relationship_id = r.id
      cross join lateral (values (r.mentor_id, 'mentor'), (rm.mentee_id, 'mentee'))
        as side(person_id, side)
      cross join lateral (select random() < 0.8 + 0 * length(side.side) as a) answered
      where r.programme_id = ${programmeId} and r.ended_at is not null`,
    // The unmatched mentees: some asked a mentor, some were introduced.
    sql`insert into mentoring_request (programme_id, organisation_id, from_person_id, to_person_id,
        mentee_id, mentor_id, message, status, expires_at, created_at)
      select ${programmeId}, ${organisationId}, ${pid(sql`i`)}, ${pid(sql`(${int(mentees)} + 1 + i % ${int(mentors)})`)},
        ${pid(sql`i`)}, ${pid(sql`(${int(mentees)} + 1 + i % ${int(mentors)})`)}, 'Hallo!',
        (case when i % 3 = 0 then 'declined' else 'pending' end)::request_status,
        ${NOW.toISOString()}::timestamptz + ((i % 20) - 5) * interval '1 day',
        ${NOW.toISOString()}::timestamptz - (i % 40) * interval '1 day'
      from generate_series(${int(matched + 1)}, ${int(mentees)}) i`,
    sql`insert into introduction (programme_id, organisation_id, mentee_id, mentor_id, score,
        mentee_response, created_at)
      select ${programmeId}, ${organisationId}, ${pid(sql`i`)},
        ${pid(sql`(${int(mentees)} + 1 + (i * 7) % ${int(mentors)})`)}, 50 + i % 50,
        (case when i % 4 = 0 then 'declined' else 'pending' end)::introduction_response,
        ${NOW.toISOString()}::timestamptz - (i % 60) * interval '1 day'
      from generate_series(${int(matched + 1)}, ${int(mentees)}) i`,
    sql`analyze`,
  ];
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

interface Timing {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  status: number;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  const name = `klik_bench_dash_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL! });
  await admin.connect();
  const version = (await admin.query('show server_version')).rows[0].server_version as string;
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    await migrateDatabase(database);
    const config = {
      ...loadConfig({
        NODE_ENV: 'production',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
        PUBLIC_URL: 'http://localhost:3406',
      }),
      database: { kind: 'postgres' as const, url: url.toString() },
      loadDemoData: false,
      signInRateLimit: 10_000,
      signInAddressRateLimit: 1_000_000,
      overload: { maxEventLoopDelayMs: 60_000, maxDatabaseQueue: 1_000_000 },
    };
    app = await buildApp(config, { database, clock: () => NOW });
    const db: Db = database.db;
    const org = await createOrganisation(db);
    const manager = await createPerson(app, {
      organisationId: org.id,
      role: 'programme_manager',
    });
    const cookie = await signIn(app, manager.email);
    const programmeId = (
      (await db.execute(sql`insert into programme (organisation_id, name, type, status,
          conflict_rules, starts_on, published_at)
        values (${org.id}, 'Bench: 5.000 deelnemers', 'classic', 'published',
          '{"reportingLineLevels":2,"excludeSameTeam":false,"excludeSameDepartment":false,"excludeEarlierPairs":true}'::jsonb,
          (${NOW.toISOString()}::timestamptz - interval '2 years')::date,
          ${NOW.toISOString()}::timestamptz - interval '2 years')
        returning id`)) as unknown as { rows: { id: string }[] }
    ).rows[0]!.id;

    console.log(`Generating ${PARTICIPANTS} participants into ${name} (PostgreSQL ${version})…`);
    const generatedAt = performance.now();
    for (const statement of generate(org.id, programmeId, PARTICIPANTS))
      await db.execute(statement);
    const generateMs = performance.now() - generatedAt;
    const counts = (
      (await db.execute(sql`select
        (select count(*) from enrolment where programme_id = ${programmeId})::int as enrolments,
        (select count(*) from relationship where programme_id = ${programmeId})::int as relationships,
        (select count(*) from check_in where programme_id = ${programmeId})::int as "checkIns",
        (select count(*) from meeting m join relationship r on r.id = m.relationship_id
          where r.programme_id = ${programmeId})::int as meetings,
        (select count(*) from outcome_survey where programme_id = ${programmeId})::int as surveys,
        (select count(*) from mentoring_request where programme_id = ${programmeId})::int as requests,
        (select count(*) from introduction where programme_id = ${programmeId})::int as introductions
      `)) as unknown as { rows: Record<string, number>[] }
    ).rows[0]!;
    console.log(`  generated in ${(generateMs / 1000).toFixed(1)} s:`, counts);

    const quarter = '2026-Q2';
    // Dashboards and results are kept until a row behind them changes: measured both kept and
    // recomputed. A change before each request: an answer given to a check-in (for the results
    // a write to the organisation's row, which their fingerprint includes).
    const touch = async () => {
      await db.execute(sql`update organisation set name = name where id = ${org.id}`);
    };
    const answerOne = async () => {
      await db.execute(sql`update check_in set answered_at = coalesce(answered_at, sent_at)
        where id = (select id from check_in where programme_id = ${programmeId}
          order by random() limit 1)`);
    };
    const dash = `/api/programmes/${programmeId}/dashboard`;
    const routes: [string, string, (() => Promise<void>)?][] = [
      ['GET …/dashboard (recomputed: a change before each)', dash, answerOne],
      [`GET …/dashboard?period=${quarter} (recomputed)`, `${dash}?period=${quarter}`, answerOne],
      ['GET …/dashboard?by=department (recomputed)', `${dash}?by=department`, answerOne],
      ['GET …/dashboard (kept answer)', dash],
      ['GET …/dashboard?by=department (kept answer)', `${dash}?by=department`],
      ['GET …/results (kept answer)', `/api/programmes/${programmeId}/results`],
      [
        'GET …/results (recomputed: a change before each)',
        `/api/programmes/${programmeId}/results`,
        touch,
      ],
    ];
    const timings: Timing[] = [];
    for (const [label, path, before] of routes) {
      const first = await app.inject({ url: path, headers: { cookie } });
      if (first.statusCode !== 200) {
        console.log(`  ${label}: ${first.statusCode} ${first.body.slice(0, 200)} — skipped`);
        continue;
      }
      for (let i = 0; i < 5; i++) await app.inject({ url: path, headers: { cookie } });
      const times: number[] = [];
      const n = before && !label.includes('dashboard') ? Math.min(REQUESTS, 20) : REQUESTS;
      for (let i = 0; i < n; i++) {
        await before?.();
        const t0 = performance.now();
        const response = await app.inject({ url: path, headers: { cookie } });
        times.push(performance.now() - t0);
        if (response.statusCode !== 200) throw new Error(`${label}: ${response.statusCode}`);
      }
      times.sort((a, b) => a - b);
      const timing = {
        name: label,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        status: 200,
      };
      timings.push(timing);
      console.log(
        `  ${label.padEnd(40)} p50 ${ms(timing.p50)}  p95 ${ms(timing.p95)}  p99 ${ms(timing.p99)}`,
      );
    }

    // Each dashboard statement alone (median of 20), then the slowest under EXPLAIN ANALYZE.
    const scope = (by: dashboard.Scope['by'], period: 'all' | typeof quarter = 'all') => ({
      organisationId: org.id,
      programmeId,
      range: periodRange(period),
      by,
    });
    const statements: [string, (d: Db) => Promise<unknown>][] = [
      ['peopleFigures', (d) => dashboard.peopleFigures(d, scope(null))],
      ['peopleFigures by department', (d) => dashboard.peopleFigures(d, scope('department'))],
      ['relationshipFigures', (d) => dashboard.relationshipFigures(d, scope(null))],
      [
        'relationshipFigures by department',
        (d) => dashboard.relationshipFigures(d, scope('department')),
      ],
      [
        'pendingFigures by department',
        (d) => dashboard.pendingFigures(d, scope('department'), NOW),
      ],
      ['checkInFigures', (d) => dashboard.checkInFigures(d, scope(null))],
      ['checkInFigures by department', (d) => dashboard.checkInFigures(d, scope('department'))],
      [
        'outcomeFigures (results module, several statements)',
        (d) => outcomeFigures(d, { organisationId: org.id, programmeId, period: 'all', by: null }),
      ],
      [
        'countRelationshipsNeedingHelp',
        (d) => countRelationshipsNeedingHelp(d, { organisationId: org.id, programmeId, now: NOW }),
      ],
    ];
    const perStatement: { name: string; median: number; run: (d: Db) => Promise<unknown> }[] = [];
    for (const [label, run] of statements) {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await run(db);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      perStatement.push({ name: label, median: percentile(times, 50), run });
      console.log(`  statement ${label.padEnd(36)} median ${ms(percentile(times, 50))}`);
    }
    const slowest = [...perStatement]
      .filter((s) => !s.name.startsWith('outcomeFigures'))
      .sort((a, b) => b.median - a.median)[0]!;
    let plan = '';
    // The repositories call db.execute(query) (the health count in a transaction, after a SET):
    // run the same query under EXPLAIN instead, passing anything that is not a query through.
    const dialect = (db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string } } }).dialect;
    const explainingOn = (target: Db): Db =>
      ({
        execute: async (query: SQL) => {
          if (!/^\s*(with|select)\b/i.test(dialect.sqlToQuery(query).sql))
            return target.execute(query);
          const result = (await target.execute(
            sql`explain (analyze, buffers, costs off) ${query}`,
          )) as unknown as { rows: Record<string, string>[] };
          plan = result.rows.map((row) => Object.values(row)[0]).join('\n');
          return { rows: [] };
        },
        transaction: <T>(run: (tx: Db) => Promise<T>) =>
          target.transaction((tx) => run(explainingOn(tx as unknown as Db))),
      }) as unknown as Db;
    const explaining = explainingOn(db);
    await slowest.run(explaining);
    console.log(`\nEXPLAIN ANALYZE of the slowest statement (${slowest.name}):\n${plan}`);

    const dashboardTimings = timings.filter((t) => t.name.includes('dashboard'));
    const met = dashboardTimings.every((t) => t.p95 < TARGET_P95_MS);
    if (!WRITE_DOCS) return;
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const load = os.loadavg().map((l) => l.toFixed(1));
    const block = [
      '<!-- dashboard-bench:start -->',
      `Run of ${when} UTC on PostgreSQL ${version} (same machine, loopback): ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load average at the end ${load.join(' / ')}.`,
      '',
      `Generated in ${(generateMs / 1000).toFixed(1)} s: ${counts.enrolments} enrolments, ${counts.relationships} relationships, ${counts.checkIns} check-ins, ${counts.meetings} meetings, ${counts.surveys} outcome surveys, ${counts.requests} requests, ${counts.introductions} introductions.`,
      '',
      `${REQUESTS} requests per route through \`app.inject\`, one at a time, after 5 warm-up requests (the session is cached after the first):`,
      '',
      '| route | p50 | p95 | p99 | target p95 < 300 ms |',
      '| --- | ---: | ---: | ---: | --- |',
      ...timings.map(
        (t) =>
          `| ${t.name} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | ${t.name.includes('dashboard') ? (t.p95 < TARGET_P95_MS ? 'met' : '**missed**') : 'not a target'} |`,
      ),
      '',
      `Overall: ${met ? 'target met' : '**target missed**'}.`,
      '',
      'Each statement alone (median of 20):',
      '',
      '| statement | median |',
      '| --- | ---: |',
      ...perStatement.map((s) => `| ${s.name} | ${ms(s.median)} |`),
      '',
      `EXPLAIN (ANALYZE, BUFFERS) of the slowest, \`${slowest.name}\`:`,
      '',
      '```',
      plan,
      '```',
      '<!-- dashboard-bench:end -->',
    ].join('\n');
    const docs = fs.readFileSync(docsFile, 'utf8');
    const startAt = docs.indexOf('<!-- dashboard-bench:start -->');
    const endAt = docs.indexOf('<!-- dashboard-bench:end -->');
    const next =
      startAt >= 0 && endAt > startAt
        ? docs.slice(0, startAt) + block + docs.slice(endAt + '<!-- dashboard-bench:end -->'.length)
        : `${docs.trimEnd()}\n\n## Programme dashboard on PostgreSQL (issue 10)\n\n${block}\n`;
    fs.writeFileSync(docsFile, next);
    console.log(`\nwritten to ${path.relative(process.cwd(), docsFile)}`);
  } finally {
    await app?.close();
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
