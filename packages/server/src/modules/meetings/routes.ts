import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { notFound } from '../../errors.js';
import { ErrorResponse, IdParams } from '../../http/schemas.js';
import { schemaMessage } from '../../i18n/messages.js';
import { requestLocale } from '../../i18n/request-locale.js';
import { isTimeZone } from './ical.js';
import * as service from './service.js';

const MeetingParams = z.object({ id: z.uuid(), meetingId: z.uuid() });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, schemaMessage('atMostCharacters'))
    .nullable()
    .transform((value) => (value ? value : null));

/** A meeting as its participants plan it: the local date and time in a named time zone. */
const MeetingFields = z.object({
  date: z.iso.date(schemaMessage('isoDate')).describe('Local date in the time zone, YYYY-MM-DD'),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, schemaMessage('timeOfDay'))
    .describe('Local start time in the time zone, HH:MM'),
  timeZone: z
    .string()
    .max(100)
    .refine(isTimeZone, schemaMessage('unknownTimeZone'))
    .describe('IANA time zone, e.g. Europe/Amsterdam'),
  durationMinutes: z.number().int().min(15, schemaMessage('from')).max(480, schemaMessage('to')),
  place: optionalText(200),
  videoUrl: z
    .url({ protocol: /^https$/, error: schemaMessage('httpsLink') })
    .max(500, schemaMessage('atMostCharacters'))
    .nullable()
    .describe('A https link to the video call'),
  agenda: z.string().trim().max(4000, schemaMessage('atMostCharacters')),
});

const PlanBody = MeetingFields.extend({
  place: MeetingFields.shape.place.default(null),
  videoUrl: MeetingFields.shape.videoUrl.default(null),
  agenda: MeetingFields.shape.agenda.default(''),
});

const ChangeBody = MeetingFields.partial();

const OutcomeBody = z.object({
  outcome: z.enum(['held', 'not_held']),
  notes: optionalText(4000).default(null).describe('Shared notes: every participant reads them'),
});

const PersonRef = z.object({ id: z.string(), name: z.string() });

const Meeting = z.object({
  id: z.string(),
  startsAt: z.string().describe('UTC instant'),
  endsAt: z.string(),
  date: z.string().describe('Local date in the meeting’s time zone'),
  time: z.string().describe('Local start time in the meeting’s time zone'),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  agenda: z.string(),
  status: z.enum(['planned', 'cancelled']),
  sequence: z.number().int().describe('iCalendar SEQUENCE: raised on every change'),
  outcome: z.enum(['held', 'not_held']).nullable(),
  outcomeNotes: z.string().nullable(),
  outcomeBy: PersonRef.nullable(),
  outcomeAt: z.string().nullable(),
  createdBy: PersonRef,
  createdAt: z.string(),
  hasStarted: z.boolean(),
  canChange: z.boolean().describe('Planned, not started, and the relationship runs'),
  canLogOutcome: z.boolean().describe('Planned and started: say whether it happened'),
});

const MeetingList = z.object({
  upcoming: z
    .array(Meeting)
    .describe('Meetings that have not started, soonest first (at most 100)'),
  past: z.array(Meeting).describe('Meetings that have started, newest first (at most 100)'),
  pastTotal: z.number().int(),
  canPlan: z.boolean(),
});

const CalendarFeed = z.object({
  exists: z.boolean(),
  createdAt: z.string().nullable(),
});

const CreatedFeed = z.object({
  url: z.string().describe('The secret address: shown only now, Klik keeps only its hash'),
  createdAt: z.string(),
});

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

/** `<token>.ics`: the token is base64url. */
const FEED_FILE = /^([A-Za-z0-9_-]{20,100})\.ics$/;

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): service.Deps => ({
    db: app.database.db,
    mailer: app.mailer,
    baseUrl: app.config.baseUrl,
    now: app.clock,
  });

  app.get(
    '/api/relationships/:id/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The meetings of a relationship: upcoming and past (participants only)',
        params: IdParams,
        response: { 200: MeetingList, ...errors },
      },
    },
    async (request) => service.listMeetings(deps(), requireActor(request), request.params.id),
  );

  app.post(
    '/api/relationships/:id/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Plan a meeting: the other participants get an invitation by mail with an iCalendar file',
        params: IdParams,
        body: PlanBody,
        response: { 201: Meeting, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.planMeeting(deps(), requireActor(request), request.params.id, request.body),
        ),
  );

  app.patch(
    '/api/relationships/:id/meetings/:meetingId',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Change a planned meeting (SEQUENCE is raised; the others get the new version)',
        params: MeetingParams,
        body: ChangeBody,
        response: { 200: Meeting, ...errors },
      },
    },
    async (request) =>
      service.changeMeeting(
        deps(),
        requireActor(request),
        request.params.id,
        request.params.meetingId,
        request.body,
      ),
  );

  app.post(
    '/api/relationships/:id/meetings/:meetingId/cancel',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Cancel a planned meeting: the others get a cancellation (METHOD:CANCEL)',
        params: MeetingParams,
        response: { 200: Meeting, ...errors },
      },
    },
    async (request) =>
      service.cancelMeeting(
        deps(),
        requireActor(request),
        request.params.id,
        request.params.meetingId,
      ),
  );

  app.post(
    '/api/relationships/:id/meetings/:meetingId/outcome',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Say whether a meeting that has started took place, with optional shared notes',
        params: MeetingParams,
        body: OutcomeBody,
        response: { 200: Meeting, ...errors },
      },
    },
    async (request) =>
      service.logOutcome(
        deps(),
        requireActor(request),
        request.params.id,
        request.params.meetingId,
        request.body,
      ),
  );

  app.get(
    '/api/relationships/:id/meetings/:meetingId/ics',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Download the meeting as an iCalendar (.ics) file',
        params: MeetingParams,
        response: { 200: z.string().describe('text/calendar'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await service.meetingIcs(
        deps(),
        requireActor(request),
        request.params.id,
        request.params.meetingId,
        requestLocale(request),
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );

  app.get(
    '/api/calendar-feed',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Whether I have a personal calendar feed (its address is never shown again)',
        response: { 200: CalendarFeed, ...errors },
      },
    },
    async (request) => service.getCalendarFeed(deps(), requireActor(request)),
  );

  app.post(
    '/api/calendar-feed',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Create my calendar feed, or replace its address (the old one stops working); the secret address is returned once',
        response: { 201: CreatedFeed, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCalendarFeed(deps(), requireActor(request))),
  );

  app.delete(
    '/api/calendar-feed',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Revoke my calendar feed: its address stops working',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.revokeCalendarFeed(deps(), requireActor(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/calendar/:file',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'A personal calendar feed (no session: the secret address is the key) for Outlook, Google or Apple Calendar to subscribe to',
        params: z.object({ file: z.string().max(200).describe('<token>.ics') }),
        response: { 200: z.string().describe('text/calendar'), 404: ErrorResponse },
        security: [],
      },
    },
    async (request, reply) => {
      const token = FEED_FILE.exec(request.params.file)?.[1];
      const calendar = token ? await service.renderCalendarFeed(deps(), token) : null;
      if (calendar === null) throw notFound('calendarFeed');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline; filename="klik.ics"')
        .header('x-robots-tag', 'noindex')
        .send(calendar);
    },
  );
};
