import { evaluatePair } from '@klik/match';
import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { message, terms } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locale.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { findEnrolment } from '../enrolments/repository.js';
import { scheduleJob, type JobHandler } from '../jobs/runner.js';
import { notify } from '../notifications/service.js';
import { describeProfile } from '../people/profile-view.js';
import { findProgramme, type ProgrammeRow } from '../programmes/repository.js';
import { openRelationship } from '../relationships/service.js';
import { findVisibleProgramme } from '../programmes/service.js';
import { buildProgrammePool } from '../suggestions/pool.js';
import { keptReasons } from './kept-reasons.js';
import { closeRequestsIfMentorFull, MENTOR_FULL } from './mentor-full.js';
import { loadReasonLines, reasonLines } from './mail-reasons.js';
import * as repo from './repository.js';

export interface Deps {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  /** The clock: a parameter so that tests can move time. */
  now: () => Date;
  /** The language the caller's screen shows, for what the answer says (reasons, skills). */
  locale?: Locale;
}

const DAY = 24 * 60 * 60 * 1000;

/** The language an answer is written in: the screen's, else the caller's saved one, else Dutch. */
const answerLocale = (deps: Deps, actor: Actor): Locale => deps.locale ?? actor.locale ?? 'nl';
const canMentee = (role: string) => role === 'mentee' || role === 'both';
const canMentor = (role: string) => role === 'mentor' || role === 'both';

export async function sendRequest(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  input: { toPersonId: string; message: string; hopes: string },
) {
  const { db } = deps;
  const { personId, organisationId } = requireMember(actor);
  const programme = await findVisibleProgramme(db, actor, programmeId);
  if (programme.status !== 'published')
    throw new AppError('unprocessable', message('programmeNotRunning'));
  if (programme.matchingMode === 'manager_proposes') {
    throw new AppError('unprocessable', message('managerProposes'));
  }
  const mine = await findEnrolment(db, programmeId, personId);
  if (!mine?.isActive) throw new AppError('unprocessable', message('enrolFirst'));
  const theirs = await findEnrolment(db, programmeId, input.toPersonId);
  if (!theirs?.isActive || input.toPersonId === personId) throw notFound('participant');
  const mentorsOffer = programme.matchingMode === 'mentors_offer';
  const [menteeId, mentorId] = mentorsOffer
    ? [input.toPersonId, personId]
    : [personId, input.toPersonId];
  const menteeRole = mentorsOffer ? theirs.role : mine.role;
  const mentorRole = mentorsOffer ? mine.role : theirs.role;
  if (!canMentee(menteeRole) || !canMentor(mentorRole)) {
    throw new AppError(
      'unprocessable',
      message(mentorsOffer ? 'offerToMenteesOnly' : 'askMentorsOnly'),
      { problems: [{ field: 'body.toPersonId', message: message('notAMentorYouCanAsk') }] },
    );
  }
  const { index } = await buildProgrammePool(db, programme, deps.now());
  const evaluation = evaluatePair(index, menteeId, mentorId, { checkCapacity: true });
  if (!evaluation.allowed) {
    if (evaluation.exclusion.code === 'mentor_full') {
      throw new AppError('unprocessable', message('mentorHasNoFreePlace'), {
        problems: [{ field: 'body.toPersonId', message: message('hasNoFreePlace') }],
      });
    }
    // The reason (a reporting line, a declared conflict, …) is for managers' eyes only.
    throw new AppError('unprocessable', message('rulesForbidRequest'), {
      problems: [{ field: 'body.toPersonId', message: message('cannotBeAsked') }],
    });
  }
  const now = deps.now();
  const request = await db.transaction(async (tx) => {
    // Two requests for one mentee sent at once: the second waits here, then finds the first.
    const locked = await repo.lockPairEnrolments(tx, programmeId, { mentorId, menteeId });
    // The mentor's last place may have been taken since the pool was read: an accept holds this
    // lock while it opens the relationship, so counting here sees it.
    const capacity = locked.mentor?.capacity ?? programme.defaultCapacity;
    if ((await repo.countActiveMentees(tx, programmeId, mentorId)) >= capacity) {
      throw new AppError('unprocessable', message('mentorHasNoFreePlace'), {
        problems: [{ field: 'body.toPersonId', message: message('hasNoFreePlace') }],
      });
    }
    if (await repo.findPendingAsMentee(tx, programmeId, menteeId)) {
      throw conflict(message(mentorsOffer ? 'menteeAlreadyWaiting' : 'requestAlreadyWaiting'));
    }
    if (await repo.hasActiveRelationshipAsMentee(tx, programmeId, menteeId)) {
      throw conflict(message('relationshipExists'));
    }
    const expiresAt = new Date(now.getTime() + programme.requestExpiryDays * DAY);
    const created = await repo.insertRequest(tx, {
      programmeId,
      organisationId,
      fromPersonId: personId,
      toPersonId: input.toPersonId,
      menteeId,
      mentorId,
      message: input.message,
      hopes: input.hopes,
      expiresAt,
    });
    await scheduleJob(
      tx,
      'request.remind',
      { requestId: created.id },
      new Date(now.getTime() + (programme.requestExpiryDays * DAY) / 2),
    );
    await scheduleJob(tx, 'request.expire', { requestId: created.id }, expiresAt);
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'request.sent',
      subjectType: 'request',
      subjectId: created.id,
    });
    // The notification and its mail are written with the request: both or neither.
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId: input.toPersonId,
      kind: mentorsOffer ? 'offer_received' : 'request_received',
      payload: { from: actor.name, programme: programme.name },
      link: `/requests/${created.id}`,
      mail: {
        quote: requestQuote(input),
        // Why they could click, as the person asked sees it on the request page.
        details: reasonLines(index, { menteeId, mentorId }, mentorsOffer ? 'mentee' : 'mentor'),
      },
    });
    return created;
  });
  return getRequest(deps, actor, request.id, answerLocale(deps, actor));
}

/** What the sender wrote, quoted in the mail: the personal message, then their hopes. */
function requestQuote(request: { message: string; hopes: string }): string {
  return [request.message, request.hopes]
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n');
}

export async function getRequest(deps: Deps, actor: Actor, id: string, locale: Locale) {
  const { db } = deps;
  const { personId, organisationId } = requireMember(actor);
  const row = await repo.findRequestForParty(db, organisationId, id, personId);
  if (!row) throw notFound('request');
  const programme = await findProgramme(db, organisationId, row.programmeId);
  const isRecipient = row.toPersonId === personId;
  const otherId = isRecipient ? row.fromPersonId : row.toPersonId;
  const messages = await repo.listMessages(db, id);
  let reasons: { code: string; text: string }[] = [];
  let strength: number | null = null;
  if (programme) {
    const { index } = await buildProgrammePool(db, programme, deps.now());
    const viewer = row.mentorId === personId ? 'mentor' : 'mentee';
    if (index.indexOf(row.menteeId) >= 0 && index.indexOf(row.mentorId) >= 0) {
      const evaluation = evaluatePair(index, row.menteeId, row.mentorId, {
        viewer,
        checkCapacity: false,
      });
      if (evaluation.allowed) {
        strength = evaluation.strength;
        reasons = evaluation.reasons
          .slice(0, 5)
          .map((r) => ({ code: r.code, text: r.sentence[locale] }));
      }
    }
  }
  return {
    id: row.id,
    programme: { id: row.programmeId, name: programme?.name ?? '' },
    direction: isRecipient ? ('received' as const) : ('sent' as const),
    other: { id: otherId, name: await repo.personName(db, otherId) },
    otherProfile: await describeProfile(db, organisationId, otherId, locale),
    otherAnswers:
      isRecipient && programme ? await describeAnswers(db, programme, otherId, locale) : [],
    myRole: row.mentorId === personId ? ('mentor' as const) : ('mentee' as const),
    status: row.status,
    message: row.message,
    hopes: row.hopes,
    strength,
    reasons,
    // A decline reason is private to the person who declined.
    declineReason: isRecipient ? row.declineReason : null,
    closedReason: closedReasonOf(row),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    relationshipId: row.relationshipId,
    messages: messages.map((m) => ({
      id: m.id,
      author: `${m.givenName} ${m.familyName}`,
      isMine: m.authorPersonId === personId,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

/**
 * The requester's answers to the programme's questions, in the order the programme asks them.
 * Shown to the person asked, who decides on the request; a question since removed is left out.
 */
async function describeAnswers(db: Db, programme: ProgrammeRow, personId: string, locale: Locale) {
  const enrolment = await findEnrolment(db, programme.id, personId);
  if (!enrolment?.isActive) return [];
  return programme.questions
    .filter((q) => enrolment.answers[q.id]?.trim())
    .map((q) => ({
      questionId: q.id,
      question: locale === 'en' ? q.labelEn : q.labelNl,
      answer: enrolment.answers[q.id]!,
    }));
}

/** Why Klik closed a request (status 'closed'); null for every other status. */
function closedReasonOf(row: repo.RequestRow): 'mentor_full' | null {
  return row.status === 'closed' && row.closedReason === MENTOR_FULL ? MENTOR_FULL : null;
}

export async function listRequests(
  deps: Deps,
  actor: Actor,
  box: 'inbox' | 'outbox',
  page: { limit: number; offset: number },
) {
  const { personId } = requireMember(actor);
  const { rows, total } = await repo.listRequestsOf(deps.db, personId, box, page);
  const items = rows.map((r) => ({
    id: r.request.id,
    programme: { id: r.request.programmeId, name: r.programmeName },
    other: {
      id: box === 'inbox' ? r.request.fromPersonId : r.request.toPersonId,
      name: `${r.otherGiven} ${r.otherFamily}`,
      jobTitle: r.otherJobTitle,
    },
    status: r.request.status,
    closedReason: closedReasonOf(r.request),
    message: r.request.message,
    expiresAt: r.request.expiresAt.toISOString(),
    createdAt: r.request.createdAt.toISOString(),
  }));
  return { items, total };
}

async function loadPending(
  deps: Deps,
  actor: Actor,
  id: string,
  as: 'recipient' | 'sender' | 'either',
) {
  const { personId, organisationId } = requireMember(actor);
  const row = await repo.findRequestForParty(deps.db, organisationId, id, personId);
  if (!row) throw notFound('request');
  if (as === 'recipient' && row.toPersonId !== personId)
    throw new AppError('forbidden', message('onlyRecipientAnswers'));
  if (as === 'sender' && row.fromPersonId !== personId)
    throw new AppError('forbidden', message('onlySenderWithdraws'));
  // Closed because another accept took the mentor's last place: the answer a racing accept gets.
  if (closedReasonOf(row) === MENTOR_FULL) throw conflict(message('mentorFull'));
  if (row.status !== 'pending' || row.expiresAt <= deps.now()) {
    const status = terms[row.status === 'pending' ? 'expired' : row.status];
    throw new AppError('unprocessable', message('requestIs', { status }));
  }
  return row;
}

export async function postMessage(deps: Deps, actor: Actor, id: string, body: string) {
  const row = await loadPending(deps, actor, id, 'either');
  const { personId } = requireMember(actor);
  const otherId = row.toPersonId === personId ? row.fromPersonId : row.toPersonId;
  await deps.db.transaction(async (tx) => {
    await repo.insertMessage(tx, { requestId: id, authorPersonId: personId, body });
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId: otherId,
      kind: 'request_message',
      payload: { from: actor.name },
      link: `/requests/${id}`,
      mail: { quote: body },
    });
  });
  return getRequest(deps, actor, id, answerLocale(deps, actor));
}

/**
 * Accepting opens (or joins) a relationship. The mentor's enrolment row is locked first, so two
 * accepts racing for the last place run one after the other and only one wins.
 */
export async function acceptRequest(deps: Deps, actor: Actor, id: string) {
  const { db } = deps;
  const pending = await loadPending(deps, actor, id, 'recipient');
  await db.transaction(async (tx) => {
    // The mentor's pending requests (this one among them) are locked before the enrolments:
    // a racing accept for the same mentor waits here, then finds its request closed.
    await repo.lockPendingOfMentor(tx, pending.programmeId, pending.mentorId);
    const row = await repo.lockRequest(tx, id);
    if (row?.status === 'closed' && row.closedReason === MENTOR_FULL)
      throw conflict(message('mentorFull'));
    if (!row || row.status !== 'pending')
      throw new AppError('unprocessable', message('requestAlreadyAnswered'));
    const programme = await findProgramme(tx, row.organisationId, row.programmeId);
    // Why they clicked, kept as it is at this moment (the profiles may change later).
    const kept = programme
      ? await keptReasons(tx, programme, row, deps.now())
      : { reasons: [], strength: null };
    const relationshipId = await openRelationship(tx, {
      organisationId: row.organisationId,
      programmeId: row.programmeId,
      mentorId: row.mentorId,
      menteeId: row.menteeId,
      ...kept,
    });
    await repo.updateRequest(tx, id, {
      status: 'accepted',
      respondedAt: deps.now(),
      relationshipId,
    });
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: 'request.accepted',
      subjectType: 'request',
      subjectId: id,
      details: { relationshipId },
    });
    // Notifications and their mail commit with the relationship.
    const names = {
      mentee: await repo.personName(tx, row.menteeId),
      mentor: await repo.personName(tx, row.mentorId),
    };
    const space = `/mentoring/${relationshipId}`;
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId: row.fromPersonId,
      kind: 'request_accepted',
      payload: { by: actor.name },
      link: space,
    });
    for (const [who, other] of [
      [row.menteeId, names.mentor],
      [row.mentorId, names.mentee],
    ] as const) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId: who,
        kind: 'relationship_started',
        payload: { with: other },
        link: space,
        // The mail says why they clicked, in the recipient's language, as the space will.
        mail: { details: (locale) => kept.reasons.map((r) => r[locale]) },
      });
    }
    // The mentor's last place taken: their other pending requests close, and the mentees hear.
    if (programme) {
      await closeRequestsIfMentorFull(
        tx,
        { mailer: deps.mailer, baseUrl: deps.baseUrl, now: deps.now() },
        programme,
        { id: row.mentorId, name: names.mentor },
      );
    }
  });
  return getRequest(deps, actor, id, answerLocale(deps, actor));
}

export async function declineRequest(deps: Deps, actor: Actor, id: string, reason: string | null) {
  const row = await loadPending(deps, actor, id, 'recipient');
  await deps.db.transaction(async (tx) => {
    await repo.updateRequest(tx, id, {
      status: 'declined',
      declineReason: reason,
      respondedAt: deps.now(),
    });
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId: row.fromPersonId,
      kind: 'request_declined',
      payload: { by: actor.name },
      link: `/requests/${id}`,
    });
  });
  return getRequest(deps, actor, id, answerLocale(deps, actor));
}

export async function withdrawRequest(deps: Deps, actor: Actor, id: string) {
  await loadPending(deps, actor, id, 'sender');
  await repo.updateRequest(deps.db, id, { status: 'withdrawn', respondedAt: deps.now() });
  return getRequest(deps, actor, id, answerLocale(deps, actor));
}

/** Reminder halfway and expiry at the end, run by the job runner. */
export function requestJobHandlers(mailer: Mailer, baseUrl: string): Record<string, JobHandler> {
  return {
    'request.remind': async (db, payload, now) => {
      const row = await repo.lockRequest(db, payload.requestId!);
      if (!row || row.status !== 'pending' || row.remindedAt || row.expiresAt <= now) return;
      await repo.updateRequest(db, row.id, { remindedAt: now });
      const viewer = row.toPersonId === row.mentorId ? 'mentor' : 'mentee';
      await notify(db, mailer, baseUrl, {
        personId: row.toPersonId,
        kind: 'request_reminder',
        payload: { from: await repo.personName(db, row.fromPersonId) },
        link: `/requests/${row.id}`,
        mail: {
          category: 'reminders',
          quote: requestQuote(row),
          details: await loadReasonLines(db, row, viewer, now),
        },
      });
    },
    'request.expire': async (db, payload, now) => {
      const row = await repo.lockRequest(db, payload.requestId!);
      if (!row || row.status !== 'pending' || row.expiresAt > now) return;
      await repo.updateRequest(db, row.id, { status: 'expired', respondedAt: now });
      await notify(db, mailer, baseUrl, {
        personId: row.fromPersonId,
        kind: 'request_expired',
        payload: { to: await repo.personName(db, row.toPersonId) },
        link: `/requests/${row.id}`,
        // Their own words, so they can reuse them when they ask someone else.
        mail: { quote: requestQuote(row) },
      });
    },
  };
}
