import { requireMember, requireRole, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import type { CheckInAnswer, CheckInQuestion } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { Locale } from '../../i18n/locale.js';
import { message } from '../../i18n/messages.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { scheduleJobOnce, type JobHandlers } from '../jobs/runner.js';
import { notify, type NotificationKind } from '../notifications/service.js';
import { displayName } from '../people/display-name.js';
import * as programmes from '../programmes/repository.js';
import { managerRoles } from '../programmes/service.js';
import {
  effectiveQuestions,
  GAIN_LABELS,
  GAIN_OPTIONS,
  isStandardSet,
  STANDARD_QUESTIONS,
  validateAnswers,
  validateQuestionSet,
  type QuestionInput,
} from './questions.js';
import * as repo from './repository.js';

export const CHECKIN_SWEEP_JOB = 'checkins.sweep';
/** Relationships per statement of the sweep. */
const BATCH = 500;
/** An open check-in is reminded (once) this long after it was sent. */
export const REMINDER_AFTER_MS = 3 * 24 * 60 * 60_000;

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const hourOf = (at: Date) => at.toISOString().slice(0, 13);

export const checkInLink = (id: string) => `/feedback/check-ins/${id}`;

// ---------------------------------------------------------------------------------------------
// The hourly sweep: send what is due, remind once.

/** One sweep per hour, keyed by the hour: another process scheduling it inserts nothing. */
async function scheduleSweep(db: Db, runAt: Date) {
  await scheduleJobOnce(db, `${CHECKIN_SWEEP_JOB}:${hourOf(runAt)}`, CHECKIN_SWEEP_JOB, {}, runAt);
}

/** At start-up: this hour's sweep exists (once, however many processes start). */
export async function ensureCheckInSweep(db: Db, now: Date): Promise<void> {
  await scheduleSweep(db, now);
}

/** A few minutes into the next hour. */
function nextSweepAt(now: Date): Date {
  const next = new Date(now);
  next.setUTCMinutes(2, 0, 0);
  next.setUTCHours(next.getUTCHours() + 1);
  return next;
}

/** Tells each person of the rows (a check-in sent or reminded), in the app and by mail. */
async function tell(
  db: Db,
  mailer: Mailer,
  baseUrl: string,
  rows: repo.InsertedCheckIn[],
  kind: NotificationKind,
) {
  if (rows.length === 0) return;
  const relationshipIds = [...new Set(rows.map((r) => r.relationship_id))];
  const participants = await repo.findParticipantNames(db, relationshipIds);
  const programmeNames = await repo.findProgrammeNames(db, [
    ...new Set(rows.map((r) => r.programme_id)),
  ]);
  for (const row of rows) {
    const others = participants
      .filter((p) => p.relationshipId === row.relationship_id && p.personId !== row.person_id)
      .map((p) => displayName(p));
    const programme = programmeNames.get(row.programme_id) ?? '';
    await notify(db, mailer, baseUrl, {
      personId: row.person_id,
      kind,
      payload: { programme, with: others.join(', ') },
      link: checkInLink(row.id),
      mail: {
        category: 'reminders',
        details: (locale) => mailLines(kind, locale, programme),
      },
    });
  }
}

function mailLines(kind: NotificationKind, locale: Locale, programme: string): string[] {
  const nl = [
    `Een paar korte vragen over je mentoring in ${programme}: hebben jullie elkaar gesproken, hoe nuttig was het en wat levert het je op. Het kost een minuut.`,
    'Je antwoorden zijn van jou: de ander ziet ze nooit, en het programma ziet alleen totalen van minstens 5 mensen.',
  ];
  const en = [
    `A few short questions about your mentoring in ${programme}: have you met, how useful was it and what do you get out of it. It takes a minute.`,
    'Your answers are yours: the other side never sees them, and the programme sees only totals of 5 or more people.',
  ];
  const lines = locale === 'nl' ? nl : en;
  if (kind === 'check_in_reminder') {
    lines.push(
      locale === 'nl'
        ? 'Je kunt hem beantwoorden tot de volgende check-in komt.'
        : 'You can answer it until the next check-in arrives.',
    );
  }
  return lines;
}

/**
 * Sends every check-in due by `now` — set-based, a batch of relationships per statement — and
 * tells only the people whose check-in this call inserted. Returns how many were sent.
 */
export async function sendDueCheckIns(
  db: Db,
  mailer: Mailer,
  baseUrl: string,
  now: Date,
): Promise<number> {
  const today = dayOf(now);
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    const until = await repo.nextBatchEnd(db, after, BATCH);
    if (until === null) return sent;
    const rows = await repo.insertDueCheckIns(db, { after, until }, today, now, STANDARD_QUESTIONS);
    await tell(db, mailer, baseUrl, rows, 'check_in_due');
    sent += rows.length;
    after = until;
  }
}

/** One reminder per open check-in, three days after it was sent. Returns how many. */
export async function remindOpenCheckIns(
  db: Db,
  mailer: Mailer,
  baseUrl: string,
  now: Date,
): Promise<number> {
  const sentBefore = new Date(now.getTime() - REMINDER_AFTER_MS);
  let reminded = 0;
  for (;;) {
    const rows = await repo.markDueReminders(db, now, sentBefore, BATCH);
    await tell(db, mailer, baseUrl, rows, 'check_in_reminder');
    reminded += rows.length;
    if (rows.length < BATCH) return reminded;
  }
}

export function checkInJobHandlers(mailer: Mailer, baseUrl: string): JobHandlers {
  return {
    [CHECKIN_SWEEP_JOB]: async (db, _payload, now) => {
      await sendDueCheckIns(db, mailer, baseUrl, now);
      await remindOpenCheckIns(db, mailer, baseUrl, now);
      await scheduleSweep(db, nextSweepAt(now));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A person's own check-ins: only they read them, answers included.

type Status = 'open' | 'answered' | 'missed';

function statusOf(row: { answeredAt: Date | null; isSuperseded: boolean }): Status {
  if (row.answeredAt) return 'answered';
  return row.isSuperseded ? 'missed' : 'open';
}

async function withNames(db: Db, personId: string, relationshipIds: string[]) {
  const participants = await repo.findParticipantNames(db, [...new Set(relationshipIds)]);
  return (relationshipId: string) =>
    participants
      .filter((p) => p.relationshipId === relationshipId && p.personId !== personId)
      .map((p) => ({ id: p.personId, name: displayName(p) }));
}

type ListRow = Awaited<ReturnType<typeof repo.listForPerson>>['rows'][number];

function toSummary(row: ListRow, others: (id: string) => { id: string; name: string }[]) {
  return {
    id: row.id,
    relationshipId: row.relationshipId,
    programme: { id: row.programmeId, name: row.programmeName },
    side: row.side,
    with: others(row.relationshipId),
    dueOn: row.dueOn,
    sentAt: row.sentAt.toISOString(),
    remindedAt: row.remindedAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    status: statusOf(row),
  };
}

export async function listMyCheckIns(
  db: Db,
  actor: Actor,
  page: { limit: number; offset: number },
) {
  const { organisationId, personId } = requireMember(actor);
  const { rows, total } = await repo.listForPerson(db, organisationId, personId, page);
  const others = await withNames(
    db,
    personId,
    rows.map((r) => r.relationshipId),
  );
  return { items: rows.map((r) => toSummary(r, others)), total };
}

/** The caller's open check-ins for the home page (at most 10) and how many there are. */
export async function openCheckInsOf(db: Db, organisationId: string, personId: string) {
  const { rows, total } = await repo.listOpenForPerson(db, organisationId, personId, 10);
  const others = await withNames(
    db,
    personId,
    rows.map((r) => r.relationshipId),
  );
  return { items: rows.map((r) => toSummary(r, others)), total };
}

const gainOptions = () =>
  GAIN_OPTIONS.map((id) => ({ id, nl: GAIN_LABELS[id].nl, en: GAIN_LABELS[id].en }));

type OwnRow = NonNullable<Awaited<ReturnType<typeof repo.findOwn>>>;

async function toDetail(db: Db, personId: string, row: OwnRow) {
  const others = await withNames(db, personId, [row.relationshipId]);
  return {
    ...toSummary(row, others),
    questions: row.questions,
    gainOptions: gainOptions(),
    answers: (row.answers ?? null) as Record<string, CheckInAnswer> | null,
  };
}

/** One of the caller's own check-ins; anyone else's — the other side's too — is 404. */
export async function getMyCheckIn(db: Db, actor: Actor, id: string) {
  const { organisationId, personId } = requireMember(actor);
  const row = await repo.findOwn(db, organisationId, personId, id);
  if (!row) throw notFound('checkIn');
  return toDetail(db, personId, row);
}

/** Answers an open check-in of the caller's, once; a missed or answered one is 422. */
export async function answerCheckIn(
  db: Db,
  actor: Actor,
  id: string,
  answers: Record<string, unknown>,
  now: Date,
) {
  const { organisationId, personId } = requireMember(actor);
  const row = await db.transaction(async (tx) => {
    const current = await repo.findOwn(tx, organisationId, personId, id, { lock: true });
    if (!current) throw notFound('checkIn');
    if (current.answeredAt) throw new AppError('unprocessable', message('checkInAnswered'));
    if (current.isSuperseded) throw new AppError('unprocessable', message('checkInMissed'));
    const valid = validateAnswers(current.questions, answers);
    if (!(await repo.saveAnswers(tx, id, valid, now))) {
      throw new AppError('unprocessable', message('checkInAnswered'));
    }
    return (await repo.findOwn(tx, organisationId, personId, id))!;
  });
  return toDetail(db, personId, row);
}

// ---------------------------------------------------------------------------------------------
// A programme's questions: its managers (and org admins) change them; the change log shows it.

function questionsResponse(stored: CheckInQuestion[]) {
  return {
    questions: effectiveQuestions(stored),
    isStandard: stored.length === 0,
    standard: STANDARD_QUESTIONS.map((q) => ({ ...q })),
    gainOptions: gainOptions(),
  };
}

export async function getProgrammeQuestions(db: Db, actor: Actor, programmeId: string) {
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await programmes.findProgramme(db, organisationId, programmeId);
  if (!row) throw notFound('programme');
  return questionsResponse(row.checkInQuestions);
}

/**
 * Replaces a programme's questions (an empty list, or the standard four unchanged, goes back to
 * the standard set). Check-ins already sent keep the questions they were sent with. The change is
 * recorded in the programme's change log (before → after, as the questions read).
 */
export async function setProgrammeQuestions(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: QuestionInput[],
) {
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await db.transaction(async (tx) => {
    const current = await programmes.findProgrammeForUpdate(tx, organisationId, programmeId);
    if (!current) throw notFound('programme');
    const validated = input.length === 0 ? [] : validateQuestionSet(input);
    const next = isStandardSet(validated) ? [] : validated;
    const before = effectiveQuestions(current.checkInQuestions);
    const after = effectiveQuestions(next);
    if (JSON.stringify(before) === JSON.stringify(after)) return current;
    await programmes.updateProgramme(tx, organisationId, programmeId, { checkInQuestions: next });
    await programmes.insertChange(tx, {
      programmeId,
      actorUserId: actor.userId,
      changes: { checkInQuestions: { before, after } },
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'programme.check_in_questions_changed',
      subjectType: 'programme',
      subjectId: programmeId,
      details: { count: after.length },
    });
    return { ...current, checkInQuestions: next };
  });
  return questionsResponse(row.checkInQuestions);
}
