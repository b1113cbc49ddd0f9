import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { relationship, type MailAttachmentRow } from '../../db/schema.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import { toLocale, type Locale } from '../../i18n/locale.js';
import type { Mailer } from '../../mail/mailer.js';
import { findRecipient } from '../notifications/repository.js';
import { notify, type NotificationKind } from '../notifications/service.js';
import { displayName } from '../people/display-name.js';
import {
  isOpen,
  listParticipants,
  requireParticipant,
  type Participant,
  type RelationshipAccess,
} from '../relationships/access.js';
import {
  buildCalendar,
  instantOfWallClock,
  localDateTime,
  type CalendarEvent,
  type CalendarMethod,
  type CalendarPerson,
} from './ical.js';
import * as repo from './repository.js';
import type { MeetingRow } from './repository.js';
import { formatWhen, joinNames, meetingTexts } from './texts.js';

export interface Deps {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  /** The clock: a parameter so that tests can move time. */
  now: () => Date;
}

/** What sending invitations needs (the caller holds the transaction). */
export type InvitationDeps = Pick<Deps, 'mailer' | 'baseUrl' | 'now'>;

/** Most meetings a list answers per part (upcoming, past). */
const LIST_LIMIT = 100;
/** How far back the calendar feed reaches. */
const FEED_HISTORY_DAYS = 365;
const FEED_LIMIT = 1000;

export interface MeetingInput {
  date: string;
  time: string;
  timeZone: string;
  durationMinutes: number;
  place: string | null;
  videoUrl: string | null;
  agenda: string;
}

const spaceLink = (relationshipId: string) => `/mentoring/${relationshipId}`;
const endOf = (row: MeetingRow) => new Date(row.startsAt.getTime() + row.durationMinutes * 60_000);
const hasStarted = (row: MeetingRow, now: Date) => row.startsAt.getTime() <= now.getTime();

/** `2026-12-10 14:00 (Europe/Amsterdam)`: the same in every language (notification texts). */
function neutralWhen(row: Pick<MeetingRow, 'startsAt' | 'timeZone'>): string {
  const local = localDateTime(row.startsAt, row.timeZone);
  return `${local.date} ${local.time} (${row.timeZone})`;
}

function toMeeting(row: MeetingRow, access: RelationshipAccess, now: Date) {
  const names = new Map(access.participants.map((p) => [p.personId, p.name]));
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const local = localDateTime(row.startsAt, row.timeZone);
  const started = hasStarted(row, now);
  const planned = row.status === 'planned';
  return {
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: endOf(row).toISOString(),
    date: local.date,
    time: local.time,
    timeZone: row.timeZone,
    durationMinutes: row.durationMinutes,
    place: row.place,
    videoUrl: row.videoUrl,
    agenda: row.agenda,
    status: row.status,
    sequence: row.sequence,
    outcome: row.outcome,
    outcomeNotes: row.outcomeNotes,
    outcomeBy: person(row.outcomeBy),
    outcomeAt: row.outcomeAt?.toISOString() ?? null,
    createdBy: person(row.createdBy)!,
    createdAt: row.createdAt.toISOString(),
    hasStarted: started,
    canChange: planned && !started && isOpen(access),
    canLogOutcome: planned && started && !access.me.hasLeft,
  };
}
export type Meeting = ReturnType<typeof toMeeting>;

// ---------------------------------------------------------------------------------------------
// Invitations
// ---------------------------------------------------------------------------------------------

interface Invitees {
  organizer: CalendarPerson;
  /** Every current participant, the organizer too, with their person ids. */
  attendees: (CalendarPerson & { id: string })[];
}

/** Names and addresses of the meeting's organizer (who planned it) and the current participants. */
async function findInvitees(
  db: Db,
  organisationId: string,
  participants: readonly Participant[],
  createdBy: string,
): Promise<Invitees> {
  const current = participants.filter((p) => !p.hasLeft);
  const ids = [...new Set([createdBy, ...current.map((p) => p.personId)])];
  const contacts = new Map(
    (await repo.findContacts(db, organisationId, ids)).map((c) => [
      c.id,
      { name: displayName(c), email: c.email },
    ]),
  );
  const attendees = current.flatMap((p) => {
    const contact = contacts.get(p.personId);
    return contact ? [{ id: p.personId, ...contact }] : [];
  });
  const organizer = contacts.get(createdBy) ?? attendees[0]!;
  return { organizer, attendees };
}

/** The calendar entry of a meeting as one participant (`viewerId`) sees it, in their language. */
function calendarEvent(
  row: MeetingRow,
  invitees: Invitees,
  viewerId: string,
  locale: Locale,
  baseUrl: string,
  stamp: Date,
): CalendarEvent {
  const t = meetingTexts[locale];
  const others = invitees.attendees.filter((a) => a.id !== viewerId).map((a) => a.name);
  const description = [
    ...(row.agenda ? [`${t.agenda}:\n${row.agenda}`] : []),
    ...(row.videoUrl ? [`${t.video}: ${row.videoUrl}`] : []),
    `${t.space}: ${baseUrl}${spaceLink(row.relationshipId)}`,
  ].join('\n\n');
  return {
    id: row.id,
    sequence: row.sequence,
    startsAt: row.startsAt,
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    isCancelled: row.status === 'cancelled',
    summary: t.summary(joinNames(locale, others)),
    description,
    location: row.place ?? row.videoUrl,
    url: row.videoUrl ?? `${baseUrl}${spaceLink(row.relationshipId)}`,
    organizer: invitees.organizer,
    attendees: invitees.attendees.map(({ name, email }) => ({ name, email })),
    stamp,
  };
}

/** The detail lines of an invitation mail, in the recipient's language. */
function mailDetails(row: MeetingRow, kind: NotificationKind, locale: Locale): string[] {
  const t = meetingTexts[locale];
  const lines = [
    `${t.when}: ${formatWhen(locale, row.startsAt, row.durationMinutes, row.timeZone)}`,
  ];
  if (kind !== 'meeting_cancelled') {
    if (row.place) lines.push(`${t.place}: ${row.place}`);
    if (row.videoUrl) lines.push(`${t.video}: ${row.videoUrl}`);
    if (row.agenda) lines.push(`${t.agenda}: ${row.agenda}`);
  }
  lines.push(
    kind === 'meeting_cancelled'
      ? t.cancelled
      : kind === 'meeting_changed'
        ? t.changed
        : t.invitation,
  );
  return lines;
}

/**
 * Tells every current participant except `byPersonId` about a meeting, in the app and by mail
 * with an iCalendar invitation (REQUEST) or cancellation (CANCEL) in their language. In a group
 * every member gets their own invitation. Runs in the caller's transaction.
 */
async function sendInvitations(
  tx: Db,
  deps: InvitationDeps,
  input: {
    row: MeetingRow;
    organisationId: string;
    participants: readonly Participant[];
    byPersonId: string;
    byName: string;
    kind: 'meeting_planned' | 'meeting_changed' | 'meeting_cancelled';
  },
): Promise<void> {
  const { row, kind } = input;
  const invitees = await findInvitees(tx, input.organisationId, input.participants, row.createdBy);
  const method: CalendarMethod = kind === 'meeting_cancelled' ? 'CANCEL' : 'REQUEST';
  const stamp = deps.now();
  for (const recipient of invitees.attendees) {
    if (recipient.id === input.byPersonId) continue;
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId: recipient.id,
      kind,
      payload: { from: input.byName, when: neutralWhen(row) },
      link: spaceLink(row.relationshipId),
      mail: {
        details: (locale) => mailDetails(row, kind, locale),
        attachments: (locale): MailAttachmentRow[] => [
          {
            filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
            contentType: 'text/calendar; charset=utf-8',
            method,
            content: buildCalendar({
              method,
              language: locale,
              events: [calendarEvent(row, invitees, recipient.id, locale, deps.baseUrl, stamp)],
            }),
          },
        ],
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Meetings of a relationship
// ---------------------------------------------------------------------------------------------

export async function listMeetings(deps: Deps, actor: Actor, relationshipId: string) {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  const now = deps.now();
  const { organisationId } = access.relationship;
  const [upcoming, past] = await Promise.all([
    repo.listUpcoming(deps.db, organisationId, relationshipId, now, LIST_LIMIT),
    repo.listPast(deps.db, organisationId, relationshipId, now, LIST_LIMIT),
  ]);
  return {
    upcoming: upcoming.map((row) => toMeeting(row, access, now)),
    past: past.rows.map((row) => toMeeting(row, access, now)),
    pastTotal: past.total,
    canPlan: isOpen(access),
  };
}

function requireOpen(access: RelationshipAccess): void {
  if (!isOpen(access)) {
    throw new AppError('unprocessable', message('meetingNeedsOpenRelationship'));
  }
}

/** The start of a meeting from its local date and time, checked: it exists and lies ahead. */
function startOf(input: Pick<MeetingInput, 'date' | 'time' | 'timeZone'>, now: Date): Date {
  const startsAt = instantOfWallClock(input.date, input.time, input.timeZone);
  if (!startsAt) throw invalidField('body.time', message('timeSkippedInZone'));
  if (startsAt.getTime() <= now.getTime()) {
    throw invalidField('body.date', message('mustBeInFuture'));
  }
  return startsAt;
}

export async function planMeeting(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  input: MeetingInput,
): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    // The relationship row is locked, so ending it (which cancels what is planned) and planning
    // run one after the other.
    const access = await requireParticipant(tx, actor, relationshipId, { lock: true });
    requireOpen(access);
    const now = deps.now();
    const startsAt = startOf(input, now);
    const row = await repo.insertMeeting(tx, {
      relationshipId,
      organisationId: access.relationship.organisationId,
      startsAt,
      durationMinutes: input.durationMinutes,
      timeZone: input.timeZone,
      place: input.place,
      videoUrl: input.videoUrl,
      agenda: input.agenda,
      createdBy: access.me.personId,
    });
    await sendInvitations(tx, deps, {
      row,
      organisationId: access.relationship.organisationId,
      participants: access.participants,
      byPersonId: access.me.personId,
      byName: access.me.name,
      kind: 'meeting_planned',
    });
    return toMeeting(row, access, now);
  });
}

/** Locks a meeting of the relationship that may still change: planned and not yet started. */
async function lockChangeable(
  tx: Db,
  access: RelationshipAccess,
  meetingId: string,
  now: Date,
): Promise<MeetingRow> {
  const row = await repo.findMeeting(
    tx,
    access.relationship.organisationId,
    access.relationship.id,
    meetingId,
    { lock: true },
  );
  if (!row) throw notFound('meeting');
  requireOpen(access);
  if (row.status === 'cancelled')
    throw new AppError('unprocessable', message('meetingIsCancelled'));
  if (hasStarted(row, now)) throw new AppError('unprocessable', message('meetingHasStarted'));
  return row;
}

export async function changeMeeting(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  meetingId: string,
  input: Partial<MeetingInput>,
): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const access = await requireParticipant(tx, actor, relationshipId, { lock: true });
    const now = deps.now();
    const current = await lockChangeable(tx, access, meetingId, now);
    const local = localDateTime(current.startsAt, current.timeZone);
    const timeZone = input.timeZone ?? current.timeZone;
    const movesTime =
      input.date !== undefined || input.time !== undefined || input.timeZone !== undefined;
    const startsAt = movesTime
      ? startOf({ date: input.date ?? local.date, time: input.time ?? local.time, timeZone }, now)
      : current.startsAt;
    const next = {
      startsAt,
      timeZone,
      durationMinutes: input.durationMinutes ?? current.durationMinutes,
      place: input.place === undefined ? current.place : input.place,
      videoUrl: input.videoUrl === undefined ? current.videoUrl : input.videoUrl,
      agenda: input.agenda ?? current.agenda,
    };
    const changed =
      next.startsAt.getTime() !== current.startsAt.getTime() ||
      next.timeZone !== current.timeZone ||
      next.durationMinutes !== current.durationMinutes ||
      next.place !== current.place ||
      next.videoUrl !== current.videoUrl ||
      next.agenda !== current.agenda;
    if (!changed) return toMeeting(current, access, now);
    const row = await repo.updateMeeting(tx, current.id, {
      ...next,
      sequence: current.sequence + 1,
      updatedAt: now,
    });
    await sendInvitations(tx, deps, {
      row,
      organisationId: access.relationship.organisationId,
      participants: access.participants,
      byPersonId: access.me.personId,
      byName: access.me.name,
      kind: 'meeting_changed',
    });
    return toMeeting(row, access, now);
  });
}

export async function cancelMeeting(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  meetingId: string,
): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const access = await requireParticipant(tx, actor, relationshipId, { lock: true });
    const now = deps.now();
    const current = await lockChangeable(tx, access, meetingId, now);
    const row = await repo.updateMeeting(tx, current.id, {
      status: 'cancelled',
      sequence: current.sequence + 1,
      updatedAt: now,
    });
    await sendInvitations(tx, deps, {
      row,
      organisationId: access.relationship.organisationId,
      participants: access.participants,
      byPersonId: access.me.personId,
      byName: access.me.name,
      kind: 'meeting_cancelled',
    });
    return toMeeting(row, access, now);
  });
}

/**
 * Either participant says whether a meeting that has started took place, with optional notes
 * both sides read. Allowed after the relationship ended too: the meeting was before that.
 */
export async function logOutcome(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  meetingId: string,
  input: { outcome: 'held' | 'not_held'; notes: string | null },
): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const access = await requireParticipant(tx, actor, relationshipId);
    if (access.me.hasLeft)
      throw new AppError('unprocessable', message('meetingNeedsOpenRelationship'));
    const now = deps.now();
    const current = await repo.findMeeting(
      tx,
      access.relationship.organisationId,
      relationshipId,
      meetingId,
      { lock: true },
    );
    if (!current) throw notFound('meeting');
    if (current.status === 'cancelled') {
      throw new AppError('unprocessable', message('meetingIsCancelled'));
    }
    if (!hasStarted(current, now)) {
      throw new AppError('unprocessable', message('meetingNotStarted'));
    }
    const row = await repo.updateMeeting(tx, current.id, {
      outcome: input.outcome,
      outcomeNotes: input.notes,
      outcomeBy: access.me.personId,
      outcomeAt: now,
      updatedAt: now,
    });
    return toMeeting(row, access, now);
  });
}

/** The meeting as an .ics file for the caller's own calendar (PUBLISH), in their language. */
export async function meetingIcs(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  meetingId: string,
  locale: Locale,
): Promise<{ filename: string; content: string }> {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  const row = await repo.findMeeting(
    deps.db,
    access.relationship.organisationId,
    relationshipId,
    meetingId,
  );
  if (!row) throw notFound('meeting');
  const invitees = await findInvitees(
    deps.db,
    access.relationship.organisationId,
    access.participants,
    row.createdBy,
  );
  const content = buildCalendar({
    method: 'PUBLISH',
    language: locale,
    events: [calendarEvent(row, invitees, access.me.personId, locale, deps.baseUrl, row.updatedAt)],
  });
  return { filename: `klik-${localDateTime(row.startsAt, row.timeZone).date}.ics`, content };
}

/**
 * Cancels every planned meeting of the relationship that has not started yet, and sends each
 * current participant except `byPersonId` a cancellation (METHOD:CANCEL). Called when the
 * relationship ends, inside the ending's transaction; returns how many meetings were cancelled.
 */
export async function cancelUpcomingMeetings(
  tx: Db,
  deps: InvitationDeps,
  relationshipId: string,
  byPersonId: string | null,
): Promise<number> {
  const now = deps.now();
  const rows = await repo.lockPlannedFrom(tx, relationshipId, now);
  if (rows.length === 0) return 0;
  const [rel] = await tx.select().from(relationship).where(eq(relationship.id, relationshipId));
  if (!rel) return 0;
  const participants = await listParticipants(tx, rel);
  const by = participants.find((p) => p.personId === byPersonId);
  for (const current of rows) {
    const row = await repo.updateMeeting(tx, current.id, {
      status: 'cancelled',
      sequence: current.sequence + 1,
      updatedAt: now,
    });
    await sendInvitations(tx, deps, {
      row,
      organisationId: rel.organisationId,
      participants,
      byPersonId: byPersonId ?? '',
      byName: by?.name ?? 'Klik',
      kind: 'meeting_cancelled',
    });
  }
  return rows.length;
}

/**
 * A group member who leaves drops out of the relationship's planned meetings that have not
 * started: each one's SEQUENCE is raised and the leaver gets, in their language, a mail with a
 * METHOD:CANCEL for it (same UID) that names them as the attendee removed (RFC 5546 3.2.5), so
 * their calendar takes it out. Called when a mentee leaves a group, inside the leaving's
 * transaction (the relationship row is locked, so planning waits); returns how many meetings.
 *
 * The meetings go on for the others, who get no updated REQUEST: nothing they act on changed
 * (time, place and link stay), they are told once that the member left
 * ('relationship_member_left'), and a REQUEST per meeting per member would be that news again
 * in several mails. The attendee list in their copies is corrected by their calendar feed at
 * once and by the next change or cancellation of the meeting, which carries the raised SEQUENCE
 * and the current members.
 */
export async function withdrawFromUpcomingMeetings(
  tx: Db,
  deps: InvitationDeps,
  relationshipId: string,
  personId: string,
): Promise<number> {
  const now = deps.now();
  const rows = await repo.lockPlannedFrom(tx, relationshipId, now);
  if (rows.length === 0) return 0;
  const [rel] = await tx.select().from(relationship).where(eq(relationship.id, relationshipId));
  if (!rel) return 0;
  // The leaver counts as gone whether or not their leaving is written yet.
  const participants = (await listParticipants(tx, rel)).map((p) =>
    p.personId === personId ? { ...p, hasLeft: true } : p,
  );
  const [contact] = await repo.findContacts(tx, rel.organisationId, [personId]);
  if (!contact) return 0;
  const leaver: CalendarPerson = { name: displayName(contact), email: contact.email };
  for (const current of rows) {
    const row = await repo.updateMeeting(tx, current.id, {
      sequence: current.sequence + 1,
      updatedAt: now,
    });
    const invitees = await findInvitees(tx, rel.organisationId, participants, row.createdBy);
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId,
      kind: 'meeting_withdrawn',
      payload: { when: neutralWhen(row) },
      link: spaceLink(relationshipId),
      mail: {
        details: (locale) => mailDetails(row, 'meeting_cancelled', locale),
        attachments: (locale): MailAttachmentRow[] => [
          {
            filename: 'cancel.ics',
            contentType: 'text/calendar; charset=utf-8',
            method: 'CANCEL',
            content: buildCalendar({
              method: 'CANCEL',
              language: locale,
              events: [
                {
                  ...calendarEvent(row, invitees, personId, locale, deps.baseUrl, now),
                  isCancelled: true,
                  attendees: [leaver],
                },
              ],
            }),
          },
        ],
      },
    });
  }
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// The personal calendar feed
// ---------------------------------------------------------------------------------------------

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/calendar/${token}.ics`;

export async function getCalendarFeed(deps: Deps, actor: Actor) {
  const { personId } = requireMember(actor);
  const row = await repo.findFeed(deps.db, personId);
  return { exists: row !== null, createdAt: row?.createdAt.toISOString() ?? null };
}

/** Creates the caller's feed or replaces its address; the secret URL is only ever shown here. */
export async function createCalendarFeed(deps: Deps, actor: Actor) {
  const { personId, organisationId } = requireMember(actor);
  const token = randomBytes(32).toString('base64url');
  const row = await repo.saveFeed(deps.db, {
    personId,
    organisationId,
    tokenHash: hashToken(token),
    createdAt: deps.now(),
  });
  return { url: feedUrl(deps.baseUrl, token), createdAt: row.createdAt.toISOString() };
}

export async function revokeCalendarFeed(deps: Deps, actor: Actor): Promise<void> {
  const { personId } = requireMember(actor);
  await repo.deleteFeed(deps.db, personId);
}

/**
 * The calendar behind a feed token: the owner's meetings in every relationship they are still in,
 * cancelled ones as STATUS:CANCELLED, in their language. Null for an unknown or revoked token.
 */
export async function renderCalendarFeed(deps: Deps, token: string): Promise<string | null> {
  const owner = await repo.findFeedOwner(deps.db, hashToken(token));
  if (!owner) return null;
  const locale = await feedLocale(deps.db, owner.personId);
  const since = new Date(deps.now().getTime() - FEED_HISTORY_DAYS * 86_400_000);
  const rows = await repo.listFeedMeetings(
    deps.db,
    owner.organisationId,
    owner.personId,
    since,
    FEED_LIMIT,
  );
  const relationships = new Map(rows.map((r) => [r.relationship.id, r.relationship]));
  const mentees = await repo.findCurrentMentees(deps.db, [...relationships.keys()]);
  const peopleIds = new Set<string>();
  for (const r of rows) peopleIds.add(r.relationship.mentorId).add(r.meeting.createdBy);
  for (const m of mentees) peopleIds.add(m.menteeId);
  const contacts = new Map(
    (await repo.findContacts(deps.db, owner.organisationId, [...peopleIds])).map((c) => [
      c.id,
      { id: c.id, name: displayName(c), email: c.email },
    ]),
  );
  const events = [...rows].reverse().map(({ meeting: row, relationship: rel }) => {
    const ids = [
      rel.mentorId,
      ...mentees.filter((m) => m.relationshipId === rel.id).map((m) => m.menteeId),
    ];
    const attendees = ids.flatMap((id) => {
      const contact = contacts.get(id);
      return contact ? [contact] : [];
    });
    const organizer = contacts.get(row.createdBy) ?? attendees[0]!;
    return calendarEvent(
      row,
      { organizer, attendees },
      owner.personId,
      locale,
      deps.baseUrl,
      row.updatedAt,
    );
  });
  return buildCalendar({
    method: 'PUBLISH',
    name: meetingTexts[locale].feedName,
    language: locale,
    events,
  });
}

/** The feed owner's language, as their mail is written in. */
async function feedLocale(db: Db, personId: string): Promise<Locale> {
  const row = await findRecipient(db, personId);
  return toLocale(row?.locale ?? row?.preferred ?? row?.orgLocale);
}
