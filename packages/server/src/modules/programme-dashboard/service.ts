import { requireRole, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { KeptAnswers } from '../../db/table-version.js';
import { notFound } from '../../errors.js';
import { periodRange, type Period } from '../feedback-results/keys.js';
import { outcomeFigures } from '../feedback-results/service.js';
import { findProgramme } from '../programmes/repository.js';
import { managerRoles } from '../programmes/service.js';
import { countRelationshipsNeedingHelp } from '../relationship-health/signals.js';
import * as repo from './repository.js';
import type { DashboardFigures, DashboardQuery, DashboardResponse } from './schema.js';

/** A quarter as the period filter names it: `2026-Q3`. */
export function quarterOf(date: Date): Period {
  return `${date.getUTCFullYear()}-Q${(Math.floor(date.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4}`;
}

/** The quarters from `start` to `now` (both included), newest first; just now's if start is later. */
export function quartersSince(start: Date, now: Date): Period[] {
  const first = start < now ? start : now;
  const quarters: Period[] = [];
  let year = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3);
  const endYear = first.getUTCFullYear();
  const endQ = Math.floor(first.getUTCMonth() / 3);
  while (year > endYear || (year === endYear && q >= endQ)) {
    quarters.push(`${year}-Q${(q + 1) as 1 | 2 | 3 | 4}`);
    q -= 1;
    if (q < 0) {
      q = 3;
      year -= 1;
    }
  }
  return quarters;
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

interface Rows {
  people?: repo.PeopleRow;
  relationships?: repo.RelationshipRow;
  pending?: repo.PendingRow;
  checkIns?: repo.CheckInRow;
}

function toFigures(rows: Rows): DashboardFigures {
  const p = rows.people;
  const r = rows.relationships;
  const c = rows.checkIns;
  return {
    enrolled: {
      mentee: p?.mentee ?? 0,
      mentor: p?.mentor ?? 0,
      both: p?.both ?? 0,
      total: p?.enrolled ?? 0,
    },
    matched: p?.matched ?? 0,
    matchRate: rate(p?.enrolledMatched ?? 0, p?.enrolled ?? 0),
    medianDaysToMatch: oneDecimal(p?.medianDaysToMatch ?? null),
    pendingRequests: rows.pending?.requests ?? 0,
    pendingIntroductions: rows.pending?.introductions ?? 0,
    relationships: {
      active: r?.active ?? 0,
      paused: r?.paused ?? 0,
      endedEarly: r?.endedEarly ?? 0,
      completed: r?.completed ?? 0,
    },
    meetingsPerRelationship: {
      relationships: r?.running ?? 0,
      mean: oneDecimal(r?.meetingsMean ?? null),
      median: r?.meetingsMedian ?? null,
    },
    checkIns: {
      sent: c?.sent ?? 0,
      answered: c?.answered ?? 0,
      responseRate: rate(c?.answered ?? 0, c?.sent ?? 0),
    },
  };
}

/**
 * The programme dashboard for its managers: a fingerprint statement, then (when the kept answer
 * is out of date) a fixed number of statements (the programme, then
 * four aggregate statements, the health list's count and the outcome figures side by side)
 * whatever the programme's size. The outcome figures come from the results module, under its
 * anonymity rules. The operational figures
 * are split only by the non-sensitive dimensions: the manager sees these people by name
 * elsewhere (privacy/sensitive.ts, rule 2).
 */
export async function getDashboard(
  ctx: { db: Db; now: Date },
  actor: Actor,
  programmeId: string,
  query: DashboardQuery,
): Promise<DashboardResponse> {
  const { db, now } = ctx;
  const { organisationId } = requireRole(actor, managerRoles);
  const fingerprint = await repo.dashboardFingerprint(db, organisationId, programmeId);
  if (fingerprint === null) throw notFound('programme');
  // Time moves figures too (a request expires, a relationship goes too long without meeting):
  // a kept answer serves within the minute it was computed in.
  const minute = Math.floor(now.getTime() / 60_000);
  return keptDashboards.get(
    db,
    `${programmeId}|${query.period}|${query.by ?? ''}`,
    `${fingerprint}|${minute}`,
    () => computeDashboard(db, now, organisationId, programmeId, query),
  );
}

/**
 * Dashboards by programme, period and split, kept under a fingerprint of the rows they are
 * computed from (`repo.dashboardFingerprint`, read on every request: a change by any process is
 * seen at once) and the minute. Computing one takes ~6 statements side by side, the health count
 * the costliest (~80–200 ms at 5,000 participants); the fingerprint ~1 statement.
 */
const keptDashboards = new KeptAnswers<DashboardResponse>(128);

async function computeDashboard(
  db: Db,
  now: Date,
  organisationId: string,
  programmeId: string,
  query: DashboardQuery,
): Promise<DashboardResponse> {
  const programme = await findProgramme(db, organisationId, programmeId);
  if (!programme) throw notFound('programme');
  const period = query.period as Period;
  const scope: repo.Scope = {
    organisationId,
    programmeId,
    range: periodRange(period),
    by: query.by ?? null,
  };
  const [people, relationships, pending, checkIns, healthListSize, outcomes] = await Promise.all([
    repo.peopleFigures(db, scope),
    repo.relationshipFigures(db, scope),
    repo.pendingFigures(db, scope, now),
    repo.checkInFigures(db, scope),
    countRelationshipsNeedingHelp(db, { organisationId, programmeId, now }),
    outcomeFigures(db, { organisationId, programmeId, period, by: scope.by }),
  ]);

  const key = (row: { grp: string | null }) => row.grp ?? '\u0000';
  const byGroup = new Map<string, Rows & { value: string | null }>();
  const total: Rows = {};
  const collect = <K extends keyof Rows>(kind: K, rows: NonNullable<Rows[K]>[]) => {
    for (const row of rows) {
      const entry: Rows = row.isTotal
        ? total
        : (byGroup.get(key(row)) ?? byGroup.set(key(row), { value: row.grp }).get(key(row))!);
      entry[kind] = row;
    }
  };
  collect('people', people);
  collect('relationships', relationships);
  collect('pending', pending);
  collect('checkIns', checkIns);

  const groups = [...byGroup.values()]
    .map((rows) => ({ value: rows.value, figures: toFigures(rows) }))
    .sort((a, b) =>
      a.value === null
        ? 1
        : b.value === null
          ? -1
          : a.value.localeCompare(b.value, 'nl', { numeric: true }),
    );
  // Enrolment may open before the programme starts: the periods begin with whichever came first.
  const start = new Date(
    Math.min(
      ...[programme.startsOn, programme.enrolmentOpensOn]
        .filter((d): d is string => d !== null)
        .map((d) => Date.parse(`${d}T00:00:00Z`)),
      (programme.publishedAt ?? programme.createdAt).getTime(),
    ),
  );

  return {
    programme: { id: programme.id, name: programme.name, startsOn: programme.startsOn },
    period,
    periods: quartersSince(start, now),
    by: scope.by,
    figures: toFigures(total),
    groups,
    healthListSize,
    outcomes,
  };
}
