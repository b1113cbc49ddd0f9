import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  notExists,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  enrolment,
  organisation,
  person,
  programmeInvitation,
  programmeSponsor,
  sensitiveAttributes,
  story,
} from '../../db/schema.js';

/**
 * Whether the person in `personId` is a leader of the organisation: they sponsor any of its
 * programmes, have people two or more levels below them, or are marked as leadership. The one
 * definition every query of this module uses.
 */
export function isLeaderCondition(personId: AnyPgColumn | SQL, organisationId: string): SQL {
  return sql`(
    exists (select 1 from person lp
             where lp.id = ${personId} and lp.organisation_id = ${organisationId} and lp.is_leadership)
    or exists (select 1 from programme_sponsor ps
                 join programme pr on pr.id = ps.programme_id
                where ps.person_id = ${personId} and pr.organisation_id = ${organisationId})
    or exists (select 1 from reporting_line rl
                where rl.ancestor_id = ${personId} and rl.organisation_id = ${organisationId}
                  and rl.depth >= 2)
  )`;
}

export async function isLeader(db: Db, organisationId: string, personId: string): Promise<boolean> {
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(
      and(
        eq(person.id, personId),
        eq(person.organisationId, organisationId),
        isLeaderCondition(person.id, organisationId),
      ),
    );
  return rows.length > 0;
}

const nameColumns = {
  personId: person.id,
  givenName: person.givenName,
  familyName: person.familyName,
  preferredName: person.preferredName,
  jobTitle: person.jobTitle,
};

/** A programme's sponsors, and whether each takes part in it (an active enrolment). */
export async function listSponsors(db: Db, programmeId: string) {
  return db
    .select({
      ...nameColumns,
      takesPart: sql<boolean>`exists (select 1 from enrolment e
        where e.programme_id = ${programmeId} and e.person_id = ${person.id} and e.is_active)`,
    })
    .from(programmeSponsor)
    .innerJoin(person, eq(person.id, programmeSponsor.personId))
    .where(eq(programmeSponsor.programmeId, programmeId))
    .orderBy(asc(person.familyName), asc(person.givenName));
}

export async function listSponsorIds(db: Db, programmeId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: programmeSponsor.personId })
    .from(programmeSponsor)
    .where(eq(programmeSponsor.programmeId, programmeId));
  return rows.map((r) => r.personId);
}

/** The people of the organisation among `ids` (others are not found). */
export async function findPeople(db: Db, organisationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ ...nameColumns, isActive: person.isActive })
    .from(person)
    .where(and(eq(person.organisationId, organisationId), inArray(person.id, ids)));
}

/** Replaces a programme's sponsors; the caller owns the transaction. */
export async function replaceSponsors(
  db: Db,
  programmeId: string,
  organisationId: string,
  personIds: string[],
): Promise<void> {
  await db.delete(programmeSponsor).where(eq(programmeSponsor.programmeId, programmeId));
  if (personIds.length > 0) {
    await db
      .insert(programmeSponsor)
      .values(personIds.map((personId) => ({ programmeId, personId, organisationId })));
  }
}

/**
 * The leaders taking part in a programme who consented to be shown, with their own line:
 * an active enrolment with `leader_shown_at` set, an active person, and a leader today.
 */
export async function listShownLeaders(db: Db, programmeId: string, organisationId: string) {
  return db
    .select({ ...nameColumns, role: enrolment.role, line: enrolment.leaderLine })
    .from(enrolment)
    .innerJoin(person, eq(person.id, enrolment.personId))
    .where(
      and(
        eq(enrolment.programmeId, programmeId),
        eq(enrolment.isActive, true),
        isNotNull(enrolment.leaderShownAt),
        eq(person.isActive, true),
        isLeaderCondition(person.id, organisationId),
      ),
    )
    .orderBy(asc(person.familyName), asc(person.givenName));
}

/** The caller's active enrolment in the programme, with their consent. */
export async function findActiveEnrolment(db: Db, programmeId: string, personId: string) {
  const [row] = await db
    .select({
      id: enrolment.id,
      role: enrolment.role,
      leaderShownAt: enrolment.leaderShownAt,
      leaderLine: enrolment.leaderLine,
    })
    .from(enrolment)
    .where(
      and(
        eq(enrolment.programmeId, programmeId),
        eq(enrolment.personId, personId),
        eq(enrolment.isActive, true),
      ),
    );
  return row ?? null;
}

export async function setLeaderConsent(
  db: Db,
  enrolmentId: string,
  values: { leaderShownAt: Date | null; leaderLine: string | null },
): Promise<void> {
  await db
    .update(enrolment)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(enrolment.id, enrolmentId));
}

/**
 * Active people of the organisation who are neither enrolled (an active enrolment) nor invited
 * yet, with the facts that decide whether they belong to the programme's audience.
 */
export async function listInvitationCandidates(
  db: Db,
  programmeId: string,
  organisationId: string,
) {
  return db
    .select({
      personId: person.id,
      department: person.department,
      location: person.location,
      jobTitle: person.jobTitle,
      jobLevel: person.jobLevel,
      startDate: person.startDate,
      gender: sensitiveAttributes.gender,
      ageBand: sensitiveAttributes.ageBand,
      background: sensitiveAttributes.background,
      consentedAt: sensitiveAttributes.consentedAt,
      collectsSensitive: organisation.allowSensitiveAttributes,
    })
    .from(person)
    .innerJoin(organisation, eq(organisation.id, person.organisationId))
    .leftJoin(sensitiveAttributes, eq(sensitiveAttributes.personId, person.id))
    .where(
      and(
        eq(person.organisationId, organisationId),
        eq(person.isActive, true),
        notExists(
          db
            .select({ one: sql`1` })
            .from(enrolment)
            .where(
              and(
                eq(enrolment.programmeId, programmeId),
                eq(enrolment.personId, person.id),
                eq(enrolment.isActive, true),
              ),
            ),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(programmeInvitation)
            .where(
              and(
                eq(programmeInvitation.programmeId, programmeId),
                eq(programmeInvitation.personId, person.id),
              ),
            ),
        ),
      ),
    );
}

export type InvitationCandidate = Awaited<ReturnType<typeof listInvitationCandidates>>[number];

/** Records the invitations; returns the people not invited before (the others are skipped). */
export async function insertInvitations(
  db: Db,
  programmeId: string,
  organisationId: string,
  personIds: string[],
  sentByUserId: string,
  sentAt: Date,
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .insert(programmeInvitation)
    .values(
      personIds.map((personId) => ({
        programmeId,
        personId,
        organisationId,
        sentByUserId,
        sentAt,
      })),
    )
    .onConflictDoNothing()
    .returning({ personId: programmeInvitation.personId });
  return rows.map((r) => r.personId);
}

export async function countInvitations(db: Db, programmeId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(programmeInvitation)
    .where(eq(programmeInvitation.programmeId, programmeId));
  return row?.n ?? 0;
}

/** The newest published stories of the programme meant for the whole organisation (no photo). */
export async function listOrganisationStories(db: Db, programmeId: string, limit: number) {
  return db
    .select({
      id: story.id,
      titleNl: story.titleNl,
      titleEn: story.titleEn,
      bodyNl: story.bodyNl,
      bodyEn: story.bodyEn,
    })
    .from(story)
    .where(
      and(
        eq(story.programmeId, programmeId),
        eq(story.status, 'published'),
        eq(story.audience, 'organisation'),
      ),
    )
    .orderBy(desc(story.publishedAt), desc(story.createdAt))
    .limit(limit);
}
