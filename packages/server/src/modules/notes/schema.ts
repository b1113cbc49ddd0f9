import { z } from 'zod';
import { IdParams } from '../../http/schemas.js';

export const NoteVisibility = z
  .enum(['shared', 'private'])
  .describe('shared: every participant reads it; private: only its author, ever');

export const NoteParams = IdParams.extend({ noteId: z.uuid() });

export const NoteBody = z.object({
  visibility: NoteVisibility,
  body: z.string().trim().min(1).max(10_000),
});

export const NotePatch = z.object({
  visibility: NoteVisibility.optional(),
  body: z.string().trim().min(1).max(10_000).optional(),
});

export const Note = z.object({
  id: z.string(),
  visibility: NoteVisibility,
  body: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  isMine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof Note>;

export const NoteList = z.object({ items: z.array(Note), canWrite: z.boolean() });
