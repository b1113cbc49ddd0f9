import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { openCheckInsOf } from '../checkins/service.js';
import { listOpenOutcomeSurveys } from '../outcome-surveys/service.js';
import { displayName } from '../people/display-name.js';
import * as repo from './repository.js';

/**
 * What waits for a member: how many requests and introductions they still have to answer, unread
 * notifications and unread messages in their relationships, and the lists the home page shows
 * (requests and introductions to answer, next meetings, agreements to confirm). Only the caller's
 * own items, in their own organisation; a constant number of statements.
 */
export async function getAttention(db: Db, actor: Actor, now: Date) {
  const { personId, organisationId } = requireMember(actor);
  const member: repo.Member = { personId, organisationId, now };
  const [counts, requests, introductions, meetings, agreements] = await Promise.all([
    repo.countAttention(db, member),
    repo.listRequestsToAnswer(db, member),
    repo.listIntroductionsToAnswer(db, member),
    repo.listNextMeetings(db, member),
    repo.listAgreementsToConfirm(db, member),
  ]);
  const outcomeSurveys = await listOpenOutcomeSurveys(db, actor, repo.LIST_LIMIT);
  const checkIns = await openCheckInsOf(db, organisationId, personId);
  const participants = await repo.findParticipants(db, [
    ...new Set([...meetings, ...agreements].map((r) => r.relationshipId)),
  ]);
  /** The others still in a relationship, by name (the mentor first). */
  const others = (relationshipId: string) =>
    participants
      .filter((p) => p.relationshipId === relationshipId && p.personId !== personId)
      .map((p) => ({ id: p.personId, name: displayName(p) }));
  return {
    counts: {
      ...counts,
      outcomeSurveysToAnswer: outcomeSurveys.total,
      checkInsToAnswer: checkIns.total,
    },
    checkIns: checkIns.items.map((c) => ({
      id: c.id,
      relationshipId: c.relationshipId,
      with: c.with,
      programme: { name: c.programme.name },
      sentAt: c.sentAt,
      dueOn: c.dueOn,
    })),
    outcomeSurveys: outcomeSurveys.items.map((s) => ({
      id: s.id,
      relationshipId: s.relationshipId,
      with: s.with,
      programme: { name: s.programme.name },
      sentAt: s.sentAt,
    })),
    requests: requests.map((r) => ({
      id: r.id,
      from: { id: r.fromPersonId, name: displayName(r) },
      // Asked to mentor, or (where mentors offer) offered a mentor.
      myRole: r.mentorId === personId ? ('mentor' as const) : ('mentee' as const),
      programme: { id: r.programmeId, name: r.programmeName },
      expiresAt: r.expiresAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
    })),
    introductions: introductions.map((i) => ({
      id: i.id,
      other: { id: i.otherId, name: displayName(i) },
      myRole: i.mentorId === personId ? ('mentor' as const) : ('mentee' as const),
      programme: { id: i.programmeId, name: i.programmeName },
      createdAt: i.createdAt.toISOString(),
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      relationshipId: m.relationshipId,
      startsAt: m.startsAt.toISOString(),
      durationMinutes: m.durationMinutes,
      timeZone: m.timeZone,
      place: m.place,
      isOnline: m.videoUrl !== null && m.videoUrl !== '',
      with: others(m.relationshipId),
      programme: { name: m.programmeName },
    })),
    agreements: agreements.map((a) => ({
      id: a.id,
      relationshipId: a.relationshipId,
      version: a.version,
      proposedByMe: a.proposedBy === personId,
      createdAt: a.createdAt.toISOString(),
      with: others(a.relationshipId),
      programme: { name: a.programmeName },
    })),
  };
}
