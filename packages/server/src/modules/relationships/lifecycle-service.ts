import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError, invalidField } from '../../errors.js';
import type { Locale } from '../../i18n/locale.js';
import { message } from '../../i18n/messages.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { scheduleJobOnce, type JobHandlers } from '../jobs/runner.js';
import { cancelUpcomingMeetings, withdrawFromUpcomingMeetings } from '../meetings/service.js';
import { notify } from '../notifications/service.js';
import { openOutcomeSurveys } from '../outcome-surveys/service.js';
import { isOpen, listParticipants, requireParticipant, type RelationshipAccess } from './access.js';
import * as repo from './repository.js';
import { describeSpace, spaceLink, type Deps } from './space-service.js';

/** "Back on 20 December 2026" / "Terug op 20 december 2026", for the pause mail. */
function backOn(day: string, locale: Locale): string {
  const date = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
  return locale === 'nl' ? `Terug op ${date}` : `Back on ${date}`;
}

/** The calendar day (UTC) of a moment, as `YYYY-MM-DD`. */
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

async function requireOpen(tx: Db, actor: Actor, relationshipId: string) {
  const access = await requireParticipant(tx, actor, relationshipId, { lock: true });
  if (!isOpen(access)) throw new AppError('unprocessable', message('relationshipReadOnly'));
  return access;
}

function audit(tx: Db, actor: Actor, access: RelationshipAccess, action: string, details = {}) {
  // Never the reason: it is for the programme's aggregate figures only.
  return recordAudit(tx, {
    organisationId: access.relationship.organisationId,
    actorUserId: actor.userId,
    action,
    subjectType: 'relationship',
    subjectId: access.relationship.id,
    details,
  });
}

/** Either side pauses, with an optional return date; the reason stays with the programme. */
export async function pauseRelationship(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  input: { until: string | null; reason: string | null },
) {
  const now = deps.now();
  const access = await deps.db.transaction(async (tx) => {
    const access = await requireOpen(tx, actor, relationshipId);
    const r = access.relationship;
    if (r.pausedAt) throw new AppError('unprocessable', message('relationshipAlreadyPaused'));
    if (input.until && input.until <= dayOf(now)) {
      throw invalidField('body.until', message('afterToday'));
    }
    await repo.updateRelationship(tx, r.id, {
      pausedAt: now,
      pausedBy: access.me.personId,
      pauseUntil: input.until,
    });
    await repo.insertEnding(tx, {
      relationshipId: r.id,
      organisationId: r.organisationId,
      programmeId: r.programmeId,
      personId: access.me.personId,
      kind: 'paused',
      reason: input.reason,
      createdAt: now,
    });
    await audit(tx, actor, access, 'relationship.paused', { until: input.until });
    for (const other of access.others) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId: other.personId,
        kind: 'relationship_paused',
        payload: { with: access.me.name },
        link: spaceLink(r.id),
        ...(input.until ? { mail: { details: (locale) => [backOn(input.until!, locale)] } } : {}),
      });
    }
    return access;
  });
  return reread(deps, actor, access.relationship.id);
}

export async function resumeRelationship(deps: Deps, actor: Actor, relationshipId: string) {
  await deps.db.transaction(async (tx) => {
    const access = await requireOpen(tx, actor, relationshipId);
    if (!access.relationship.pausedAt) {
      throw new AppError('unprocessable', message('relationshipNotPaused'));
    }
    await repo.updateRelationship(tx, relationshipId, {
      pausedAt: null,
      pausedBy: null,
      pauseUntil: null,
    });
    await audit(tx, actor, access, 'relationship.resumed');
    for (const other of access.others) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId: other.personId,
        kind: 'relationship_resumed',
        payload: { with: access.me.name },
        link: spaceLink(relationshipId),
      });
    }
  });
  return reread(deps, actor, relationshipId);
}

/**
 * Either side ends, without giving the other a reason. A group's mentee ending leaves the group
 * (it goes on); the mentor ending ends it for all. Ending frees the mentor's place and closes
 * nothing else: other requests, enrolments and relationships stay as they are.
 */
export async function endRelationship(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  input: { reason: string | null },
) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const access = await requireOpen(tx, actor, relationshipId);
    const { relationship: r, me, others } = access;
    const leaves = r.isGroup && me.role === 'mentee';
    await repo.insertEnding(tx, {
      relationshipId: r.id,
      organisationId: r.organisationId,
      programmeId: r.programmeId,
      personId: me.personId,
      kind: leaves ? 'left' : 'ended',
      reason: input.reason,
      createdAt: now,
    });
    if (leaves) {
      await repo.markMenteeLeft(tx, r.id, me.personId, now);
      // The group's planned meetings go on without the leaver: a cancellation in their calendar.
      await withdrawFromUpcomingMeetings(tx, deps, r.id, me.personId);
      // Only the leaver is asked now; the others when the group ends or completes.
      await openOutcomeSurveys(tx, deps, r, { closing: 'left', personId: me.personId });
      await audit(tx, actor, access, 'relationship.left');
      for (const other of others) {
        await notify(tx, deps.mailer, deps.baseUrl, {
          personId: other.personId,
          kind: 'relationship_member_left',
          payload: { who: me.name },
          link: spaceLink(r.id),
        });
      }
      return;
    }
    await repo.updateRelationship(tx, r.id, {
      status: 'ended_early',
      endedAt: now,
      endedBy: me.personId,
      pausedAt: null,
      pausedBy: null,
      pauseUntil: null,
    });
    await audit(tx, actor, access, 'relationship.ended');
    await openOutcomeSurveys(tx, deps, r, { closing: 'ended' });
    for (const other of others) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId: other.personId,
        kind: 'relationship_ended',
        payload: { with: me.name },
        link: spaceLink(r.id),
      });
    }
    // Planned meetings are called off (a cancellation in everyone's calendar).
    await cancelUpcomingMeetings(tx, deps, r.id, me.personId);
  });
  return reread(deps, actor, relationshipId);
}

/** The space after a change, read by the same door (a member who left still reads it). */
async function reread(deps: Deps, actor: Actor, relationshipId: string) {
  return describeSpace(deps, await requireParticipant(deps.db, actor, relationshipId));
}

// ---------------------------------------------------------------------------------------------
// The daily sweep: completion at the programme's end date, and pauses whose return date came.

export const RELATIONSHIP_SWEEP_JOB = 'relationships.sweep';
const BATCH = 200;

/**
 * One sweep job per calendar day, keyed by the day: scheduling it again (another process
 * starting, the sweep rescheduling itself) inserts nothing new.
 */
async function scheduleSweep(db: Db, runAt: Date) {
  await scheduleJobOnce(
    db,
    `${RELATIONSHIP_SWEEP_JOB}:${dayOf(runAt)}`,
    RELATIONSHIP_SWEEP_JOB,
    {},
    runAt,
  );
}

/** At start-up: today's sweep exists (once, however many processes start). */
export async function ensureRelationshipSweep(db: Db, now: Date): Promise<void> {
  await scheduleSweep(db, now);
}

/** Just after midnight (UTC) of the day after `now`. */
function nextSweepAt(now: Date): Date {
  const next = new Date(now);
  next.setUTCHours(0, 5, 0, 0);
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Completes the relationships whose programme ended before `now`'s day; both sides are told. */
export async function completeDueRelationships(
  db: Db,
  mailer: Mailer,
  baseUrl: string,
  now: Date,
): Promise<number> {
  let completed = 0;
  for (;;) {
    const due = await repo.lockDueForCompletion(db, dayOf(now), BATCH);
    for (const { relationship: r, programmeName } of due) {
      await repo.updateRelationship(db, r.id, {
        status: 'completed',
        endedAt: now,
        pausedAt: null,
        pausedBy: null,
        pauseUntil: null,
      });
      await repo.insertEnding(db, {
        relationshipId: r.id,
        organisationId: r.organisationId,
        programmeId: r.programmeId,
        personId: null,
        kind: 'completed',
        createdAt: now,
      });
      await recordAudit(db, {
        organisationId: r.organisationId,
        actorUserId: null,
        action: 'relationship.completed',
        subjectType: 'relationship',
        subjectId: r.id,
      });
      await cancelUpcomingMeetings(db, { mailer, baseUrl, now: () => now }, r.id, null);
      await openOutcomeSurveys(db, { mailer, baseUrl, now: () => now }, r, {
        closing: 'completed',
      });
      const participants = (await listParticipants(db, r)).filter((p) => !p.hasLeft);
      for (const p of participants) {
        const others = participants.filter((o) => o.personId !== p.personId);
        await notify(db, mailer, baseUrl, {
          personId: p.personId,
          kind: 'relationship_completed',
          payload: { programme: programmeName, with: others.map((o) => o.name).join(', ') },
          link: spaceLink(r.id),
        });
      }
      completed++;
    }
    if (due.length < BATCH) return completed;
  }
}

/** Pauses whose return date has come end by themselves; the others are told it runs again. */
export async function resumeDuePauses(db: Db, mailer: Mailer, baseUrl: string, now: Date) {
  const due = await repo.lockDueForResume(db, dayOf(now), BATCH);
  for (const r of due) {
    await repo.updateRelationship(db, r.id, { pausedAt: null, pausedBy: null, pauseUntil: null });
    const participants = (await listParticipants(db, r)).filter((p) => !p.hasLeft);
    for (const p of participants) {
      const others = participants.filter((o) => o.personId !== p.personId);
      await notify(db, mailer, baseUrl, {
        personId: p.personId,
        kind: 'relationship_resumed',
        payload: { with: others.map((o) => o.name).join(', ') },
        link: spaceLink(r.id),
      });
    }
  }
  return due.length;
}

export function relationshipJobHandlers(mailer: Mailer, baseUrl: string): JobHandlers {
  return {
    [RELATIONSHIP_SWEEP_JOB]: async (db, _payload, now) => {
      await completeDueRelationships(db, mailer, baseUrl, now);
      await resumeDuePauses(db, mailer, baseUrl, now);
      await scheduleSweep(db, nextSweepAt(now));
    },
  };
}
