import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { outcomeSurvey, programme, relationship, skillRating } from '../../db/schema.js';

export type SurveyRow = typeof outcomeSurvey.$inferSelect;
export type Closing = 'ended' | 'left' | 'completed';

/** Opens surveys; a person's survey for a relationship exists once, so repeats insert nothing. */
export async function insertSurveys(
  db: Db,
  rows: (typeof outcomeSurvey.$inferInsert)[],
): Promise<SurveyRow[]> {
  if (rows.length === 0) return [];
  return db.insert(outcomeSurvey).values(rows).onConflictDoNothing().returning();
}

export async function findProgrammeName(db: Db, programmeId: string): Promise<string> {
  const [row] = await db
    .select({ name: programme.name })
    .from(programme)
    .where(eq(programme.id, programmeId));
  return row?.name ?? '';
}

/** The person's own survey in their organisation, or nothing (anyone else's is not there). */
export async function findOwnSurvey(
  db: Db,
  owner: { organisationId: string; personId: string },
  surveyId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select({ survey: outcomeSurvey, programmeName: programme.name, relationship })
    .from(outcomeSurvey)
    .innerJoin(programme, eq(programme.id, outcomeSurvey.programmeId))
    .innerJoin(relationship, eq(relationship.id, outcomeSurvey.relationshipId))
    .where(
      and(
        eq(outcomeSurvey.id, surveyId),
        eq(outcomeSurvey.organisationId, owner.organisationId),
        eq(outcomeSurvey.personId, owner.personId),
      ),
    );
  const [row] = options.lock ? await query.for('update', { of: outcomeSurvey }) : await query;
  return row ?? null;
}

/** The person's surveys, open ones first, then newest first. */
export async function listOwnSurveys(
  db: Db,
  owner: { organisationId: string; personId: string },
  page: { limit: number; offset: number },
) {
  const where = and(
    eq(outcomeSurvey.organisationId, owner.organisationId),
    eq(outcomeSurvey.personId, owner.personId),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ survey: outcomeSurvey, programmeName: programme.name, relationship })
      .from(outcomeSurvey)
      .innerJoin(programme, eq(programme.id, outcomeSurvey.programmeId))
      .innerJoin(relationship, eq(relationship.id, outcomeSurvey.relationshipId))
      .where(where)
      .orderBy(
        sql`${outcomeSurvey.answeredAt} is not null`,
        desc(outcomeSurvey.sentAt),
        desc(outcomeSurvey.id),
      )
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(outcomeSurvey).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * The person's surveys still to answer, newest first, with how many there are in all (a window
 * count: one statement, for the home page's list and count).
 */
export async function listOpenSurveys(
  db: Db,
  owner: { organisationId: string; personId: string },
  limit: number,
) {
  const rows = await db
    .select({
      survey: outcomeSurvey,
      programmeName: programme.name,
      relationship,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(outcomeSurvey)
    .innerJoin(programme, eq(programme.id, outcomeSurvey.programmeId))
    .innerJoin(relationship, eq(relationship.id, outcomeSurvey.relationshipId))
    .where(
      and(
        eq(outcomeSurvey.organisationId, owner.organisationId),
        eq(outcomeSurvey.personId, owner.personId),
        isNull(outcomeSurvey.answeredAt),
      ),
    )
    .orderBy(desc(outcomeSurvey.sentAt), desc(outcomeSurvey.id))
    .limit(limit);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Records the answers once: nothing is written when the survey was answered already. */
export async function recordAnswers(
  db: Db,
  surveyId: string,
  values: Pick<
    typeof outcomeSurvey.$inferInsert,
    | 'answeredAt'
    | 'learnedSkills'
    | 'skillsLearned'
    | 'careerSteps'
    | 'inspired'
    | 'recommend'
    | 'otherGave'
    | 'comment'
  >,
): Promise<boolean> {
  const rows = await db
    .update(outcomeSurvey)
    .set(values)
    .where(and(eq(outcomeSurvey.id, surveyId), isNull(outcomeSurvey.answeredAt)))
    .returning({ id: outcomeSurvey.id });
  return rows.length > 0;
}

/** Marks the reminder sent, once: only an unanswered survey not reminded before is returned. */
export async function claimReminder(db: Db, surveyId: string, at: Date) {
  const [row] = await db
    .update(outcomeSurvey)
    .set({ remindedAt: at })
    .where(
      and(
        eq(outcomeSurvey.id, surveyId),
        isNull(outcomeSurvey.remindedAt),
        isNull(outcomeSurvey.answeredAt),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findRelationship(db: Db, relationshipId: string) {
  const [row] = await db.select().from(relationship).where(eq(relationship.id, relationshipId));
  return row ?? null;
}

/** The person's own self-ratings in a relationship. */
export async function listOwnRatings(db: Db, relationshipId: string, personId: string) {
  return db
    .select()
    .from(skillRating)
    .where(and(eq(skillRating.relationshipId, relationshipId), eq(skillRating.personId, personId)));
}
