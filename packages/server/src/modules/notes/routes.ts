import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import { Note, NoteBody, NoteList, NoteParams, NotePatch } from './schema.js';
import * as service from './service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  422: ErrorResponse,
};
const tags = ['relationships'];

/** Shared notes and private notes (their author's alone) in a relationship. */
export const noteRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): service.NotesDeps => ({ db: app.database.db, now: app.clock });

  app.get(
    '/api/relationships/:id/notes',
    {
      schema: {
        tags,
        summary: 'Notes I may read: the shared ones and my own private ones',
        params: IdParams,
        response: { 200: NoteList, ...errors },
      },
    },
    async (request) => service.listNotes(deps(), requireActor(request), request.params.id),
  );

  app.post(
    '/api/relationships/:id/notes',
    {
      schema: {
        tags,
        summary: 'Write a note: shared with the others, or private (only you can ever read it)',
        params: IdParams,
        body: NoteBody,
        response: { 201: Note, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addNote(deps(), requireActor(request), request.params.id, request.body),
        ),
  );

  app.patch(
    '/api/relationships/:id/notes/:noteId',
    {
      schema: {
        tags,
        summary: 'Change a note you wrote',
        params: NoteParams,
        body: NotePatch,
        response: { 200: Note, ...errors },
      },
    },
    async (request) =>
      service.changeNote(
        deps(),
        requireActor(request),
        request.params.id,
        request.params.noteId,
        request.body,
      ),
  );

  app.delete(
    '/api/relationships/:id/notes/:noteId',
    {
      schema: {
        tags,
        summary: 'Delete a note you wrote',
        params: NoteParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteNote(
        deps(),
        requireActor(request),
        request.params.id,
        request.params.noteId,
      );
      return reply.status(204).send(null);
    },
  );
};
