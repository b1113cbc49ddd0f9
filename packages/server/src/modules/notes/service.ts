import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import { recordAudit } from '../audit/repository.js';
import { displayName } from '../people/display-name.js';
import { findNameParts } from '../agreements/repository.js';
import { requireOpen } from '../agreements/deps.js';
import { isOpen, requireParticipant, type RelationshipAccess } from '../relationships/access.js';
import * as repo from './repository.js';
import type { Note } from './schema.js';

export interface NotesDeps {
  db: Db;
  now: () => Date;
}

async function describeNotes(
  db: Db,
  access: RelationshipAccess,
  rows: repo.NoteRow[],
): Promise<Note[]> {
  const names = new Map(access.participants.map((p) => [p.personId, p.name]));
  const missing = [...new Set(rows.map((r) => r.authorPersonId))].filter((id) => !names.has(id));
  for (const row of await findNameParts(db, access.relationship.organisationId, missing)) {
    names.set(row.id, displayName(row));
  }
  return rows.map((r) => ({
    id: r.id,
    visibility: r.visibility,
    body: r.body,
    author: { id: r.authorPersonId, name: names.get(r.authorPersonId) ?? '' },
    isMine: r.authorPersonId === access.me.personId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/**
 * The notes a participant may read: the shared ones, and their own private ones. Nobody else —
 * not the other side, a programme manager or an admin — ever gets a private note: the
 * relationship's door lets participants only, and the query itself filters on the author.
 */
export async function listNotes(deps: NotesDeps, actor: Actor, relationshipId: string) {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  const rows = await repo.listReadableNotes(
    deps.db,
    access.relationship.organisationId,
    relationshipId,
    access.me.personId,
  );
  return { items: await describeNotes(deps.db, access, rows), canWrite: isOpen(access) };
}

export async function addNote(
  deps: NotesDeps,
  actor: Actor,
  relationshipId: string,
  input: { visibility: 'shared' | 'private'; body: string },
): Promise<Note> {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  requireOpen(access);
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const note = await repo.insertNote(tx, {
      relationshipId,
      organisationId: access.relationship.organisationId,
      authorPersonId: access.me.personId,
      visibility: input.visibility,
      body: input.body,
      createdAt: now,
      updatedAt: now,
    });
    // That a shared note was written may be recorded (never its text); of a private note, not
    // even that.
    if (note.visibility === 'shared') {
      await recordAudit(tx, {
        organisationId: access.relationship.organisationId,
        actorUserId: actor.userId,
        action: 'note.shared_written',
        subjectType: 'relationship',
        subjectId: relationshipId,
      });
    }
    return note;
  });
  const [note] = await describeNotes(deps.db, access, [row]);
  return note!;
}

/** The caller's own note; someone else's private note is not found, as if it did not exist. */
async function requireOwnNote(
  deps: NotesDeps,
  access: RelationshipAccess,
  noteId: string,
): Promise<repo.NoteRow> {
  const row = await repo.findReadableNote(
    deps.db,
    access.relationship.organisationId,
    access.relationship.id,
    noteId,
    access.me.personId,
  );
  if (!row) throw notFound('note');
  if (row.authorPersonId !== access.me.personId) {
    throw new AppError('forbidden', message('onlyAuthorChanges'));
  }
  return row;
}

/** The author changes their note's text or who reads it (also after the relationship ended). */
export async function changeNote(
  deps: NotesDeps,
  actor: Actor,
  relationshipId: string,
  noteId: string,
  input: { visibility?: 'shared' | 'private'; body?: string },
): Promise<Note> {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  const current = await requireOwnNote(deps, access, noteId);
  const row =
    input.body === undefined && input.visibility === undefined
      ? current
      : await repo.updateNote(deps.db, noteId, access.me.personId, {
          ...(input.body === undefined ? {} : { body: input.body }),
          ...(input.visibility === undefined ? {} : { visibility: input.visibility }),
          updatedAt: deps.now(),
        });
  if (!row) throw notFound('note');
  const [note] = await describeNotes(deps.db, access, [row]);
  return note!;
}

/** The author deletes their note (also after the relationship ended: it is their text). */
export async function deleteNote(
  deps: NotesDeps,
  actor: Actor,
  relationshipId: string,
  noteId: string,
): Promise<void> {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  await requireOwnNote(deps, access, noteId);
  await repo.deleteNote(deps.db, noteId, access.me.personId);
}
