import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  ne,
  notExists,
  or,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  agreementConfirmation,
  introduction,
  meeting,
  mentoringRequest,
  notification,
  person,
  programme,
  relationship,
  relationshipAgreement,
  relationshipMentee,
  relationshipMessage,
  relationshipRead,
} from '../../db/schema.js';

/** Whose attention, in which organisation, at which moment. */
export interface Member {
  organisationId: string;
  personId: string;
  now: Date;
}

/** How many items of each list the home page shows (the counts say how many there are). */
export const LIST_LIMIT = 10;
export const MEETING_LIMIT = 5;

/** The relationships the person is in and has not left: as mentor, or as a mentee still in it. */
function myRelationships(db: Db, m: Member) {
  const asMentee = db
    .select({ id: relationshipMentee.relationshipId })
    .from(relationshipMentee)
    .where(and(eq(relationshipMentee.menteeId, m.personId), isNull(relationshipMentee.leftAt)));
  return and(
    eq(relationship.organisationId, m.organisationId),
    or(eq(relationship.mentorId, m.personId), inArray(relationship.id, asMentee)),
  );
}

/** Pending requests to the person that have not expired. */
const requestsToAnswer = (m: Member) =>
  and(
    eq(mentoringRequest.organisationId, m.organisationId),
    eq(mentoringRequest.toPersonId, m.personId),
    eq(mentoringRequest.status, 'pending'),
    gt(mentoringRequest.expiresAt, m.now),
  );

/** Open introductions (nobody declined, no relationship yet) waiting for the person's answer. */
const introductionsToAnswer = (m: Member) =>
  and(
    eq(introduction.organisationId, m.organisationId),
    isNull(introduction.relationshipId),
    ne(introduction.menteeResponse, 'declined'),
    ne(introduction.mentorResponse, 'declined'),
    or(
      and(eq(introduction.menteeId, m.personId), eq(introduction.menteeResponse, 'pending')),
      and(eq(introduction.mentorId, m.personId), eq(introduction.mentorResponse, 'pending')),
    ),
  );

/** The four counts, one statement each whatever the number of rows. */
export async function countAttention(db: Db, m: Member) {
  const [requests, introductions, notifications, messages] = await Promise.all([
    db.select({ n: count() }).from(mentoringRequest).where(requestsToAnswer(m)),
    db.select({ n: count() }).from(introduction).where(introductionsToAnswer(m)),
    db
      .select({ n: count() })
      .from(notification)
      .where(
        and(
          eq(notification.organisationId, m.organisationId),
          eq(notification.personId, m.personId),
          isNull(notification.readAt),
        ),
      ),
    // Messages by others after the person last read the conversation (all of them if never).
    db
      .select({ n: count() })
      .from(relationshipMessage)
      .innerJoin(relationship, eq(relationship.id, relationshipMessage.relationshipId))
      .leftJoin(
        relationshipRead,
        and(
          eq(relationshipRead.relationshipId, relationshipMessage.relationshipId),
          eq(relationshipRead.personId, m.personId),
        ),
      )
      .where(
        and(
          myRelationships(db, m),
          eq(relationshipMessage.organisationId, m.organisationId),
          ne(relationshipMessage.authorPersonId, m.personId),
          or(
            isNull(relationshipRead.lastReadAt),
            gt(relationshipMessage.createdAt, relationshipRead.lastReadAt),
          ),
        ),
      ),
  ]);
  return {
    requestsToAnswer: requests[0]?.n ?? 0,
    introductionsToAnswer: introductions[0]?.n ?? 0,
    unreadNotifications: notifications[0]?.n ?? 0,
    unreadMessages: messages[0]?.n ?? 0,
  };
}

/** The requests to answer, the soonest to expire first. */
export async function listRequestsToAnswer(db: Db, m: Member) {
  return db
    .select({
      id: mentoringRequest.id,
      fromPersonId: mentoringRequest.fromPersonId,
      mentorId: mentoringRequest.mentorId,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
      programmeId: programme.id,
      programmeName: programme.name,
      expiresAt: mentoringRequest.expiresAt,
      createdAt: mentoringRequest.createdAt,
    })
    .from(mentoringRequest)
    .innerJoin(person, eq(person.id, mentoringRequest.fromPersonId))
    .innerJoin(programme, eq(programme.id, mentoringRequest.programmeId))
    .where(requestsToAnswer(m))
    .orderBy(asc(mentoringRequest.expiresAt), asc(mentoringRequest.id))
    .limit(LIST_LIMIT);
}

/** The introductions waiting for the person's answer, oldest first, with the other person. */
export async function listIntroductionsToAnswer(db: Db, m: Member) {
  const other = alias(person, 'other');
  return db
    .select({
      id: introduction.id,
      mentorId: introduction.mentorId,
      otherId: other.id,
      givenName: other.givenName,
      familyName: other.familyName,
      preferredName: other.preferredName,
      programmeId: programme.id,
      programmeName: programme.name,
      createdAt: introduction.createdAt,
    })
    .from(introduction)
    .innerJoin(
      other,
      sql`${other.id} = case when ${introduction.mentorId} = ${m.personId} then ${introduction.menteeId} else ${introduction.mentorId} end`,
    )
    .innerJoin(programme, eq(programme.id, introduction.programmeId))
    .where(introductionsToAnswer(m))
    .orderBy(asc(introduction.createdAt), asc(introduction.id))
    .limit(LIST_LIMIT);
}

/** The person's next planned meetings in their active relationships, earliest first. */
export async function listNextMeetings(db: Db, m: Member) {
  return db
    .select({
      id: meeting.id,
      relationshipId: meeting.relationshipId,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      timeZone: meeting.timeZone,
      place: meeting.place,
      videoUrl: meeting.videoUrl,
      programmeName: programme.name,
    })
    .from(meeting)
    .innerJoin(relationship, eq(relationship.id, meeting.relationshipId))
    .innerJoin(programme, eq(programme.id, relationship.programmeId))
    .where(
      and(
        myRelationships(db, m),
        eq(relationship.status, 'active'),
        eq(meeting.organisationId, m.organisationId),
        eq(meeting.status, 'planned'),
        gt(meeting.startsAt, m.now),
      ),
    )
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .limit(MEETING_LIMIT);
}

/**
 * Agreements to confirm: in each of the person's active relationships, the newest version of the
 * agreement when the person has not confirmed it (yet). Newest first.
 */
export async function listAgreementsToConfirm(db: Db, m: Member) {
  const newer = alias(relationshipAgreement, 'newer');
  return db
    .select({
      id: relationshipAgreement.id,
      relationshipId: relationshipAgreement.relationshipId,
      version: relationshipAgreement.version,
      proposedBy: relationshipAgreement.proposedBy,
      createdAt: relationshipAgreement.createdAt,
      programmeName: programme.name,
    })
    .from(relationshipAgreement)
    .innerJoin(relationship, eq(relationship.id, relationshipAgreement.relationshipId))
    .innerJoin(programme, eq(programme.id, relationship.programmeId))
    .where(
      and(
        myRelationships(db, m),
        eq(relationship.status, 'active'),
        eq(relationshipAgreement.organisationId, m.organisationId),
        notExists(
          db
            .select({ one: sql`1` })
            .from(newer)
            .where(
              and(
                eq(newer.relationshipId, relationshipAgreement.relationshipId),
                gt(newer.version, relationshipAgreement.version),
              ),
            ),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(agreementConfirmation)
            .where(
              and(
                eq(agreementConfirmation.agreementId, relationshipAgreement.id),
                eq(agreementConfirmation.personId, m.personId),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(relationshipAgreement.createdAt), desc(relationshipAgreement.id))
    .limit(LIST_LIMIT);
}

/**
 * Everyone still in the given relationships (the mentor and the mentees who have not left),
 * with their names: two statements whatever the number of relationships.
 */
export async function findParticipants(db: Db, relationshipIds: string[]) {
  if (relationshipIds.length === 0) return [];
  const names = {
    personId: person.id,
    givenName: person.givenName,
    familyName: person.familyName,
    preferredName: person.preferredName,
  };
  const [mentors, mentees] = await Promise.all([
    db
      .select({ relationshipId: relationship.id, ...names })
      .from(relationship)
      .innerJoin(person, eq(person.id, relationship.mentorId))
      .where(inArray(relationship.id, relationshipIds)),
    db
      .select({ relationshipId: relationshipMentee.relationshipId, ...names })
      .from(relationshipMentee)
      .innerJoin(person, eq(person.id, relationshipMentee.menteeId))
      .where(
        and(
          inArray(relationshipMentee.relationshipId, relationshipIds),
          isNull(relationshipMentee.leftAt),
        ),
      )
      .orderBy(asc(relationshipMentee.joinedAt)),
  ]);
  return [...mentors, ...mentees];
}
