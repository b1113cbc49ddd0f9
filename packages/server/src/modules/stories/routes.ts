import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import {
  CreateStoryRequest,
  FeedQuery,
  MentionAnswerRequest,
  ProgrammeStories,
  ProgrammeStoryParams,
  ReviewStoryRequest,
  Story,
  StoryList,
  StoryOptions,
  StoryPage,
  StoryParams,
  StoryPhotoRequest,
  UpdateStoryRequest,
} from './schema.js';
import * as service from './service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const tags = ['stories'];

/** Stories: what mentoring brought a participant, published after the manager's approval. */
export const storyRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): service.Deps => ({
    db: app.database.db,
    mailer: app.mailer,
    baseUrl: app.config.baseUrl,
    now: app.clock,
  });

  app.get(
    '/api/stories/mine',
    {
      schema: {
        tags,
        summary: 'My stories, each with its status, the review message and the named people',
        response: { 200: StoryList, ...errors },
      },
    },
    async (request) => service.listMine(deps(), requireActor(request)),
  );

  app.get(
    '/api/stories/mentions',
    {
      schema: {
        tags,
        summary: 'Stories that name me and ask (or asked) my approval',
        response: { 200: StoryList, ...errors },
      },
    },
    async (request) => service.listAskingMe(deps(), requireActor(request)),
  );

  app.get(
    '/api/stories/feed',
    {
      schema: {
        tags,
        summary:
          "Published stories of my audiences (the organisation's, and my programmes'), newest first",
        querystring: FeedQuery,
        response: { 200: StoryPage, ...errors },
      },
    },
    async (request) => service.listFeed(deps(), requireActor(request), request.query),
  );

  app.get(
    '/api/stories/options',
    {
      schema: {
        tags,
        summary: 'The programmes I may write a story for, and whom a story there may name',
        response: { 200: StoryOptions, ...errors },
      },
    },
    async (request) => service.storyOptions(deps(), requireActor(request)),
  );

  app.post(
    '/api/stories',
    {
      schema: {
        tags,
        summary: 'Start a story (a draft) for a programme I take part in',
        body: CreateStoryRequest,
        response: { 201: Story, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createStory(deps(), requireActor(request), request.body)),
  );

  app.get(
    '/api/stories/:storyId',
    {
      schema: {
        tags,
        summary: 'A story (its author, managers, the people it names, its audience once published)',
        params: StoryParams,
        response: { 200: Story, ...errors },
      },
    },
    async (request) => service.getStory(deps(), requireActor(request), request.params.storyId),
  );

  app.patch(
    '/api/stories/:storyId',
    {
      schema: {
        tags,
        summary:
          'Change my story; a sent or published one goes back for approval, and the people named are asked again',
        params: StoryParams,
        body: UpdateStoryRequest,
        response: { 200: Story, ...errors },
      },
    },
    async (request) =>
      service.updateStory(deps(), requireActor(request), request.params.storyId, request.body),
  );

  app.delete(
    '/api/stories/:storyId',
    {
      schema: {
        tags,
        summary: 'Delete my story (a draft or a withdrawn one)',
        params: StoryParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteStory(deps(), requireActor(request), request.params.storyId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/stories/:storyId/photo',
    {
      // After the app's hook (`no-store` on every API answer): the photo is for the caller alone,
      // so no shared cache on the way may keep it either.
      onSend: async (_request, reply, payload) => {
        if (reply.statusCode === 200) reply.header('cache-control', 'private, no-store');
        return payload;
      },
      schema: {
        tags,
        summary: "The story's photo (JPEG), to whoever may read the story",
        params: StoryParams,
        response: {
          200: z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('image/jpeg'),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const photo = await service.readPhoto(deps(), requireActor(request), request.params.storyId);
      return reply.type('image/jpeg').send(photo);
    },
  );

  app.put(
    '/api/stories/:storyId/photo',
    {
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Set the photo of my story: resized to fit 1200×1200, JPEG, all metadata (location too) removed',
        params: StoryParams,
        body: StoryPhotoRequest,
        response: { 200: Story, ...errors },
      },
    },
    async (request) =>
      service.setPhoto(deps(), requireActor(request), request.params.storyId, request.body),
  );

  app.delete(
    '/api/stories/:storyId/photo',
    {
      schema: {
        tags,
        summary: 'Remove the photo of my story',
        params: StoryParams,
        response: { 200: Story, ...errors },
      },
    },
    async (request) => service.removePhoto(deps(), requireActor(request), request.params.storyId),
  );

  app.post(
    '/api/stories/:storyId/submit',
    {
      schema: {
        tags,
        summary: "Send my story for the programme manager's approval; the people named are asked",
        params: StoryParams,
        response: { 200: Story, ...errors },
      },
    },
    async (request) => service.submitStory(deps(), requireActor(request), request.params.storyId),
  );

  app.post(
    '/api/stories/:storyId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw my story: it disappears everywhere at once',
        params: StoryParams,
        response: { 200: Story, ...errors },
      },
    },
    async (request) => service.withdrawStory(deps(), requireActor(request), request.params.storyId),
  );

  app.post(
    '/api/stories/:storyId/review',
    {
      schema: {
        tags,
        summary: 'Approve a story, ask for a change or decline it, with a message (managers)',
        params: StoryParams,
        body: ReviewStoryRequest,
        response: { 200: Story, ...errors },
      },
    },
    async (request) =>
      service.reviewStory(deps(), requireActor(request), request.params.storyId, request.body),
  );

  app.post(
    '/api/stories/:storyId/mention',
    {
      schema: {
        tags,
        summary: 'Agree (or not) to be named in a story',
        params: StoryParams,
        body: MentionAnswerRequest,
        response: { 200: Story, ...errors },
      },
    },
    async (request) =>
      service.answerMention(
        deps(),
        requireActor(request),
        request.params.storyId,
        request.body.approve,
      ),
  );

  app.get(
    '/api/programmes/:programmeId/stories',
    {
      schema: {
        tags,
        summary: "A programme's published stories that I may read",
        params: ProgrammeStoryParams,
        response: { 200: ProgrammeStories, ...errors },
      },
    },
    async (request) =>
      service.listOfProgramme(deps(), requireActor(request), request.params.programmeId),
  );

  app.get(
    '/api/programmes/:programmeId/stories/review',
    {
      schema: {
        tags,
        summary: "A programme's stories waiting for approval (managers)",
        params: ProgrammeStoryParams,
        response: { 200: StoryList, ...errors },
      },
    },
    async (request) =>
      service.listReviewQueue(deps(), requireActor(request), request.params.programmeId),
  );
};
