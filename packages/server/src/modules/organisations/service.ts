import { requirePlatformAdmin, requireMember, requireRole, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { conflictField, notFound } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import { toLocale } from '../../i18n/locale.js';
import { recordAudit } from '../audit/repository.js';
import { createPerson } from '../people/service.js';
import * as repo from './repository.js';
import type {
  CreateOrganisationRequest,
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
