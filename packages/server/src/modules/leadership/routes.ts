import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import {
  InvitationStatus,
  InvitationsSent,
  MyLeadership,
  MyLeadershipRequest,
  ProgrammeLeaders,
  ProgrammeParams,
  SetSponsorsRequest,
} from './schema.js';
import * as service from './service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  422: ErrorResponse,
};
const tags = ['programmes'];

/** Sponsors and leaders on the programme page and in the invitation to enrol (issue 11, rule 1). */
export const leadershipRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): service.Deps => ({
    db: app.database.db,
    mailer: app.mailer,
    baseUrl: app.config.baseUrl,
    now: app.clock,
  });

  app.get(
    '/api/programmes/:programmeId/leaders',
    {
      schema: {
        tags,
        summary:
          "A programme's sponsors, and the leaders taking part who consented to be shown (whoever may see the programme)",
        params: ProgrammeParams,
        response: { 200: ProgrammeLeaders, ...errors },
      },
    },
    async (request) =>
      service.getLeaders(deps(), requireActor(request), request.params.programmeId),
  );

  app.put(
    '/api/programmes/:programmeId/sponsors',
    {
      schema: {
        tags,
        summary: "Replace a programme's sponsors (managers)",
        params: ProgrammeParams,
        body: SetSponsorsRequest,
        response: { 200: ProgrammeLeaders, ...errors },
      },
    },
    async (request) =>
      service.setSponsors(deps(), requireActor(request), request.params.programmeId, request.body),
  );

  app.get(
    '/api/programmes/:programmeId/my-leadership',
    {
      schema: {
        tags,
        summary: 'Whether the caller is a leader and shown on the programme page, with their line',
        params: ProgrammeParams,
        response: { 200: MyLeadership, ...errors },
      },
    },
    async (request) =>
      service.getMyLeadership(deps(), requireActor(request), request.params.programmeId),
  );

  app.put(
    '/api/programmes/:programmeId/my-leadership',
    {
      schema: {
        tags,
        summary:
          "A leader's consent to be shown on the programme page and in invitations, with their line (enrolled leaders)",
        params: ProgrammeParams,
        body: MyLeadershipRequest,
        response: { 200: MyLeadership, ...errors },
      },
    },
    async (request) =>
      service.setMyLeadership(
        deps(),
        requireActor(request),
        request.params.programmeId,
        request.body,
      ),
  );

  app.get(
    '/api/programmes/:programmeId/invitations',
    {
      schema: {
        tags,
        summary:
          'How many people were invited to enrol, and how many an invitation would reach now (managers)',
        params: ProgrammeParams,
        response: { 200: InvitationStatus, ...errors },
      },
    },
    async (request) =>
      service.getInvitationStatus(deps(), requireActor(request), request.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/invitations',
    {
      schema: {
        tags,
        summary:
          'Invite the audience to enrol: each eligible person not enrolled nor invited yet, once (managers)',
        params: ProgrammeParams,
        response: { 200: InvitationsSent, ...errors },
      },
    },
    async (request) =>
      service.inviteAudience(deps(), requireActor(request), request.params.programmeId),
  );
};
