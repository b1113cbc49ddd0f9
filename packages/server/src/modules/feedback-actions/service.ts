import { requireRole, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { fieldErrors, notFound, type FieldProblem } from '../../errors.js';
import type { Locale } from '../../i18n/locale.js';
import { message } from '../../i18n/messages.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { effectiveQuestions, STANDARD_QUESTIONS } from '../checkins/questions.js';
import { isResultKey } from '../feedback-results/keys.js';
import { notify } from '../notifications/service.js';
import { findProgramme, type ProgrammeRow } from '../programmes/repository.js';
import { findVisibleProgramme, isManager, managerRoles } from '../programmes/service.js';
import * as repo from './repository.js';
import type { FeedbackAction, FeedbackActionFields, FeedbackActionPatch } from './schema.js';

export interface Deps {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  /** The clock: a parameter so that tests can move time. */
  now: () => Date;
}

/** Where a participant reads the programme's "you said, we did". */
export const youSaidWeDidLink = (programmeId: string) =>
  `/programmes/${programmeId}#you-said-we-did`;

/**
 * The check-in question ids a result key of this programme may name: what its check-ins ask now,
 * and the standard four, which earlier check-ins may have asked before the set was changed.
 */
function checkInQuestionIds(row: ProgrammeRow): Set<string> {
  return new Set(
    [...STANDARD_QUESTIONS, ...effectiveQuestions(row.checkInQuestions)].map((q) => q.id),
  );
}

function toAction(row: repo.ListedAction): FeedbackAction {
  return {
    id: row.id,
    programmeId: row.programmeId,
    saidNl: row.saidNl,
    saidEn: row.saidEn,
    didNl: row.didNl,
    didEn: row.didEn,
    resultKeys: row.resultKeys,
    change:
      row.programmeChangeId && row.changeCreatedAt
        ? {
            id: row.programmeChangeId,
            createdAt: row.changeCreatedAt.toISOString(),
            fields: row.changeFields ?? [],
          }
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A programme of the caller's organisation that they manage (403 for others, 404 if not theirs). */
async function findManagedProgramme(db: Db, actor: Actor, id: string): Promise<ProgrammeRow> {
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await findProgramme(db, organisationId, id);
  if (!row) throw notFound('programme');
  return row;
}

/** Checks the links of an action; each problem names its field. Returns the keys, deduplicated. */
async function checkLinks(
  db: Db,
  row: ProgrammeRow,
  input: { resultKeys?: string[]; programmeChangeId?: string | null },
): Promise<string[] | undefined> {
  const problems: FieldProblem[] = [];
  let keys: string[] | undefined;
  if (input.resultKeys) {
    const questions = checkInQuestionIds(row);
    input.resultKeys.forEach((key, i) => {
      const known =
        isResultKey(key) &&
        (!key.startsWith('checkin:') || questions.has(key.slice('checkin:'.length)));
      if (!known)
        problems.push({ field: `body.resultKeys.${i}`, message: message('notAResultOfProgramme') });
    });
    keys = [...new Set(input.resultKeys)];
  }
  if (
    input.programmeChangeId &&
    !(await repo.isChangeOfProgramme(db, row.id, input.programmeChangeId))
  ) {
    problems.push({ field: 'body.programmeChangeId', message: message('notAChangeOfProgramme') });
  }
  if (problems.length > 0) throw fieldErrors('unprocessable', problems);
  return keys;
}

/**
 * Records what the programme changed because of feedback and tells every current participant
 * once, in their language (in the app, and by mail unless they unsubscribed from reminders): the
 * action, its audit event and the notifications are written together or not at all.
 */
export async function createAction(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  input: FeedbackActionFields,
): Promise<FeedbackAction & { notified: number }> {
  const { db } = deps;
  const row = await findManagedProgramme(db, actor, programmeId);
  const resultKeys = (await checkLinks(db, row, input)) ?? [];
  const { action, notified } = await db.transaction(async (tx) => {
    const action = await repo.insertAction(tx, {
      organisationId: row.organisationId,
      programmeId: row.id,
      saidNl: input.saidNl,
      saidEn: input.saidEn,
      didNl: input.didNl,
      didEn: input.didEn,
      resultKeys,
      programmeChangeId: input.programmeChangeId ?? null,
      createdByUserId: actor.userId,
      createdAt: deps.now(),
    });
    const participants = await repo.listActiveParticipants(tx, row.id);
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: 'feedback_action.created',
      subjectType: 'feedback_action',
      subjectId: action.id,
      details: {
        programmeId: row.id,
        resultKeys,
        programmeChangeId: action.programmeChangeId,
        notified: participants.length,
      },
    });
    const texts: Record<Locale, { said: string; did: string }> = {
      nl: { said: input.saidNl, did: input.didNl },
      en: { said: input.saidEn, did: input.didEn },
    };
    const labels: Record<Locale, { said: string; did: string }> = {
      nl: { said: 'Jullie zeiden', did: 'Wij deden' },
      en: { said: 'You said', did: 'We did' },
    };
    for (const personId of participants) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId,
        kind: 'feedback_action',
        payload: { programme: row.name },
        link: youSaidWeDidLink(row.id),
        mail: {
          // Unsubscribable like reminders, with its own reason in the footer.
          category: 'reminders',
          footer: {
            nl: `Je krijgt deze e-mail omdat je meedoet aan ${row.name}: het programma laat je weten wat het met de feedback van deelnemers deed.`,
            en: `You get this email because you take part in ${row.name}: the programme tells you what it did with its participants' feedback.`,
          },
          details: (locale) => [
            `${labels[locale].said}: ${texts[locale].said}`,
            `${labels[locale].did}: ${texts[locale].did}`,
          ],
        },
      });
    }
    return { action, notified: participants.length };
  });
  const listed = await repo.findAction(db, row.id, action.id);
  return { ...toAction(listed!), notified };
}

/** Corrects the wording or the links; nobody is notified again. */
export async function updateAction(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  actionId: string,
  input: FeedbackActionPatch,
): Promise<FeedbackAction> {
  const { db } = deps;
  const row = await findManagedProgramme(db, actor, programmeId);
  const current = await repo.findAction(db, row.id, actionId);
  if (!current) throw notFound('feedbackAction');
  const resultKeys = await checkLinks(db, row, input);
  const next = {
    ...(input.saidNl !== undefined && { saidNl: input.saidNl }),
    ...(input.saidEn !== undefined && { saidEn: input.saidEn }),
    ...(input.didNl !== undefined && { didNl: input.didNl }),
    ...(input.didEn !== undefined && { didEn: input.didEn }),
    ...(resultKeys !== undefined && { resultKeys }),
    ...(input.programmeChangeId !== undefined && { programmeChangeId: input.programmeChangeId }),
  };
  await db.transaction(async (tx) => {
    await repo.updateAction(tx, row.id, actionId, next);
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: 'feedback_action.updated',
      subjectType: 'feedback_action',
      subjectId: actionId,
      details: { programmeId: row.id, fields: Object.keys(next) },
    });
  });
  return toAction((await repo.findAction(db, row.id, actionId))!);
}

export async function deleteAction(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  actionId: string,
): Promise<void> {
  const { db } = deps;
  const row = await findManagedProgramme(db, actor, programmeId);
  await db.transaction(async (tx) => {
    if (!(await repo.deleteAction(tx, row.id, actionId))) throw notFound('feedbackAction');
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: 'feedback_action.deleted',
      subjectType: 'feedback_action',
      subjectId: actionId,
      details: { programmeId: row.id },
    });
  });
}

/**
 * A programme's "you said, we did", newest first: for everyone who may see the programme
 * (managers, its participants, people who may discover it); anyone else gets 404.
 */
export async function listActions(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  page: { limit: number; offset: number },
) {
  const { db } = deps;
  const row = await findVisibleProgramme(db, actor, programmeId);
  const [{ rows, total }, participants] = await Promise.all([
    repo.listActions(db, row.id, page),
    isManager(actor) ? repo.countActiveParticipants(db, row.id) : Promise.resolve(0),
  ]);
  return { items: rows.map(toAction), total, participants };
}
