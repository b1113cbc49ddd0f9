import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { relationshipNote } from '../../db/schema.js';

export type NoteRow = typeof relationshipNote.$inferSelect;

/**
 * The one condition under which a note may be read: it is shared, or the reader wrote it. Every
 * query that reads notes goes through it, so a private note never reaches anyone but its author.
 */
const readableBy = (readerId: string) =>
  or(eq(relationshipNote.visibility, 'shared'), eq(relationshipNote.authorPersonId, readerId));

/** The notes of a relationship a participant may read: all shared ones and their own private ones. */
export async function listReadableNotes(
  db: Db,
  organisationId: string,
  relationshipId: string,
  readerId: string,
): Promise<NoteRow[]> {
  return db
    .select()
    .from(relationshipNote)
    .where(
      and(
        eq(relationshipNote.organisationId, organisationId),
        eq(relationshipNote.relationshipId, relationshipId),
        readableBy(readerId),
      ),
    )
    .orderBy(asc(relationshipNote.createdAt), asc(relationshipNote.id));
}

export async function findReadableNote(
  db: Db,
  organisationId: string,
  relationshipId: string,
  noteId: string,
  readerId: string,
): Promise<NoteRow | null> {
  const [row] = await db
    .select()
    .from(relationshipNote)
    .where(
      and(
        eq(relationshipNote.id, noteId),
        eq(relationshipNote.organisationId, organisationId),
        eq(relationshipNote.relationshipId, relationshipId),
        readableBy(readerId),
      ),
    );
  return row ?? null;
}

export async function insertNote(
  db: Db,
  values: typeof relationshipNote.$inferInsert,
): Promise<NoteRow> {
  const [row] = await db.insert(relationshipNote).values(values).returning();
  return row!;
}

/** Changes a note; the author is part of the condition, so nobody else's note can be touched. */
export async function updateNote(
  db: Db,
  noteId: string,
  authorPersonId: string,
  values: Partial<Pick<NoteRow, 'body' | 'visibility' | 'updatedAt'>>,
): Promise<NoteRow | null> {
  const [row] = await db
    .update(relationshipNote)
    .set(values)
    .where(
      and(eq(relationshipNote.id, noteId), eq(relationshipNote.authorPersonId, authorPersonId)),
    )
    .returning();
  return row ?? null;
}

export async function deleteNote(db: Db, noteId: string, authorPersonId: string): Promise<void> {
  await db
    .delete(relationshipNote)
    .where(
      and(eq(relationshipNote.id, noteId), eq(relationshipNote.authorPersonId, authorPersonId)),
    );
}
