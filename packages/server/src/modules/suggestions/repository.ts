import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  enrolment,
  introduction,
  mentoringRequest,
  person,
  programme,
  relationship,
  relationshipMentee,
} from '../../db/schema.js';
import { poolFingerprint } from './pool.js';

function programmeForSuggestionsQuery(db: Db) {
  const programmeId = sql.placeholder('programmeId');
  const organisationId = sql.placeholder('organisationId');
  return db
    .select({ programme, enrolment, fingerprint: poolFingerprint(programmeId, organisationId) })
    .from(programme)
    .leftJoin(
      enrolment,
      and(
        eq(enrolment.programmeId, programme.id),
        eq(enrolment.personId, sql.placeholder('personId')),
      ),
    )
    .where(and(eq(programme.organisationId, organisationId), eq(programme.id, programmeId)))
    .prepare('klik_suggestions_programme');
}

/** Built once per database handle: the statement is the same on every request. */
const programmeForSuggestions = new WeakMap<Db, ReturnType<typeof programmeForSuggestionsQuery>>();

/**
 * The programme, the caller's enrolment in it and the fingerprint of its pool, in one statement.
 * It runs on every suggestions request, so it is prepared: drizzle builds it once, and PostgreSQL
 * plans it once per connection.
 */
export async function findProgrammeForSuggestions(
  db: Db,
  organisationId: string,
  programmeId: string,
  personId: string,
) {
  let query = programmeForSuggestions.get(db);
  if (!query) {
    query = programmeForSuggestionsQuery(db);
    programmeForSuggestions.set(db, query);
  }
  const [row] = await query.execute({ programmeId, organisationId, personId });
  return row ?? null;
}

export type ViewerFactKind =
  /** An active relationship with the caller as mentee: `id` is the relationship, `otherId` the mentor. */
  | 'mentor'
  /** A pending request the caller sent: `id` is the request, `otherId` the person asked. */
  | 'asked'
  /** A pending request (an offer) sent to the caller as mentee. */
  | 'offered'
  /** A request of the caller that the other side declined. */
  | 'declined_request'
  /** An introduction the other side declined. */
  | 'declined_introduction';

export interface ViewerFact {
  kind: ViewerFactKind;
  id: string;
  otherId: string;
  menteeId: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
}

/**
 * What the caller's suggestions depend on besides the pool, in one statement: their mentor in the
 * programme, their pending requests either way, and who declined them (a request or an
 * introduction) in this programme. Only rows the pool's fingerprint covers, so the answer can be
 * cached with the pool.
 */
export async function findViewerFacts(
  db: Db,
  organisationId: string,
  programmeId: string,
  personId: string,
): Promise<ViewerFact[]> {
  const kind = (k: ViewerFactKind) => sql<ViewerFactKind>`${k}::text`.as('kind');
  const names = {
    givenName: person.givenName,
    familyName: person.familyName,
    preferredName: person.preferredName,
  };
  const requests = (
    k: ViewerFactKind,
    other: typeof mentoringRequest.toPersonId | typeof mentoringRequest.fromPersonId,
    where: SQL,
  ) =>
    db
      .select({
        kind: kind(k),
        id: mentoringRequest.id,
        otherId: sql<string>`${other}`.as('other_id'),
        menteeId: mentoringRequest.menteeId,
        ...names,
      })
      .from(mentoringRequest)
      .innerJoin(person, eq(person.id, other))
      .where(
        and(
          eq(mentoringRequest.organisationId, organisationId),
          eq(mentoringRequest.programmeId, programmeId),
          where,
        ),
      );
  const otherOfIntroduction = sql<string>`case when ${introduction.menteeId} = ${personId} then ${introduction.mentorId} else ${introduction.menteeId} end`;
  const rows = await unionAll(
    db
      .select({
        kind: kind('mentor'),
        id: relationship.id,
        otherId: sql<string>`${relationship.mentorId}`.as('other_id'),
        menteeId: relationshipMentee.menteeId,
        ...names,
      })
      .from(relationship)
      .innerJoin(relationshipMentee, eq(relationshipMentee.relationshipId, relationship.id))
      .innerJoin(person, eq(person.id, relationship.mentorId))
      .where(
        and(
          eq(relationship.organisationId, organisationId),
          eq(relationship.programmeId, programmeId),
          eq(relationship.status, 'active'),
          eq(relationshipMentee.menteeId, personId),
          isNull(relationshipMentee.leftAt),
        ),
      ),
    requests(
      'asked',
      mentoringRequest.toPersonId,
      and(eq(mentoringRequest.fromPersonId, personId), eq(mentoringRequest.status, 'pending'))!,
    ),
    requests(
      'offered',
      mentoringRequest.fromPersonId,
      and(
        eq(mentoringRequest.toPersonId, personId),
        eq(mentoringRequest.menteeId, personId),
        eq(mentoringRequest.status, 'pending'),
      )!,
    ),
    requests(
      'declined_request',
      mentoringRequest.toPersonId,
      and(eq(mentoringRequest.fromPersonId, personId), eq(mentoringRequest.status, 'declined'))!,
    ),
    db
      .select({
        kind: kind('declined_introduction'),
        id: introduction.id,
        otherId: sql<string>`${otherOfIntroduction}`.as('other_id'),
        menteeId: introduction.menteeId,
        ...names,
      })
      .from(introduction)
      .innerJoin(person, eq(person.id, otherOfIntroduction))
      .where(
        and(
          eq(introduction.organisationId, organisationId),
          eq(introduction.programmeId, programmeId),
          or(
            and(eq(introduction.menteeId, personId), eq(introduction.mentorResponse, 'declined')),
            and(eq(introduction.mentorId, personId), eq(introduction.menteeResponse, 'declined')),
          ),
        ),
      ),
  );
  return rows;
}
