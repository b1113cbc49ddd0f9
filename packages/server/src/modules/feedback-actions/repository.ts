import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enrolment, feedbackAction, person, programmeChange } from '../../db/schema.js';

export type FeedbackActionRow = typeof feedbackAction.$inferSelect;

export interface ListedAction extends FeedbackActionRow {
  changeCreatedAt: Date | null;
  changeFields: string[] | null;
}

export async function insertAction(
  db: Db,
  values: typeof feedbackAction.$inferInsert,
): Promise<FeedbackActionRow> {
  const [row] = await db.insert(feedbackAction).values(values).returning();
  return row!;
}

export async function updateAction(
  db: Db,
  programmeId: string,
  id: string,
  values: Partial<typeof feedbackAction.$inferInsert>,
): Promise<void> {
  await db
    .update(feedbackAction)
    .set(values)
    .where(and(eq(feedbackAction.programmeId, programmeId), eq(feedbackAction.id, id)));
}

export async function deleteAction(db: Db, programmeId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(feedbackAction)
    .where(and(eq(feedbackAction.programmeId, programmeId), eq(feedbackAction.id, id)))
    .returning({ id: feedbackAction.id });
  return deleted.length > 0;
}

const listed = {
  action: feedbackAction,
  changeCreatedAt: programmeChange.createdAt,
  changeFields: sql<string[] | null>`(select coalesce(jsonb_agg(k order by k), '[]'::jsonb)
    from jsonb_object_keys(${programmeChange.changes}) k)`,
};

const toListed = (r: {
  action: FeedbackActionRow;
  changeCreatedAt: Date | null;
  changeFields: string[] | null;
}): ListedAction => ({
  ...r.action,
  changeCreatedAt: r.changeCreatedAt,
  changeFields: r.action.programmeChangeId ? (r.changeFields ?? []) : null,
});

export async function findAction(
  db: Db,
  programmeId: string,
  id: string,
): Promise<ListedAction | null> {
  const [row] = await db
    .select(listed)
    .from(feedbackAction)
    .leftJoin(programmeChange, eq(programmeChange.id, feedbackAction.programmeChangeId))
    .where(and(eq(feedbackAction.programmeId, programmeId), eq(feedbackAction.id, id)));
  return row ? toListed(row) : null;
}

/** A programme's actions, newest first, one page with the total, each with its linked change. */
export async function listActions(
  db: Db,
  programmeId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: ListedAction[]; total: number }> {
  const rows = await db
    .select({ ...listed, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(feedbackAction)
    .leftJoin(programmeChange, eq(programmeChange.id, feedbackAction.programmeChangeId))
    .where(eq(feedbackAction.programmeId, programmeId))
    .orderBy(desc(feedbackAction.createdAt), desc(feedbackAction.id))
    .limit(page.limit)
    .offset(page.offset);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(feedbackAction)
      .where(eq(feedbackAction.programmeId, programmeId));
    total = counted?.n ?? 0;
  }
  return { rows: rows.map(toListed), total };
}

/** Whether the change belongs to the programme. */
export async function isChangeOfProgramme(
  db: Db,
  programmeId: string,
  changeId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: programmeChange.id })
    .from(programmeChange)
    .where(and(eq(programmeChange.programmeId, programmeId), eq(programmeChange.id, changeId)));
  return row !== undefined;
}

/** The people actively enrolled in the programme (active people only), in one statement. */
export async function listActiveParticipants(db: Db, programmeId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: enrolment.personId })
    .from(enrolment)
    .innerJoin(person, eq(person.id, enrolment.personId))
    .where(
      and(
        eq(enrolment.programmeId, programmeId),
        eq(enrolment.isActive, true),
        eq(person.isActive, true),
      ),
    );
  return rows.map((r) => r.personId);
}

export async function countActiveParticipants(db: Db, programmeId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${enrolment.personId})`.mapWith(Number) })
    .from(enrolment)
    .innerJoin(person, eq(person.id, enrolment.personId))
    .where(
      and(
        eq(enrolment.programmeId, programmeId),
        eq(enrolment.isActive, true),
        eq(person.isActive, true),
      ),
    );
  return row?.n ?? 0;
}

/** For the change log: which action (the newest) links to each change of the programme. */
export async function actionsByChange(db: Db, programmeId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ changeId: feedbackAction.programmeChangeId, id: feedbackAction.id })
    .from(feedbackAction)
    .where(
      and(
        eq(feedbackAction.programmeId, programmeId),
        sql`${feedbackAction.programmeChangeId} is not null`,
      ),
    )
    .orderBy(feedbackAction.createdAt);
  return new Map(rows.map((r) => [r.changeId!, r.id]));
}
