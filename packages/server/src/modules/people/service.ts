import { requireRole, type Actor, type OrgRole } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError, conflictField, fieldErrors, invalidField, notFound } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import { toLocale, type Locale } from '../../i18n/locale.js';
import type { Mailer } from '../../mail/mailer.js';
import { invitationMail } from '../../mail/templates.js';
import { recordAudit } from '../audit/repository.js';
import { findOrganisation } from '../organisations/repository.js';
import { checkNewEmail, findEmailProblems } from './email-rule.js';
import { parsePeopleCsv, planImport, type ImportPlan, type PlannedRow } from './import-plan.js';
import { displayName } from './display-name.js';
import * as repo from './repository.js';
import type {
  ApplyImportRequest,
  CreatePersonRequest,
  ImportPreview,
  ImportRequest,
  ListPeopleQuery,
  PersonDetailResponse,
  PersonResponse,
  UpdatePersonRequest,
} from './schema.js';

/** Who may see and manage the people directory. */
const directoryRoles: OrgRole[] = ['org_admin', 'programme_manager'];
const adminRoles: OrgRole[] = ['org_admin'];

export function toPerson(row: repo.PersonWithManager): PersonResponse {
  return {
    id: row.id,
    email: row.email,
    givenName: row.givenName,
    familyName: row.familyName,
    name: `${row.givenName} ${row.familyName}`,
    preferredName: row.preferredName,
    displayName: displayName(row),
    employeeId: row.employeeId,
    manager: row.managerId && row.managerName ? { id: row.managerId, name: row.managerName } : null,
    department: row.department,
    team: row.team,
    jobTitle: row.jobTitle,
    jobLevel: row.jobLevel,
    location: row.location,
    preferredLanguage: row.preferredLanguage,
    startDate: row.startDate,
    leaveDate: row.leaveDate,
    role: row.role,
    isLeadership: row.isLeadership,
    isActive: row.isActive,
  };
}

export async function listPeople(db: Db, actor: Actor, query: ListPeopleQuery) {
  const { organisationId } = requireRole(actor, directoryRoles);
  const { items, total, departments } = await repo.listPeople(db, organisationId, query);
  return { items: items.map(toPerson), total, departments };
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<PersonDetailResponse> {
  const { organisationId } = requireRole(actor, directoryRoles);
  const row = await repo.findPerson(db, organisationId, id);
  if (!row) throw notFound('person');
  const [managers, reports] = await Promise.all([
    repo.findManagers(db, id),
    repo.findDirectReports(db, organisationId, id),
  ]);
  return {
    ...toPerson(row),
    managers: managers.map((m) => ({
      id: m.id,
      name: `${m.givenName} ${m.familyName}`,
      depth: m.depth,
    })),
    directReports: reports.map((r) => ({
      id: r.id,
      name: `${r.givenName} ${r.familyName}`,
      jobTitle: r.jobTitle,
    })),
  };
}

export interface NewPersonInput {
  email: string;
  givenName: string;
  familyName: string;
  employeeId?: string | null;
  managerId?: string | null;
  department?: string | null;
  team?: string | null;
  jobTitle?: string | null;
  jobLevel?: number | null;
  location?: string | null;
  preferredLanguage?: string | null;
  startDate?: string | null;
  leaveDate?: string | null;
  role?: OrgRole;
  isLeadership?: boolean;
}

/** Adds a person and their (password-less) account. The caller owns the transaction. */
export async function createPerson(
  db: Db,
  organisationId: string,
  input: NewPersonInput,
): Promise<repo.PersonRow> {
  const email = input.email.trim().toLowerCase();
  if (await repo.isEmailInUse(db, email)) {
    throw conflictField('body.email', message('alreadyInUse'));
  }
  const userId = await repo.insertUser(db, {
    email,
    name: `${input.givenName} ${input.familyName}`,
  });
  return repo.insertPerson(db, {
    organisationId,
    userId,
    email,
    givenName: input.givenName,
    familyName: input.familyName,
    employeeId: input.employeeId ?? null,
    managerId: input.managerId ?? null,
    department: input.department ?? null,
    team: input.team ?? null,
    jobTitle: input.jobTitle ?? null,
    jobLevel: input.jobLevel ?? null,
    location: input.location ?? null,
    preferredLanguage: input.preferredLanguage ?? null,
    startDate: input.startDate ?? null,
    leaveDate: input.leaveDate ?? null,
    role: input.role ?? 'member',
    isLeadership: input.isLeadership ?? false,
  });
}

async function checkManager(
  db: Db,
  organisationId: string,
  personId: string | null,
  managerId: string,
) {
  const managerRow = await repo.findPerson(db, organisationId, managerId);
  if (!managerRow) throw invalidField('body.managerId', message('noSuchPerson'));
  if (!managerRow.isActive) throw invalidField('body.managerId', message('personDeactivated'));
  if (personId && (await repo.wouldCreateCycle(db, personId, managerId))) {
    throw fieldErrors('unprocessable', [
      { field: 'body.managerId', message: message('reportingLineCycle') },
    ]);
  }
}

function checkDates(startDate: string | null | undefined, leaveDate: string | null | undefined) {
  if (startDate && leaveDate && leaveDate < startDate) {
    throw invalidField('body.leaveDate', message('beforeStartDate'));
  }
}

export async function invitePerson(
  db: Db,
  mailer: Mailer,
  baseUrl: string,
  actor: Actor,
  input: CreatePersonRequest,
): Promise<PersonResponse> {
  const { organisationId } = requireRole(actor, adminRoles);
  checkDates(input.startDate, input.leaveDate);
  const created = await db.transaction(async (tx) => {
    if (input.managerId) await checkManager(tx, organisationId, null, input.managerId);
    await checkNewEmail(tx, actor, organisationId, input.email, 'body.email');
    if (input.employeeId && (await repo.isEmployeeIdInUse(tx, organisationId, input.employeeId))) {
      throw conflictField('body.employeeId', message('alreadyInUse'));
    }
    const row = await createPerson(tx, organisationId, input);
    if (input.managerId) {
      await repo.moveInReportingLines(tx, organisationId, row.id, input.managerId);
    }
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'person.invited',
      subjectType: 'person',
      subjectId: row.id,
    });
    // The invitation is written to the outbox with the person: both or neither. Delivery is a
    // job's, so a refusing mail server never turns the saved invitation into an error.
    if (input.sendInvitation) {
      const org = await findOrganisation(tx, organisationId);
      const locale = toLocale(row.preferredLanguage ?? org?.defaultLocale);
      const url = `${baseUrl}/sign-in?email=${encodeURIComponent(row.email)}`;
      await mailer.send(
        invitationMail(row.email, row.givenName, org?.name ?? 'Klik', url, locale),
        tx,
      );
    }
    return row;
  });
  const row = await repo.findPerson(db, organisationId, created.id);
  return toPerson(row!);
}

export async function updatePerson(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdatePersonRequest,
): Promise<PersonResponse> {
  const { organisationId, personId } = requireRole(actor, adminRoles);
  await db.transaction(async (tx) => {
    // The cycle check and the move run under the organisation's reporting-line lock, so two
    // admins moving people at once cannot build a cycle between them.
    if (input.managerId !== undefined) await repo.lockReportingLines(tx, organisationId);
    const current = await repo.findPerson(tx, organisationId, id);
    if (!current) throw notFound('person');
    if (id === personId && input.role && input.role !== 'org_admin') {
      throw invalidField('body.role', message('ownAdminRole'));
    }
    checkDates(
      input.startDate === undefined ? current.startDate : input.startDate,
      input.leaveDate === undefined ? current.leaveDate : input.leaveDate,
    );
    if (input.managerId) await checkManager(tx, organisationId, id, input.managerId);
    if (input.email && input.email.toLowerCase() !== current.email) {
      await checkNewEmail(tx, actor, organisationId, input.email, 'body.email');
    }
    if (
      input.employeeId &&
      (await repo.isEmployeeIdInUse(tx, organisationId, input.employeeId, id))
    ) {
      throw conflictField('body.employeeId', message('alreadyInUse'));
    }
    await repo.updatePerson(tx, organisationId, id, {
      ...input,
      email: input.email?.toLowerCase(),
    });
    if (input.managerId !== undefined && input.managerId !== current.managerId) {
      await repo.moveInReportingLines(tx, organisationId, id, input.managerId);
    }
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'person.updated',
      subjectType: 'person',
      subjectId: id,
      details: { fields: Object.keys(input) },
    });
  });
  const row = await repo.findPerson(db, organisationId, id);
  return toPerson(row!);
}

export async function setPersonActive(
  db: Db,
  actor: Actor,
  id: string,
  isActive: boolean,
): Promise<PersonResponse> {
  const { organisationId, personId } = requireRole(actor, adminRoles);
  if (id === personId && !isActive) {
    throw new AppError('unprocessable', message('cannotDeactivateSelf'));
  }
  await db.transaction(async (tx) => {
    const current = await repo.findPerson(tx, organisationId, id);
    if (!current) throw notFound('person');
    await repo.updatePerson(tx, organisationId, id, { isActive });
    if (!isActive) await repo.revokeSessions(tx, [id]);
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: isActive ? 'person.reactivated' : 'person.deactivated',
      subjectType: 'person',
      subjectId: id,
    });
  });
  const row = await repo.findPerson(db, organisationId, id);
  return toPerson(row!);
}

const today = () => new Date().toISOString().slice(0, 10);

async function buildPlan(
  db: Db,
  organisationId: string,
  actor: Actor,
  request: ImportRequest,
  locale: Locale,
): Promise<ImportPlan> {
  const file = parsePeopleCsv(request.csv, locale);
  const existing = await repo.listAllInOrganisation(db, organisationId);
  // Only addresses new to the organisation are checked against its verified domains.
  const known = new Set(existing.map((p) => p.email.toLowerCase()));
  const emails = [
    ...new Set(file.rows.map((r) => (r.values.email ?? '').trim().toLowerCase()).filter(Boolean)),
  ].filter((email) => !known.has(email));
  const emailProblems = await findEmailProblems(db, organisationId, emails, actor.isPlatformAdmin);
  return planImport(file, existing, {
    deactivateMissing: request.deactivateMissing,
    today: today(),
    emailProblems,
    protectedPersonIds: new Set(actor.member ? [actor.member.personId] : []),
    locale,
  });
}

function toPreview(plan: ImportPlan): ImportPreview {
  return {
    canApply: plan.errors.length === 0,
    rows: plan.rows.map((r) => ({
      line: r.line,
      action: r.action,
      email: r.email,
      name: r.name,
      changes: r.changes,
    })),
    missingDeactivated: plan.missingDeactivated.map((m) => ({ email: m.email, name: m.name })),
    errors: plan.errors,
    warnings: plan.warnings,
    summary: plan.summary,
  };
}

/** The dry run: nothing is written. */
export async function previewImport(
  db: Db,
  actor: Actor,
  request: ImportRequest,
  locale: Locale,
): Promise<ImportPreview> {
  const { organisationId } = requireRole(actor, adminRoles);
  return toPreview(await buildPlan(db, organisationId, actor, request, locale));
}

/**
 * Validates the file again and applies it whole, in one transaction, or not at all. A plan that
 * deactivates people is applied only when the caller confirmed exactly that number: the count
 * is taken from the plan made here, so a preview gone stale cannot deactivate more than was seen.
 */
export async function applyImport(
  db: Db,
  actor: Actor,
  request: ApplyImportRequest,
  locale: Locale,
) {
  const { organisationId } = requireRole(actor, adminRoles);
  return db.transaction(async (tx) => {
    const plan = await buildPlan(tx, organisationId, actor, request, locale);
    if (plan.errors.length > 0) {
      throw new AppError(
        'unprocessable',
        message('importHasErrors', { count: plan.errors.length }),
        { data: toPreview(plan) },
      );
    }
    const deactivations = plan.summary.deactivate;
    if (
      (deactivations > 0 || request.confirmDeactivations !== undefined) &&
      request.confirmDeactivations !== deactivations
    ) {
      throw fieldErrors('unprocessable', [
        {
          field: 'body.confirmDeactivations',
          message: message('confirmDeactivations', { count: deactivations }),
        },
      ]);
    }
    const idOfLine = new Map<number, string>();
    const personValues = (row: PlannedRow) => {
      const { email: _email, givenName, familyName, ...rest } = row.values;
      return {
        ...rest,
        email: row.email,
        givenName: givenName!,
        familyName: familyName!,
        isActive: row.isActive,
      };
    };
    for (const row of plan.rows) {
      if (row.action === 'add') {
        const created = await createPerson(tx, organisationId, personValues(row));
        if (!row.isActive)
          await repo.updatePerson(tx, organisationId, created.id, { isActive: false });
        idOfLine.set(row.line, created.id);
      } else {
        idOfLine.set(row.line, row.personId!);
        if (row.action === 'update' || row.action === 'deactivate') {
          await repo.updatePerson(tx, organisationId, row.personId!, personValues(row));
        }
      }
    }
    for (const row of plan.rows) {
      if (row.manager === undefined || (!row.changes.includes('manager') && row.action !== 'add'))
        continue;
      const managerId =
        row.manager === null
          ? null
          : 'personId' in row.manager
            ? row.manager.personId
            : idOfLine.get(row.manager.line)!;
      await repo.updatePerson(tx, organisationId, idOfLine.get(row.line)!, { managerId });
    }
    const deactivated = [
      ...plan.rows.filter((r) => r.action === 'deactivate').map((r) => r.personId!),
      ...plan.missingDeactivated.map((m) => m.personId),
    ];
    for (const id of plan.missingDeactivated.map((m) => m.personId)) {
      await repo.updatePerson(tx, organisationId, id, { isActive: false });
    }
    await repo.revokeSessions(tx, deactivated);
    await repo.rebuildReportingLines(tx, organisationId);
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'people.imported',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { summary: plan.summary, deactivateMissing: request.deactivateMissing },
    });
    return { applied: true as const, summary: plan.summary };
  });
}
