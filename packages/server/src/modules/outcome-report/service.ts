import { requireMember, requireRole, type Actor, type OrgRole } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { forbidden, invalidField, notFound } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import { discloseGroups, type Cell, type GroupRef } from '../../privacy/anonymity.js';
import { loadThresholds } from '../../privacy/thresholds.js';
import * as results from '../feedback-results/repository.js';
import { careerStepKinds, type OutcomeBlock, type Withheld } from '../feedback-results/schema.js';
import { outcomeBlock } from '../feedback-results/service.js';
import { managerRoles } from '../programmes/service.js';
import { skillCatalogue } from '../skills/catalogue.js';
import * as repo from './repository.js';
import { estimateRetention } from './retention.js';
import type {
  Headline,
  OutcomeReport,
  ReportQuery,
  RetentionFigure,
  SponsorHome,
} from './schema.js';

/**
 * The outcome report (issue 11, rule 4), the sponsor's home (rule 3) and a programme's cohorts.
 * Who reads a report: org admins, programme managers and members with the org role 'sponsor'
 * (every programme and the organisation's), and a person named a programme's sponsor (that
 * programme's); others of the organisation get 403, another organisation 404.
 */

export interface Deps {
  db: Db;
  now: () => Date;
}

type CohortRef = OutcomeReport['cohorts'][number];

/** Roles that read every programme's report and the organisation's. */
export const reportReaderRoles: readonly OrgRole[] = ['org_admin', 'programme_manager', 'sponsor'];

const TOP_SKILLS = 10;
const RETENTION_MONTHS = [6, 12] as const;

function withheld(
  reason: Withheld['reason'],
  needed: number,
  respondents: number | null = null,
): Withheld {
  return { shown: false, reason, respondents, needed };
}

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

const percent = (count: number, of: number) => (of === 0 ? null : Math.round((100 * count) / of));

/** The programme of the caller's organisation whose report the caller may read. */
async function readableProgramme(
  db: Db,
  actor: Actor,
  programmeId: string,
): Promise<{ member: ReturnType<typeof requireMember>; programme: repo.ProgrammeRow }> {
  const member = requireMember(actor);
  const programme = await repo.findProgramme(db, member.organisationId, programmeId);
  if (!programme) throw notFound('programme');
  if (
    !reportReaderRoles.includes(member.role) &&
    !(await repo.isNamedSponsor(db, programmeId, member.personId))
  ) {
    throw forbidden();
  }
  return { member, programme };
}

/** The programme of the caller's organisation whose cohorts the caller may change. */
async function managedProgramme(db: Db, actor: Actor, programmeId: string) {
  const member = requireMember(actor);
  const programme = await repo.findProgramme(db, member.organisationId, programmeId);
  if (!programme) throw notFound('programme');
  requireRole(actor, managerRoles);
  return { member, programme };
}

const cohortGroup = (id: string): GroupRef<string> => ({ dimension: `cohort:${id}`, value: 'in' });

/** Cells of people by the cohorts they belong to, for the anonymity module. */
function cohortCells(rows: readonly { cohorts: string[]; people: number }[]): Cell<string>[] {
  return rows.map((row) => ({
    values: Object.fromEntries(row.cohorts.map((id) => [`cohort:${id}`, 'in'])),
    people: row.people,
  }));
}

/**
 * Which of a population's figures may be shown: the whole, and each cohort beside it (the
 * cohorts are groups of the anonymity module, oldest first, so no difference between a cohort's
 * figures and the whole's describes fewer than minGroup people).
 */
function discloseCohorts(
  cells: readonly Cell<string>[],
  cohorts: readonly CohortRef[],
  minGroup: number,
): { total: number; totalShown: boolean; cohort: Map<string, { shown: true } | Withheld> } {
  const disclosure = discloseGroups(
    cells,
    cohorts.map((c) => cohortGroup(c.id)),
    minGroup,
  );
  const cohort = new Map<string, { shown: true } | Withheld>();
  for (const c of cohorts) {
    const key = cohortGroup(c.id).dimension;
    const refused = disclosure.withheld.find((w) => w.group.dimension === key);
    cohort.set(c.id, refused ? withheld(refused.reason, minGroup) : { shown: true });
  }
  return { total: disclosure.total, totalShown: disclosure.totalShown, cohort };
}

function headlineOf(
  people: { enrolled: number; matched: number } | undefined,
  outcome: OutcomeBlock | Withheld,
): Headline {
  const shown = outcome.shown ? outcome : null;
  return {
    enrolled: people?.enrolled ?? 0,
    matched: people?.matched ?? 0,
    learnedSkillsPercent: shown?.learnedSkills.percent ?? null,
    careerStepPercent: shown?.careerStep.percent ?? null,
    inspiredPercent: shown?.inspired.percent ?? null,
    nps: shown?.recommend.nps ?? null,
    respondents: shown?.respondents ?? null,
  };
}

interface ReportInput {
  organisationId: string;
  organisationName: string;
  locale: 'nl' | 'en';
  programme: repo.ProgrammeRow | null;
  cohortId: string | null;
}

/** Survey figures and headline people of the scope, per cohort too (shared by the report and the sponsor's home). */
async function surveyAndPeople(
  db: Db,
  scope: repo.ReportScope,
  cohorts: readonly CohortRef[],
  minGroup: number,
) {
  const resultsScope: results.Scope = {
    organisationId: scope.organisationId,
    programmeId: scope.programmeId ?? '',
    range: null,
    allowSensitive: false,
    surveys: repo.surveysOf(scope, null),
  };
  const [participation, outcomeRows, cells] = await Promise.all([
    repo.participationFigures(db, scope),
    results.findOutcomeRows(
      db,
      resultsScope,
      null,
      careerStepKinds,
      scope.programmeId ? repo.surveyRowCohort() : undefined,
    ),
    repo.surveyCohortCells(db, scope),
  ]);
  const disclosure = discloseCohorts(cohortCells(cells), cohorts, minGroup);
  /** The survey figures of the whole scope (null) or a cohort, or why not. */
  const outcomeOf = (cohortId: string | null): OutcomeBlock | Withheld => {
    if (!disclosure.totalShown) {
      return withheld('too_few', minGroup, cohortId ? null : disclosure.total);
    }
    const verdict = cohortId ? disclosure.cohort.get(cohortId) : { shown: true as const };
    if (!verdict || !verdict.shown) return verdict ?? withheld('too_few', minGroup);
    const row = outcomeRows.find((r) => (cohortId ? r.group === cohortId : r.isTotal));
    if (!row || row.respondents === 0) return withheld('too_few', minGroup, cohortId ? null : 0);
    return outcomeBlock(row);
  };
  const peopleOf = (cohortId: string | null) =>
    participation.rows.find((r) => (cohortId ? r.group === cohortId : r.isTotal));
  return { participation, outcomeOf, peopleOf, resultsScope };
}

function retentionFigures(
  found: Awaited<ReturnType<typeof repo.retentionCells>>,
  cohorts: readonly CohortRef[],
  cohortId: string | null,
  minGroup: number,
): RetentionFigure[] {
  return RETENTION_MONTHS.map((months): RetentionFigure => {
    const all = found.cells.filter((cell) => cell.months === months);
    const cells = cohortId ? all.filter((cell) => cell.cohort === cohortId) : all;
    const estimate = estimateRetention(cells);
    const comparisonPeople =
      found.comparisonPeople.find(
        (row) =>
          row.months === months &&
          (cohortId ? !row.isTotal && row.cohort === cohortId : row.isTotal),
      )?.people ?? 0;
    const refuse = (reason: Withheld['reason']): RetentionFigure => ({
      ...withheld(reason, minGroup),
      months,
    });
    if (!estimate || estimate.participants < minGroup || comparisonPeople < minGroup) {
      return refuse('too_few');
    }
    if (cohortId) {
      // The matched participants per cohort: a cohort shown beside the programme's figure must
      // not let a small rest be derived by difference.
      const perCohort = new Map<string, number>();
      for (const cell of all) {
        if (cell.comparable > 0 && cell.cohort) {
          perCohort.set(cell.cohort, (perCohort.get(cell.cohort) ?? 0) + cell.n);
        }
      }
      const verdict = discloseCohorts(
        cohortCells([...perCohort].map(([id, people]) => ({ cohorts: [id], people }))),
        cohorts,
        minGroup,
      ).cohort.get(cohortId);
      if (verdict && !verdict.shown) return refuse(verdict.reason);
    }
    const digits = 4;
    return {
      shown: true,
      months,
      participants: {
        n: estimate.participants,
        retained: estimate.retained,
        share: round(estimate.participantShare.share, digits),
        low: round(estimate.participantShare.low, digits),
        high: round(estimate.participantShare.high, digits),
      },
      comparison: {
        n: comparisonPeople,
        share: round(estimate.comparisonShare.share, digits),
        low: round(estimate.comparisonShare.low, digits),
        high: round(estimate.comparisonShare.high, digits),
      },
      difference: {
        value: round(estimate.difference.value, digits),
        low: round(estimate.difference.low, digits),
        high: round(estimate.difference.high, digits),
      },
      unmatched: estimate.unmatched,
    };
  });
}

async function buildReport(deps: Deps, input: ReportInput): Promise<OutcomeReport> {
  const { db } = deps;
  const now = deps.now();
  const programmeId = input.programme?.id ?? null;
  const scope: repo.ReportScope = { organisationId: input.organisationId, programmeId };
  const [thresholds, cohorts] = await Promise.all([
    loadThresholds(db, input.organisationId),
    programmeId ? repo.listCohorts(db, programmeId) : Promise.resolve([]),
  ]);
  const cohort = input.cohortId ? cohorts.find((c) => c.id === input.cohortId) : null;
  if (input.cohortId && !cohort) throw notFound('cohort');
  const cohortId = cohort?.id ?? null;
  const { minGroup } = thresholds;

  const { participation, outcomeOf, peopleOf, resultsScope } = await surveyAndPeople(
    db,
    scope,
    cohorts,
    minGroup,
  );
  const filtered: results.Scope = { ...resultsScope, surveys: repo.surveysOf(scope, cohortId) };
  const [activity, topSkills, growth, programmeGrowth, retention, customLabels, actions] =
    await Promise.all([
      repo.activityFigures(db, scope, now),
      results.findTopSkills(db, filtered, TOP_SKILLS),
      results.findGrowth(db, filtered),
      cohortId ? results.findGrowth(db, resultsScope) : Promise.resolve([]),
      repo.retentionCells(db, scope, now.toISOString().slice(0, 10)),
      repo.customSkillLabels(db, input.organisationId),
      programmeId ? repo.listActions(db, programmeId) : Promise.resolve([]),
    ]);

  const people = peopleOf(cohortId);
  const outcome = outcomeOf(cohortId);
  const act = activity.find((row) => (cohortId ? row.cohort === cohortId : row.isTotal));
  const relationships = act?.relationships ?? 0;
  const sent = act?.checkInsSent ?? 0;
  const answered = act?.checkInsAnswered ?? 0;

  const labelOf = (skill: string) => {
    const known =
      skillCatalogue.find((s) => s.id === skill) ?? customLabels.find((s) => s.id === skill);
    return known ? known[input.locale] : skill;
  };

  const growthFigures = growth
    .filter((row) => row.n > 0)
    .map((row) => {
      if (row.n < minGroup) return { skill: row.skill, ...withheld('too_few', minGroup) };
      if (cohortId) {
        const rest = (programmeGrowth.find((p) => p.skill === row.skill)?.n ?? row.n) - row.n;
        if (rest > 0 && rest < minGroup) {
          return { skill: row.skill, ...withheld('overlap', minGroup) };
        }
      }
      return {
        shown: true as const,
        skill: row.skill,
        n: row.n,
        meanStart: round(row.meanStart ?? 0, 2),
        meanEnd: round(row.meanEnd ?? 0, 2),
      };
    });

  const startOf = (on: string) => new Date(`${on}T00:00:00Z`);
  const cohortsOverTime = cohorts.map((c, i) => {
    const previous = cohorts[i - 1];
    const from = previous ? startOf(previous.startsOn) : null;
    const to = startOf(c.startsOn);
    return {
      cohort: c,
      headline: headlineOf(peopleOf(c.id), outcomeOf(c.id)),
      changesBefore: actions
        .filter((a) => (!from || a.createdAt >= from) && a.createdAt < to)
        .map((a) => ({
          id: a.id,
          did: input.locale === 'en' ? a.didEn : a.didNl,
          createdAt: a.createdAt.toISOString(),
        })),
    };
  });

  return {
    scope: {
      kind: programmeId ? 'programme' : 'organisation',
      organisationName: input.organisationName,
      programmeId,
      programmeName: input.programme?.name ?? null,
      cohort: cohort ?? null,
    },
    generatedAt: now.toISOString(),
    minGroup,
    cohorts,
    headline: headlineOf(people, outcome),
    participation: {
      invited: participation.anyInvitation
        ? (participation.rows.find((r) => (cohortId ? r.group === cohortId : r.isTotal))?.invited ??
          0)
        : null,
      enrolled: people?.enrolled ?? 0,
      matched: people?.matched ?? 0,
      medianDaysToMatch:
        people?.medianDaysToMatch === null || people?.medianDaysToMatch === undefined
          ? null
          : round(people.medianDaysToMatch, 1),
    },
    activity: {
      relationships,
      meetingsPerRelationship:
        relationships === 0 ? null : round((act?.meetingsHeld ?? 0) / relationships, 2),
      checkIns: { sent, answered, percent: percent(answered, sent) },
    },
    outcomes: {
      total: outcome,
      topSkills: outcome.shown
        ? {
            shown: true,
            items: topSkills.map((s) => ({
              skill: s.skill,
              label: labelOf(s.skill),
              count: s.count,
            })),
          }
        : outcome,
      growth: growthFigures,
    },
    retention: retentionFigures(retention, cohorts, cohortId, minGroup),
    cohortsOverTime,
  };
}

const localeOf = (actor: Actor, defaultLocale: string): 'nl' | 'en' =>
  actor.locale ?? (defaultLocale === 'en' ? 'en' : 'nl');

/** A programme's outcome report, or one cohort's (`query.cohort`). */
export async function programmeReport(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  query: ReportQuery,
): Promise<OutcomeReport> {
  const { member, programme } = await readableProgramme(deps.db, actor, programmeId);
  return buildReport(deps, {
    organisationId: member.organisationId,
    organisationName: programme.organisationName,
    locale: localeOf(actor, programme.defaultLocale),
    programme,
    cohortId: query.cohort ?? null,
  });
}

/** The organisation's outcome report over all its programmes. */
export async function organisationReport(deps: Deps, actor: Actor): Promise<OutcomeReport> {
  const member = requireRole(actor, reportReaderRoles);
  const organisation = await repo.findOrganisation(deps.db, member.organisationId);
  if (!organisation) throw notFound('organisation');
  return buildReport(deps, {
    organisationId: member.organisationId,
    organisationName: organisation.name,
    locale: localeOf(actor, organisation.defaultLocale),
    programme: null,
    cohortId: null,
  });
}

/**
 * The programmes the caller is named a sponsor of, with each one's headline figures: two
 * aggregate statements over all of them, split by programme. A programme's survey percentages
 * need at least minGroup respondents (its whole figures, as in its report).
 */
export async function sponsorHome(deps: Deps, actor: Actor): Promise<SponsorHome> {
  const member = requireMember(actor);
  const { db } = deps;
  const [programmes, thresholds] = await Promise.all([
    repo.sponsoredProgrammes(db, member.organisationId, member.personId),
    loadThresholds(db, member.organisationId),
  ]);
  if (programmes.length === 0) return { programmes: [] };
  const scope: repo.ReportScope = {
    organisationId: member.organisationId,
    programmeId: null,
    programmeIds: programmes.map((p) => p.id),
  };
  const [participation, outcomeRows] = await Promise.all([
    repo.participationFigures(db, scope, 'programme'),
    results.findOutcomeRows(
      db,
      {
        organisationId: member.organisationId,
        programmeId: '',
        range: null,
        allowSensitive: false,
        surveys: repo.surveysOf(scope, null),
      },
      null,
      careerStepKinds,
      repo.surveyRowProgramme(),
    ),
  ]);
  const { minGroup } = thresholds;
  return {
    programmes: programmes.map((p) => {
      const row = outcomeRows.find((r) => !r.isTotal && r.group === p.id);
      const respondents = row?.respondents ?? 0;
      const outcome =
        row && respondents >= minGroup
          ? outcomeBlock(row)
          : withheld('too_few', minGroup, respondents);
      return {
        programmeId: p.id,
        name: p.name,
        status: p.status,
        headline: headlineOf(
          participation.rows.find((r) => !r.isTotal && r.group === p.id),
          outcome,
        ),
      };
    }),
  };
}

export async function listCohorts(
  deps: Deps,
  actor: Actor,
  programmeId: string,
): Promise<{ items: CohortRef[] }> {
  await readableProgramme(deps.db, actor, programmeId);
  return { items: await repo.listCohorts(deps.db, programmeId) };
}

export async function createCohort(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  body: { name: string; startsOn: string },
): Promise<CohortRef> {
  const { member } = await managedProgramme(deps.db, actor, programmeId);
  if (await repo.isStartTaken(deps.db, programmeId, body.startsOn, null)) {
    throw invalidField('startsOn', message('alreadyInUse'));
  }
  return repo.insertCohort(deps.db, {
    programmeId,
    organisationId: member.organisationId,
    name: body.name,
    startsOn: body.startsOn,
  });
}

export async function updateCohort(
  deps: Deps,
  actor: Actor,
  params: { programmeId: string; cohortId: string },
  body: { name?: string | undefined; startsOn?: string | undefined },
): Promise<CohortRef> {
  await managedProgramme(deps.db, actor, params.programmeId);
  if (
    body.startsOn &&
    (await repo.isStartTaken(deps.db, params.programmeId, body.startsOn, params.cohortId))
  ) {
    throw invalidField('startsOn', message('alreadyInUse'));
  }
  const row = await repo.updateCohort(deps.db, params.programmeId, params.cohortId, body);
  if (!row) throw notFound('cohort');
  return row;
}

export async function deleteCohort(
  deps: Deps,
  actor: Actor,
  params: { programmeId: string; cohortId: string },
): Promise<void> {
  await managedProgramme(deps.db, actor, params.programmeId);
  if (!(await repo.deleteCohort(deps.db, params.programmeId, params.cohortId))) {
    throw notFound('cohort');
  }
}
