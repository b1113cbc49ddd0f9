import { requireRole, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { invalidField, notFound } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { notify } from '../notifications/service.js';
import { displayName, type NameParts } from '../people/display-name.js';
import { findProgramme } from '../programmes/repository.js';
import { managerRoles } from '../programmes/service.js';
import * as repo from './repository.js';
import type { HealthItem, HealthSignal, LastNudge, NudgeBody } from './schema.js';
import { healthList, relationshipHealth, type HealthRow, type Signal } from './signals.js';
import { nudgeTemplate } from './templates.js';

/**
 * The programme's relationship health for its managers: which relationships may need help and
 * why, and a nudge to their participants. A manager sees signals, facts and nudges; the
 * relationship's space (messages, notes, meetings, answers) stays closed to them (404).
 */

interface Deps {
  db: Db;
  now: Date;
}

interface NudgeDeps extends Deps {
  mailer: Mailer;
  baseUrl: string;
}

/** An org admin or programme manager of the programme's organisation (another's: 404). */
async function requireProgrammeManager(db: Db, actor: Actor, programmeId: string) {
  const { organisationId, personId } = requireRole(actor, managerRoles);
  const programme = await findProgramme(db, organisationId, programmeId);
  if (!programme) throw notFound('programme');
  return { organisationId, personId, programme };
}

function toSignals(row: HealthRow): HealthSignal[] {
  return row.signals.map((kind): HealthSignal => {
    switch (kind) {
      case 'no_meeting':
        return {
          kind,
          daysSinceLastMeeting: row.daysSinceLastMeeting,
          lastMeetingAt: row.lastMeetingAt,
          cadenceDays: row.cadenceDays,
          cadenceSource: row.cadenceSource,
        };
      case 'check_ins_unanswered':
        return { kind, unansweredInARow: 2 };
      case 'usefulness_falling':
        return { kind };
      case 'one_side_silent':
        return { kind, windowDays: row.windowDays };
      case 'agreement_unconfirmed':
        return { kind, daysSinceStart: row.daysSinceStart };
      case 'paused_overdue':
        return { kind, pauseUntil: row.pauseUntil ?? '', daysOverdue: row.daysOverdue ?? 0 };
    }
  });
}

/** Participants and last nudges of a page of relationships: a fixed number of statements. */
async function describe(db: Db, organisationId: string, relationshipIds: string[]) {
  const [participants, nudges] = await Promise.all([
    repo.listParticipants(db, organisationId, relationshipIds),
    repo.listLastNudges(db, organisationId, relationshipIds),
  ]);
  const names = await repo.findNames(db, organisationId, {
    personIds: nudges.flatMap((n) => n.recipientIds),
    userIds: nudges.flatMap((n) => (n.sentByUserId ? [n.sentByUserId] : [])),
  });
  const byPerson = new Map<string, NameParts>(names.map((n) => [n.id, n]));
  const byUser = new Map<string, NameParts>(names.map((n) => [n.userId, n]));
  const lastNudge = new Map<string, LastNudge>(
    nudges.map((n) => {
      const sender = n.sentByUserId ? byUser.get(n.sentByUserId) : undefined;
      return [
        n.relationshipId,
        {
          sentAt: n.createdAt.toISOString(),
          sentBy: sender ? displayName(sender) : null,
          recipients: n.recipientIds.map((id) => {
            const parts = byPerson.get(id);
            return { id, name: parts ? displayName(parts) : '' };
          }),
        },
      ];
    }),
  );
  return {
    participantsOf: (relationshipId: string) =>
      participants
        .filter((p) => p.relationshipId === relationshipId)
        .map((p) => ({ id: p.personId, name: displayName(p), side: p.side })),
    lastNudgeOf: (relationshipId: string) => lastNudge.get(relationshipId) ?? null,
  };
}

/** GET …/health: the relationships that may need help, the most signals first. */
export async function listHealth(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  page: { limit: number; offset: number },
): Promise<{ items: HealthItem[]; total: number }> {
  const { db, now } = deps;
  const { organisationId } = await requireProgrammeManager(db, actor, programmeId);
  const { rows, total } = await healthList(db, { organisationId, programmeId, now, ...page });
  const described = await describe(
    db,
    organisationId,
    rows.map((r) => r.relationshipId),
  );
  const items = rows.map((row) => ({
    relationshipId: row.relationshipId,
    startedAt: row.startedAt,
    participants: described.participantsOf(row.relationshipId),
    signals: toSignals(row),
    lastNudge: described.lastNudgeOf(row.relationshipId),
  }));
  return { items, total };
}

/** A running relationship of the programme and its health now (404 for anything else). */
async function requireHealth(
  db: Db,
  organisationId: string,
  programmeId: string,
  relationshipId: string,
  now: Date,
): Promise<HealthRow> {
  const health = await relationshipHealth(db, { organisationId, programmeId, relationshipId, now });
  if (!health) throw notFound('relationship');
  return health;
}

async function managerName(db: Db, organisationId: string, personId: string): Promise<string> {
  const [row] = await repo.findNames(db, organisationId, { personIds: [personId], userIds: [] });
  return row ? displayName(row) : '';
}

/** GET …/nudge-template: the prewritten nudge, in both languages. */
export async function getNudgeTemplate(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  relationshipId: string,
  signal: Signal | undefined,
) {
  const { db, now } = deps;
  const { organisationId, personId, programme } = await requireProgrammeManager(
    db,
    actor,
    programmeId,
  );
  const health = await requireHealth(db, organisationId, programmeId, relationshipId, now);
  return nudgeTemplate(health, {
    manager: await managerName(db, organisationId, personId),
    programme: programme.name,
    signal,
  });
}

/**
 * POST …/nudges: one nudge row, a notification (in the app and by mail, in each recipient's
 * language) to each recipient, and an audit event, in one transaction.
 */
export async function sendNudge(
  deps: NudgeDeps,
  actor: Actor,
  programmeId: string,
  relationshipId: string,
  input: NudgeBody,
) {
  const { db, now } = deps;
  return db.transaction(async (tx) => {
    const { organisationId, personId, programme } = await requireProgrammeManager(
      tx,
      actor,
      programmeId,
    );
    const health = await requireHealth(tx, organisationId, programmeId, relationshipId, now);
    const participants = await repo.listParticipants(tx, organisationId, [relationshipId]);
    const current = new Map(participants.map((p) => [p.personId, p]));
    let recipientIds: string[];
    if (input.recipients === 'both') {
      recipientIds = participants.map((p) => p.personId);
    } else {
      input.recipients.forEach((id, index) => {
        if (!current.has(id)) {
          throw invalidField(`body.recipients.${index}`, message('notAParticipant'));
        }
      });
      recipientIds = [...new Set(input.recipients)];
    }
    const row = await repo.insertNudge(tx, {
      organisationId,
      programmeId,
      relationshipId,
      sentByUserId: actor.userId,
      recipientIds,
      signals: health.signals,
      // One text column holds both languages: what was sent, as sent.
      body: JSON.stringify({ nl: input.bodyNl, en: input.bodyEn }),
      createdAt: now,
    });
    const from = await managerName(tx, organisationId, personId);
    for (const recipientId of recipientIds) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId: recipientId,
        kind: 'nudge',
        payload: { from, programme: programme.name },
        link: `/mentoring/${relationshipId}`,
        mail: { quote: (locale) => (locale === 'en' ? input.bodyEn : input.bodyNl) },
      });
    }
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'relationship.nudged',
      subjectType: 'relationship',
      subjectId: relationshipId,
      details: { nudgeId: row.id, recipientIds, signals: health.signals },
    });
    return {
      id: row.id,
      signals: health.signals,
      lastNudge: {
        sentAt: row.createdAt.toISOString(),
        sentBy: from || null,
        recipients: recipientIds.map((id) => {
          const p = current.get(id)!;
          return { id, name: displayName(p) };
        }),
      },
    };
  });
}
