import { DEFAULT_WEIGHTS } from '@klik/match';
import { requireMember, requireRole, type Actor, type OrgRole } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import type { ConflictRules, ProgrammeQuestion } from '../../db/schema.js';
import { AppError, fieldErrors, notFound, type FieldProblem } from '../../errors.js';
import { message, terms, type Message } from '../../i18n/messages.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { actionsByChange } from '../feedback-actions/repository.js';
import { notify } from '../notifications/service.js';
import { findOrganisation } from '../organisations/repository.js';
import { eligibilityOf, type Eligibility } from './eligibility.js';
import * as repo from './repository.js';
import type {
  CreateProgrammeRequest,
  ProgrammeClosePreview,
  ProgrammeResponse,
  UpdateProgrammeRequest,
} from './schema.js';

export const managerRoles: OrgRole[] = ['org_admin', 'programme_manager'];

export const defaultConflictRules: ConflictRules = {
  reportingLineLevels: 2,
  excludeSameTeam: false,
  excludeSameDepartment: false,
  excludeEarlierPairs: true,
};

const today = () => new Date().toISOString().slice(0, 10);

export function isManager(actor: Actor): boolean {
  return actor.member !== null && managerRoles.includes(actor.member.role);
}

/** Whether enrolment is open today: published, inside the enrolment window. */
export function isEnrolmentOpen(row: repo.ProgrammeRow, on = today()): boolean {
  if (row.status !== 'published') return false;
  if (row.enrolmentOpensOn && on < row.enrolmentOpensOn) return false;
  if (row.enrolmentClosesOn && on > row.enrolmentClosesOn) return false;
  return true;
}

/**
 * Whether a person may see a programme: eligible, or meeting every rule but the target group's
 * sensitive ones, which they have not shared (yet) and may choose to share when enrolling.
 */
async function mayDiscover(db: Db, row: repo.ProgrammeRow, personId: string): Promise<boolean> {
  return (await personEligibility(db, row, personId)) !== 'not_eligible';
}

/** Whether a person may enrol: every audience rule met, sensitive ones with their consent. */
export async function personEligibility(
  db: Db,
  row: repo.ProgrammeRow,
  personId: string,
): Promise<Eligibility> {
  return eligibilityOfSubject(await repo.findEligibilitySubject(db, personId), row);
}

/** `personEligibility` for a subject already loaded (a list checks every row against one). */
function eligibilityOfSubject(
  subject: repo.EligibilitySubject | null,
  row: repo.ProgrammeRow,
): Eligibility {
  if (!subject) return 'not_eligible';
  const sensitive = subject.consentedAt
    ? { gender: subject.gender, ageBand: subject.ageBand, background: subject.background }
    : null;
  const eligibility = eligibilityOf(subject, row.audience, {
    isTargetGroup: row.isTargetGroup,
    sensitive,
  });
  // Nobody can be asked to share what the organisation no longer collects.
  return eligibility === 'needs_sensitive' && !subject.collectsSensitive
    ? 'not_eligible'
    : eligibility;
}

function withQuestionIds(questions: CreateProgrammeRequest['questions']): ProgrammeQuestion[] {
  const used = new Set<string>();
  return (questions ?? []).map((q, i) => {
    let id = q.id ?? `q${i + 1}`;
    while (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    return { id, labelNl: q.labelNl, labelEn: q.labelEn, required: q.required };
  });
}

/** Rules that span fields; each problem names its field. */
function checkConsistency(values: repo.NewProgramme, allowSensitive: boolean): void {
  const problems: FieldProblem[] = [];
  const order = (
    a: string | null | undefined,
    b: string | null | undefined,
    field: string,
    text: Message,
  ) => {
    if (a && b && b < a) problems.push({ field, message: text });
  };
  order(
    values.enrolmentOpensOn,
    values.enrolmentClosesOn,
    'body.enrolmentClosesOn',
    message('beforeEnrolmentOpens'),
  );
  order(values.startsOn, values.endsOn, 'body.endsOn', message('beforeProgrammeStarts'));
  if ((values.groupMin ?? 3) > (values.groupMax ?? 8)) {
    problems.push({ field: 'body.groupMax', message: message('belowMinimumGroupSize') });
  }
  if (values.audience?.sensitive) {
    if (!values.isTargetGroup) {
      problems.push({
        field: 'body.audience.sensitive',
        message: message('sensitiveTargetGroupOnly'),
      });
    } else if (!allowSensitive) {
      problems.push({
        field: 'body.audience.sensitive',
        message: message('sensitiveNotAllowed'),
      });
    }
  }
  if (problems.length > 0) throw fieldErrors('unprocessable', problems);
}

export async function toProgramme(
  db: Db,
  actor: Actor,
  row: repo.ProgrammeRow,
): Promise<ProgrammeResponse> {
  const [counts, mine] = await Promise.all([
    repo.countEnrolments(db, [row.id]),
    actor.member ? repo.findEnrolmentsOfPerson(db, actor.member.personId) : Promise.resolve([]),
  ]);
  const myEnrolment = mine.find((e) => e.programmeId === row.id) ?? null;
  const canEnrol =
    !myEnrolment &&
    actor.member !== null &&
    isEnrolmentOpen(row) &&
    // A target group's consent step is part of the enrolment wizard.
    (await mayDiscover(db, row, actor.member.personId));
  return programmeResponse(actor, row, counts.get(row.id) ?? 0, myEnrolment, canEnrol);
}

/** The answer for one programme, from what was loaded for it (no database). */
function programmeResponse(
  actor: Actor,
  row: repo.ProgrammeRow,
  enrolledCount: number,
  myEnrolment: repo.PersonEnrolment | null,
  canEnrol: boolean,
): ProgrammeResponse {
  return {
    id: row.id,
    name: row.name,
    goal: row.goal,
    descriptionNl: row.descriptionNl,
    descriptionEn: row.descriptionEn,
    type: row.type,
    status: row.status,
    isTargetGroup: row.isTargetGroup,
    // Participants never see which sensitive attributes define a target group's audience.
    audience: isManager(actor) ? row.audience : { ...row.audience, sensitive: null },
    enrolmentOpensOn: row.enrolmentOpensOn,
    enrolmentClosesOn: row.enrolmentClosesOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    matchingMode: row.matchingMode,
    defaultCapacity: row.defaultCapacity,
    groupMin: row.groupMin,
    groupMax: row.groupMax,
    conflictRules: row.conflictRules,
    checkInCadenceDays: row.checkInCadenceDays,
    requestExpiryDays: row.requestExpiryDays,
    questions: row.questions,
    weights: { ...DEFAULT_WEIGHTS, ...row.weights },
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    enrolledCount,
    myEnrolment: myEnrolment
      ? {
          role: myEnrolment.role,
          capacity: myEnrolment.capacity,
          offersGroup: myEnrolment.offersGroup,
          answers: myEnrolment.answers,
        }
      : null,
    canEnrol,
  };
}

/**
 * A programme the caller may see: managers see every programme of their organisation; other
 * people see published or closed ones they are enrolled in or may discover (eligible, or asked
 * for their consented attributes by a target group). Anything else is 404.
 */
export async function findVisibleProgramme(
  db: Db,
  actor: Actor,
  id: string,
): Promise<repo.ProgrammeRow> {
  const { organisationId, personId } = requireMember(actor);
  const row = await repo.findProgramme(db, organisationId, id);
  if (!row) throw notFound('programme');
  if (isManager(actor)) return row;
  if (row.status === 'draft') throw notFound('programme');
  const enrolled = (await repo.findEnrolmentsOfPerson(db, personId)).some(
    (e) => e.programmeId === id,
  );
  if (!enrolled && !(await mayDiscover(db, row, personId))) throw notFound('programme');
  return row;
}

/**
 * One page of the programmes the caller can see, in a fixed number of queries however many
 * there are: the rows, the caller's enrolments and eligibility facts once, and the enrolment
 * counts of the page's programmes in one grouped query. Managers' pages come from the database;
 * other people's visibility depends on their eligibility, so their rows are filtered here.
 */
export async function listProgrammes(
  db: Db,
  actor: Actor,
  page: { limit: number; offset: number },
): Promise<{ items: ProgrammeResponse[]; total: number }> {
  const { organisationId, personId } = requireMember(actor);
  const manager = isManager(actor);
  const [listed, subject] = await Promise.all([
    repo.listProgrammes(db, organisationId, personId, manager ? page : { withoutDrafts: true }),
    repo.findEligibilitySubject(db, personId),
  ]);
  const discoverable = (row: repo.ProgrammeRow) =>
    eligibilityOfSubject(subject, row) !== 'not_eligible';
  let items = listed.items;
  let total = listed.total;
  if (!manager) {
    const visible = items.filter((item) => item.mine || discoverable(item.row));
    total = visible.length;
    items = visible.slice(page.offset, page.offset + page.limit);
  }
  return {
    items: items.map(({ row, enrolled, mine }) => {
      const canEnrol = !mine && isEnrolmentOpen(row) && discoverable(row);
      return programmeResponse(actor, row, enrolled, mine, canEnrol);
    }),
    total,
  };
}

export async function getProgramme(db: Db, actor: Actor, id: string): Promise<ProgrammeResponse> {
  return toProgramme(db, actor, await findVisibleProgramme(db, actor, id));
}

export async function createProgramme(
  db: Db,
  actor: Actor,
  input: CreateProgrammeRequest,
): Promise<ProgrammeResponse> {
  const { organisationId } = requireRole(actor, managerRoles);
  const org = await findOrganisation(db, organisationId);
  const values: repo.NewProgramme = {
    organisationId,
    name: input.name,
    goal: input.goal ?? '',
    descriptionNl: input.descriptionNl ?? '',
    descriptionEn: input.descriptionEn ?? '',
    type: input.type,
    isTargetGroup: input.isTargetGroup ?? false,
    audience: input.audience ?? {},
    enrolmentOpensOn: input.enrolmentOpensOn ?? null,
    enrolmentClosesOn: input.enrolmentClosesOn ?? null,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    matchingMode: input.matchingMode ?? 'participants_choose',
    defaultCapacity: input.defaultCapacity ?? (input.type === 'group' ? 6 : 2),
    groupMin: input.groupMin ?? 3,
    groupMax: input.groupMax ?? 8,
    conflictRules: input.conflictRules ?? defaultConflictRules,
    checkInCadenceDays: input.checkInCadenceDays ?? 30,
    requestExpiryDays: input.requestExpiryDays ?? 10,
    questions: withQuestionIds(input.questions),
    weights: input.weights ?? {},
    createdBy: actor.userId,
  };
  checkConsistency(values, org?.allowSensitiveAttributes ?? false);
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertProgramme(tx, values);
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'programme.created',
      subjectType: 'programme',
      subjectId: created.id,
    });
    return created;
  });
  return toProgramme(db, actor, row);
}

const ruleFields = [
  'name',
  'goal',
  'descriptionNl',
  'descriptionEn',
  'type',
  'isTargetGroup',
  'audience',
  'enrolmentOpensOn',
  'enrolmentClosesOn',
  'startsOn',
  'endsOn',
  'matchingMode',
  'defaultCapacity',
  'groupMin',
  'groupMax',
  'conflictRules',
  'checkInCadenceDays',
  'requestExpiryDays',
  'questions',
  'weights',
] as const;

/** Changes a programme; once published, every change is recorded (before → after). */
export async function updateProgramme(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateProgrammeRequest,
): Promise<ProgrammeResponse> {
  const { organisationId } = requireRole(actor, managerRoles);
  const org = await findOrganisation(db, organisationId);
  const row = await db.transaction(async (tx) => {
    const current = await repo.findProgrammeForUpdate(tx, organisationId, id);
    if (!current) throw notFound('programme');
    if (current.status === 'closed') {
      throw new AppError('unprocessable', message('closedProgramme'));
    }
    const { questions, ...rest } = input;
    const next: Partial<repo.NewProgramme> = { ...rest };
    if (questions) next.questions = withQuestionIds(questions);
    if (current.status === 'published' && input.type && input.type !== current.type) {
      throw fieldErrors('unprocessable', [
        { field: 'body.type', message: message('publishedKeepsType') },
      ]);
    }
    checkConsistency({ ...current, ...next }, org?.allowSensitiveAttributes ?? false);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const field of ruleFields) {
      if (!(field in next)) continue;
      const before = current[field];
      const after = next[field];
      if (JSON.stringify(before) !== JSON.stringify(after)) changes[field] = { before, after };
    }
    if (Object.keys(changes).length === 0) return current;
    await repo.updateProgramme(tx, organisationId, id, next);
    if (current.status === 'published') {
      await repo.insertChange(tx, { programmeId: id, actorUserId: actor.userId, changes });
    }
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'programme.updated',
      subjectType: 'programme',
      subjectId: id,
      details: { fields: Object.keys(changes) },
    });
    return (await repo.findProgramme(tx, organisationId, id))!;
  });
  return toProgramme(db, actor, row);
}

export async function publishProgramme(
  db: Db,
  actor: Actor,
  id: string,
): Promise<ProgrammeResponse> {
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await db.transaction(async (tx) => {
    const current = await repo.findProgrammeForUpdate(tx, organisationId, id);
    if (!current) throw notFound('programme');
    if (current.status !== 'draft') {
      throw new AppError(
        'unprocessable',
        message('programmeTransition', {
          status: terms[current.status],
          target: terms.published,
        }),
      );
    }
    await repo.updateProgramme(tx, organisationId, id, {
      status: 'published',
      publishedAt: new Date(),
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'programme.published',
      subjectType: 'programme',
      subjectId: id,
    });
    return (await repo.findProgramme(tx, organisationId, id))!;
  });
  return toProgramme(db, actor, row);
}

/** What closing would do, counted now, so the manager confirms knowing the numbers. */
export async function previewCloseProgramme(
  db: Db,
  actor: Actor,
  id: string,
): Promise<ProgrammeClosePreview> {
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await repo.findProgramme(db, organisationId, id);
  if (!row) throw notFound('programme');
  const [enrolled, consequences] = await Promise.all([
    repo.countEnrolments(db, [id]),
    repo.countCloseConsequences(db, id),
  ]);
  return { enrolled: enrolled.get(id) ?? 0, ...consequences };
}

type NotifyDeps = { db: Db; mailer: Mailer; baseUrl: string; now: Date };

/**
 * Closing ends enrolment, requests and introductions: what was still open is closed in the same
 * transaction, so nobody waits on a programme that has ended, and those people are told once
 * each. Running relationships continue. Recorded in the change history and the audit log.
 */
export async function closeProgramme(
  deps: NotifyDeps,
  actor: Actor,
  id: string,
): Promise<ProgrammeResponse> {
  const { db, now } = deps;
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await db.transaction(async (tx) => {
    const current = await repo.findProgrammeForUpdate(tx, organisationId, id);
    if (!current) throw notFound('programme');
    if (current.status !== 'published') {
      throw new AppError(
        'unprocessable',
        message('programmeTransition', { status: terms[current.status], target: terms.closed }),
      );
    }
    const closed = await repo.closeOpenCommitmentsOfProgramme(tx, id, now);
    await repo.updateProgramme(tx, organisationId, id, { status: 'closed', closedAt: now });
    await repo.insertChange(tx, {
      programmeId: id,
      actorUserId: actor.userId,
      changes: { status: { before: 'published', after: 'closed' } },
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'programme.closed',
      subjectType: 'programme',
      subjectId: id,
      details: {
        requestsClosed: closed.requestCount,
        introductionsClosed: closed.introductionCount,
      },
    });
    const row = (await repo.findProgramme(tx, organisationId, id))!;
    // Told in the same transaction, like every other notification: the change and its message
    // (and the mail in the outbox) are written together or not at all.
    for (const personId of closed.people) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId,
        kind: 'programme_closed',
        payload: { programme: row.name },
        link: `/programmes/${id}`,
      });
    }
    return row;
  });
  return toProgramme(db, actor, row);
}

/**
 * A closed programme opens again while its end date has not passed. What closing closed stays
 * closed: people ask or are introduced again.
 */
export async function reopenProgramme(
  deps: { db: Db; now: Date },
  actor: Actor,
  id: string,
): Promise<ProgrammeResponse> {
  const { db, now } = deps;
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await db.transaction(async (tx) => {
    const current = await repo.findProgrammeForUpdate(tx, organisationId, id);
    if (!current) throw notFound('programme');
    if (current.status !== 'closed') {
      throw new AppError(
        'unprocessable',
        message('programmeTransition', {
          status: terms[current.status],
          target: terms.reopened,
        }),
      );
    }
    if (current.endsOn && current.endsOn < now.toISOString().slice(0, 10)) {
      throw fieldErrors('unprocessable', [
        { field: 'endsOn', message: message('endDatePassed', { date: current.endsOn }) },
      ]);
    }
    await repo.updateProgramme(tx, organisationId, id, { status: 'published', closedAt: null });
    await repo.insertChange(tx, {
      programmeId: id,
      actorUserId: actor.userId,
      changes: { status: { before: 'closed', after: 'published' } },
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'programme.reopened',
      subjectType: 'programme',
      subjectId: id,
    });
    return (await repo.findProgramme(tx, organisationId, id))!;
  });
  return toProgramme(db, actor, row);
}

export async function listProgrammeChanges(db: Db, actor: Actor, id: string) {
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await repo.findProgramme(db, organisationId, id);
  if (!row) throw notFound('programme');
  const [changes, becauseOfFeedback] = await Promise.all([
    repo.listChanges(db, id),
    actionsByChange(db, id),
  ]);
  return changes.map((c) => ({
    id: c.id,
    actorName: c.actorName,
    createdAt: c.createdAt.toISOString(),
    changes: c.changes,
    feedbackActionId: becauseOfFeedback.get(c.id) ?? null,
  }));
}
