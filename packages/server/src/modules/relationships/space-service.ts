import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Locale } from '../../i18n/locale.js';
import { message } from '../../i18n/messages.js';
import type { Mailer } from '../../mail/mailer.js';
import { notify } from '../notifications/service.js';
import { skillLabeller } from '../people/profile-view.js';
import { isOpen, requireParticipant, type RelationshipAccess } from './access.js';
import * as repo from './repository.js';

export interface Deps {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  /** The clock: a parameter so that tests can move time. */
  now: () => Date;
  /** The language the caller's screen shows. */
  locale: Locale;
}

export type SpaceStatus = 'active' | 'paused' | 'completed' | 'ended_early';

/** 'paused' is an active relationship with a pause mark: the mentor's place is kept. */
export function spaceStatus(row: {
  status: 'active' | 'completed' | 'ended_early';
  pausedAt: Date | null;
}): SpaceStatus {
  return row.status === 'active' && row.pausedAt ? 'paused' : row.status;
}

/** Where a relationship's page lives in the web app (links in notifications and mail). */
export const spaceLink = (relationshipId: string) => `/mentoring/${relationshipId}`;

/** My relationships in my organisation, as mentor or mentee, with what waits in each. */
export async function listMyRelationships(db: Db, actor: Actor, now: Date) {
  const { personId, organisationId } = requireMember(actor);
  const rows = await repo.findRelationshipsOf(db, organisationId, personId);
  const ids = rows.map((r) => r.relationship.id);
  const [mentees, unread, nextMeetings] = await Promise.all([
    repo.findMentees(db, ids),
    repo.countUnread(db, ids, personId),
    repo.findNextMeetings(db, ids, now),
  ]);
  const mentorName = await repo.findNames(db, [
    ...new Set(rows.map((r) => r.relationship.mentorId)),
  ]);
  return rows.map(({ relationship: r, programmeName, groupMin }) => {
    const mine = mentees.filter((m) => m.relationshipId === r.id);
    const haveLeft = mine.some((m) => m.id === personId && m.leftAt !== null);
    return {
      id: r.id,
      programme: { id: r.programmeId, name: programmeName },
      myRole: r.mentorId === personId ? ('mentor' as const) : ('mentee' as const),
      mentor: { id: r.mentorId, name: mentorName.get(r.mentorId) ?? '' },
      // Members who left a group are no longer counted in it.
      mentees: mine
        .filter((m) => m.leftAt === null)
        .map((m) => ({ id: m.id, name: `${m.givenName} ${m.familyName}` })),
      isGroup: r.isGroup,
      groupMin: r.isGroup ? groupMin : null,
      status: spaceStatus(r),
      haveLeft,
      pauseUntil: r.pauseUntil,
      unreadMessages: unread.get(r.id) ?? 0,
      nextMeetingAt: nextMeetings.get(r.id)?.startsAt.toISOString() ?? null,
      startedAt: r.startedAt.toISOString(),
    };
  });
}

/** The relationship's space as one participant sees it. */
export async function getSpace(deps: Deps, actor: Actor, relationshipId: string) {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  return describeSpace(deps, access);
}

export async function describeSpace(deps: Deps, access: RelationshipAccess) {
  const { db, locale } = deps;
  const { relationship: r, me, participants } = access;
  const organisationId = r.organisationId;
  const [programme, profiles, menteeRows, hopes, nextMeetings, label] = await Promise.all([
    repo.findProgrammeOf(db, organisationId, r.programmeId),
    repo.findParticipantProfiles(
      db,
      organisationId,
      participants.map((p) => p.personId),
    ),
    repo.findMenteeRows(db, r.id),
    repo.findNewestHopes(db, r.id),
    repo.findNextMeetings(db, [r.id], deps.now()),
    skillLabeller(db, organisationId, locale),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.id, p]));
  const nameOf = new Map(participants.map((p) => [p.personId, p.name]));
  // A mentee reads their own pair's reasons; the mentor reads each mentee's.
  const clicks = menteeRows
    .filter((m) => (me.role === 'mentor' ? m.leftAt === null : m.menteeId === me.personId))
    .map((m) => ({
      menteeId: m.menteeId,
      menteeName: nameOf.get(m.menteeId) ?? '',
      strength: m.strength,
      reasons: m.reasons.map((reason) => ({ code: reason.code, text: reason[locale] })),
    }));
  const next = nextMeetings.get(r.id);
  return {
    id: r.id,
    programme: {
      id: r.programmeId,
      name: programme?.name ?? '',
      endsOn: programme?.endsOn ?? null,
    },
    status: spaceStatus(r),
    pauseUntil: r.status === 'active' ? r.pauseUntil : null,
    isGroup: r.isGroup,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    myRole: me.role,
    haveLeft: me.hasLeft,
    canChange: isOpen(access),
    participants: participants.map((p) => {
      const profile = profileOf.get(p.personId);
      // Contact details: both said yes. Not to or from a member who left a group.
      const showContact = !me.hasLeft && !p.hasLeft;
      return {
        id: p.personId,
        name: p.name,
        role: p.role,
        isMe: p.personId === me.personId,
        hasLeft: p.hasLeft,
        jobTitle: profile?.jobTitle ?? null,
        languages: profile?.languages ?? [],
        meetingMode: profile?.meetingMode ?? 'either',
        place: profile?.place ?? null,
        about: profile?.about ?? '',
        offers: label(profile?.offers),
        wants: label(profile?.wants),
        contact:
          showContact && profile
            ? { email: profile.email, phone: profile.phone?.trim() || null }
            : null,
      };
    }),
    clicks,
    hopes: participants
      .filter((p) => hopes[p.personId])
      .map((p) => ({
        personId: p.personId,
        name: p.name,
        learn: hopes[p.personId]!.learn,
        give: hopes[p.personId]!.give,
      })),
    nextMeeting: next
      ? {
          id: next.id,
          startsAt: next.startsAt.toISOString(),
          durationMinutes: next.durationMinutes,
          timeZone: next.timeZone,
          place: next.place,
          videoUrl: next.videoUrl,
          agenda: next.agenda,
        }
      : null,
  };
}

export type MessageItem = {
  id: string;
  kind: 'request' | 'request_message' | 'message';
  requestId: string | null;
  author: { id: string; name: string };
  isMine: boolean;
  body: string;
  hopes: string | null;
  createdAt: string;
};

/**
 * The one conversation: the thread of the request(s) that opened the relationship — of which the
 * reader is a party — then the relationship's own messages, by time. A member who left a group
 * reads what was said until they left.
 */
export async function listMessages(deps: Deps, actor: Actor, relationshipId: string) {
  const { db } = deps;
  const access = await requireParticipant(db, actor, relationshipId);
  const { me, participants, relationship: r } = access;
  const requests = await repo.findOpeningRequests(db, r.organisationId, r.id, me.personId);
  const [requestMessages, messages] = await Promise.all([
    repo.findRequestMessages(
      db,
      requests.map((q) => q.id),
    ),
    repo.findMessages(db, r.id),
  ]);
  const names = new Map(participants.map((p) => [p.personId, p.name]));
  const authorIds = [
    ...requests.map((q) => q.fromPersonId),
    ...requestMessages.map((m) => m.authorPersonId),
    ...messages.map((m) => m.authorPersonId),
  ];
  const missing = [...new Set(authorIds)].filter((id) => !names.has(id));
  for (const [id, name] of await repo.findNames(db, missing)) names.set(id, name);
  const author = (id: string) => ({ id, name: names.get(id) ?? '' });
  const leftAt = me.hasLeft
    ? (await repo.findMenteeRows(db, r.id)).find((m) => m.menteeId === me.personId)?.leftAt
    : null;
  const items: (MessageItem & { at: Date })[] = [
    ...requests.map((q) => ({
      id: q.id,
      kind: 'request' as const,
      requestId: q.id,
      author: author(q.fromPersonId),
      isMine: q.fromPersonId === me.personId,
      body: q.message,
      hopes: q.hopes.trim() ? q.hopes : null,
      createdAt: q.createdAt.toISOString(),
      at: q.createdAt,
    })),
    ...requestMessages.map((m) => ({
      id: m.id,
      kind: 'request_message' as const,
      requestId: m.requestId,
      author: author(m.authorPersonId),
      isMine: m.authorPersonId === me.personId,
      body: m.body,
      hopes: null,
      createdAt: m.createdAt.toISOString(),
      at: m.createdAt,
    })),
    ...messages
      .filter((m) => !leftAt || m.createdAt < leftAt)
      .map((m) => ({
        id: m.id,
        kind: 'message' as const,
        requestId: null,
        author: author(m.authorPersonId),
        isMine: m.authorPersonId === me.personId,
        body: m.body,
        hopes: null,
        createdAt: m.createdAt.toISOString(),
        at: m.createdAt,
      })),
  ];
  // The request's thread always comes first: it happened before the relationship began.
  const order = { request: 0, request_message: 1, message: 2 } as const;
  items.sort(
    (a, b) =>
      (a.kind === 'message' ? 1 : 0) - (b.kind === 'message' ? 1 : 0) ||
      a.at.getTime() - b.at.getTime() ||
      order[a.kind] - order[b.kind],
  );
  return {
    items: items.map(({ at: _at, ...item }) => item),
    canWrite: isOpen(access),
  };
}

/** Writes in the conversation; every other participant is told in the app and by mail. */
export async function postMessage(deps: Deps, actor: Actor, relationshipId: string, body: string) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const access = await requireParticipant(tx, actor, relationshipId, { lock: true });
    if (!isOpen(access)) throw new AppError('unprocessable', message('relationshipReadOnly'));
    const { me, others, relationship: r } = access;
    const row = await repo.insertMessage(tx, {
      relationshipId: r.id,
      organisationId: r.organisationId,
      authorPersonId: me.personId,
      body,
      createdAt: now,
    });
    // Writing is reading: what came before one's own message is read.
    await repo.markRead(tx, r.id, me.personId, now);
    for (const other of others) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId: other.personId,
        kind: 'relationship_message',
        payload: { from: me.name },
        link: spaceLink(r.id),
        mail: { quote: body },
      });
    }
    return {
      id: row.id,
      kind: 'message' as const,
      requestId: null,
      author: { id: me.personId, name: me.name },
      isMine: true,
      body: row.body,
      hopes: null,
      createdAt: row.createdAt.toISOString(),
    } satisfies MessageItem;
  });
}

/** Marks the conversation read up to now for the caller. */
export async function markRead(deps: Deps, actor: Actor, relationshipId: string) {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  await repo.markRead(deps.db, access.relationship.id, access.me.personId, deps.now());
}
