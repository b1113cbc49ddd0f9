import { requirePlatformAdmin, requireMember, requireRole, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, conflictField, invalidField, notFound } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import { toLocale } from '../../i18n/locale.js';
import {
  MAX_THRESHOLD,
  MIN_GROUP_FLOOR,
  thresholdProblem,
  type Thresholds,
} from '../../privacy/anonymity.js';
import { recordAudit } from '../audit/repository.js';
import { createPerson } from '../people/service.js';
import {
  hasVerificationRecord,
  newVerificationToken,
  normaliseDomain,
  verificationRecord,
  type TxtResolver,
} from './domains.js';
import * as repo from './repository.js';
import type {
  CreateOrganisationRequest,
  DomainResponse,
  OrganisationResponse,
  UpdateOrganisationRequest,
} from './schema.js';

async function toOrganisation(db: Db, row: repo.OrganisationRow): Promise<OrganisationResponse> {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    defaultLocale: toLocale(row.defaultLocale),
    allowSensitiveAttributes: row.allowSensitiveAttributes,
    retentionMonths: row.retentionMonths,
    feedbackMinGroup: row.feedbackMinGroup,
    feedbackMinComments: row.feedbackMinComments,
    activePeople: await repo.countActivePeople(db, row.id),
  };
}

export async function getOwnOrganisation(db: Db, actor: Actor): Promise<OrganisationResponse> {
  const { organisationId } = requireMember(actor);
  const row = await repo.findOrganisation(db, organisationId);
  if (!row) throw notFound('organisation');
  return toOrganisation(db, row);
}

export async function updateOwnOrganisation(
  db: Db,
  actor: Actor,
  changes: UpdateOrganisationRequest,
): Promise<OrganisationResponse> {
  const { organisationId } = requireRole(actor, ['org_admin']);
  await db.transaction(async (tx) => {
    if (changes.feedbackMinGroup !== undefined || changes.feedbackMinComments !== undefined) {
      const current = await repo.findOrganisation(tx, organisationId);
      if (!current) throw notFound('organisation');
      checkThresholds({
        minGroup: changes.feedbackMinGroup ?? current.feedbackMinGroup,
        minComments: changes.feedbackMinComments ?? current.feedbackMinComments,
      });
    }
    await repo.updateOrganisation(tx, organisationId, changes);
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'organisation.updated',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { changes },
    });
  });
  return getOwnOrganisation(db, actor);
}

const thresholdFields = {
  minGroup: 'body.feedbackMinGroup',
  minComments: 'body.feedbackMinComments',
} as const;

/** The feedback thresholds an org admin may set: 400 naming the field that breaks the rule. */
function checkThresholds(thresholds: Thresholds): void {
  const problem = thresholdProblem(thresholds);
  if (!problem) return;
  const field = thresholdFields[problem.field];
  switch (problem.reason) {
    case 'below_floor':
      throw invalidField(field, message('atLeast', { minimum: MIN_GROUP_FLOOR }));
    case 'above_max':
      throw invalidField(field, message('atMost', { maximum: MAX_THRESHOLD }));
    case 'below_group':
      throw invalidField(
        field,
        message('feedbackMinCommentsBelowGroup', { minimum: thresholds.minGroup }),
      );
  }
}

export async function listAllOrganisations(db: Db, actor: Actor): Promise<OrganisationResponse[]> {
  requirePlatformAdmin(actor);
  const rows = await repo.listOrganisations(db);
  return Promise.all(rows.map((row) => toOrganisation(db, row)));
}

/** A new tenant with its first org admin, in one transaction. */
export async function createOrganisation(
  db: Db,
  actor: Actor,
  input: CreateOrganisationRequest,
): Promise<OrganisationResponse> {
  requirePlatformAdmin(actor);
  if (await repo.findOrganisationBySlug(db, input.slug)) {
    throw conflictField('body.slug', message('alreadyInUse'));
  }
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertOrganisation(tx, {
      name: input.name,
      slug: input.slug,
      defaultLocale: input.defaultLocale,
    });
    await createPerson(tx, created.id, { ...input.admin, role: 'org_admin' });
    await recordAudit(tx, {
      organisationId: created.id,
      actorUserId: actor.userId,
      action: 'organisation.created',
      subjectType: 'organisation',
      subjectId: created.id,
      details: { name: input.name },
    });
    return created;
  });
  return toOrganisation(db, row);
}

// Email domains. An organisation adds people only under domains it verified (a DNS TXT record,
// or a platform admin's approval). Nothing here tells one organisation about another: a domain
// another organisation verified can still be claimed, and its verification fails with the same
// message as a missing record.

function toDomain(row: repo.DomainRow): DomainResponse {
  return {
    id: row.id,
    domain: row.domain,
    status: row.verifiedAt ? 'verified' : 'pending',
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    verifiedBy: !row.verifiedAt ? null : row.verifiedBy === 'dns' ? 'dns' : 'platform_admin',
    record: verificationRecord(row.domain, row.verificationToken),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listOwnDomains(db: Db, actor: Actor): Promise<DomainResponse[]> {
  const { organisationId } = requireRole(actor, ['org_admin']);
  return (await repo.listDomains(db, organisationId)).map(toDomain);
}

export async function addOwnDomain(db: Db, actor: Actor, input: string): Promise<DomainResponse> {
  const { organisationId } = requireRole(actor, ['org_admin']);
  const domain = normaliseDomain(input);
  if (!domain) throw invalidField('body.domain', message('invalidDomain'));
  return db.transaction(async (tx) => {
    const row = await repo.insertDomain(tx, {
      organisationId,
      domain,
      verificationToken: newVerificationToken(),
      createdBy: actor.userId,
    });
    if (!row) throw conflictField('body.domain', message('alreadyAdded'));
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'organisation_domain.added',
      subjectType: 'organisation_domain',
      subjectId: row.id,
      details: { domain },
    });
    return toDomain(row);
  });
}

export async function removeOwnDomain(db: Db, actor: Actor, id: string): Promise<void> {
  const { organisationId } = requireRole(actor, ['org_admin']);
  await db.transaction(async (tx) => {
    const row = await repo.findDomain(tx, organisationId, id);
    if (!row || !(await repo.deleteDomain(tx, organisationId, id))) throw notFound('domain');
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'organisation_domain.removed',
      subjectType: 'organisation_domain',
      subjectId: id,
      details: { domain: row.domain, wasVerified: row.verifiedAt !== null },
    });
  });
}

/** Marks the claim verified in its own savepoint: false when another organisation holds it. */
async function tryMarkVerified(
  db: Db,
  row: repo.DomainRow,
  verifiedBy: string,
  actorUserId: string,
  at: Date,
): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await repo.markDomainVerified(tx, row.id, verifiedBy, at))) return false;
      await recordAudit(tx, {
        organisationId: row.organisationId,
        actorUserId,
        action: 'organisation_domain.verified',
        subjectType: 'organisation_domain',
        subjectId: row.id,
        details: { domain: row.domain, by: verifiedBy === 'dns' ? 'dns' : 'platform_admin' },
      });
      return true;
    });
  } catch (error) {
    // Two organisations verifying one domain at once: the partial unique index lets one win.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Looks up the domain's TXT record. Whether the record is missing or another organisation
 * already verified the domain, the answer is the same 422, so the answer says nothing about
 * other organisations.
 */
export async function verifyOwnDomain(
  db: Db,
  resolveTxt: TxtResolver,
  actor: Actor,
  id: string,
  now: Date,
): Promise<DomainResponse> {
  const { organisationId } = requireRole(actor, ['org_admin']);
  const row = await repo.findDomain(db, organisationId, id);
  if (!row) throw notFound('domain');
  if (row.verifiedAt) return toDomain(row);
  const found = await hasVerificationRecord(resolveTxt, row.domain, row.verificationToken);
  if (!found || !(await tryMarkVerified(db, row, 'dns', actor.userId, now))) {
    const record = verificationRecord(row.domain, row.verificationToken);
    throw new AppError(
      'unprocessable',
      message('domainVerificationFailed', {
        domain: row.domain,
        name: record.name,
        value: record.value,
      }),
    );
  }
  return toDomain((await repo.findDomain(db, organisationId, id))!);
}

export async function listPendingDomains(db: Db, actor: Actor) {
  requirePlatformAdmin(actor);
  const rows = await repo.listPendingDomains(db);
  return rows.map((r) => ({
    id: r.domain.id,
    domain: r.domain.domain,
    organisation: { id: r.domain.organisationId, name: r.organisationName },
    createdAt: r.domain.createdAt.toISOString(),
    verifiedElsewhereBy: r.verifiedElsewhereBy,
  }));
}

/** A platform admin vouches for the claim (after checking with the organisation). */
export async function approveDomain(
  db: Db,
  actor: Actor,
  id: string,
  now: Date,
): Promise<DomainResponse> {
  requirePlatformAdmin(actor);
  const row = await repo.findDomainAnywhere(db, id);
  if (!row) throw notFound('domain');
  if (row.verifiedAt) return toDomain(row);
  if (!(await tryMarkVerified(db, row, actor.userId, actor.userId, now))) {
    const holder = await repo.findVerifiedHolder(db, row.domain, row.organisationId);
    throw conflict(message('domainVerifiedElsewhere', { organisation: holder?.name ?? '?' }));
  }
  return toDomain((await repo.findDomainAnywhere(db, id))!);
}

/** A platform admin turns a claim down: it is removed, and the organisation may claim again. */
export async function rejectDomain(db: Db, actor: Actor, id: string): Promise<void> {
  requirePlatformAdmin(actor);
  await db.transaction(async (tx) => {
    const row = await repo.findDomainAnywhere(tx, id);
    if (!row || row.verifiedAt) throw notFound('domain');
    await repo.deleteDomain(tx, row.organisationId, id);
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: 'organisation_domain.rejected',
      subjectType: 'organisation_domain',
      subjectId: id,
      details: { domain: row.domain },
    });
  });
}
