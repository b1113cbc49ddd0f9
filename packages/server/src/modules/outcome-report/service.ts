import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import type { OutcomeReport, ReportQuery, SponsorHome } from './schema.js';

// Issue 11: the outcome report. This file is being written (the signatures are the contract).

export interface Deps {
  db: Db;
  now: () => Date;
}

type CohortRef = OutcomeReport['cohorts'][number];

const pending = (): never => {
  throw new Error('The outcome report is not built yet');
};

export async function programmeReport(
  _deps: Deps,
  _actor: Actor,
  _programmeId: string,
  _query: ReportQuery,
): Promise<OutcomeReport> {
  return pending();
}

export async function organisationReport(_deps: Deps, _actor: Actor): Promise<OutcomeReport> {
  return pending();
}

export async function sponsorHome(_deps: Deps, _actor: Actor): Promise<SponsorHome> {
  return pending();
}

export async function listCohorts(
  _deps: Deps,
  _actor: Actor,
  _programmeId: string,
): Promise<{ items: CohortRef[] }> {
  return pending();
}

export async function createCohort(
  _deps: Deps,
  _actor: Actor,
  _programmeId: string,
  _body: { name: string; startsOn: string },
): Promise<CohortRef> {
  return pending();
}

export async function updateCohort(
  _deps: Deps,
  _actor: Actor,
  _params: { programmeId: string; cohortId: string },
  _body: { name?: string | undefined; startsOn?: string | undefined },
): Promise<CohortRef> {
  return pending();
}

export async function deleteCohort(
  _deps: Deps,
  _actor: Actor,
  _params: { programmeId: string; cohortId: string },
): Promise<void> {
  return pending();
}
