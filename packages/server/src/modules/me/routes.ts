import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../auth/plugin.js';
import { organisation, user } from '../../db/schema.js';
import { toLocale } from '../../i18n/locale.js';
import { ErrorResponse } from '../../http/schemas.js';
import { MeResponse, UpdateMeRequest } from './schema.js';
import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';

async function describeMe(db: Db, actor: Actor): Promise<MeResponse> {
  let membership: MeResponse['membership'] = null;
  if (actor.member) {
    const [org] = await db
      .select({
        id: organisation.id,
        name: organisation.name,
        defaultLocale: organisation.defaultLocale,
      })
      .from(organisation)
      .where(eq(organisation.id, actor.member.organisationId));
    if (org) {
      membership = {
        personId: actor.member.personId,
        role: actor.member.role,
        organisation: { ...org, defaultLocale: toLocale(org.defaultLocale) },
      };
    }
  }
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      locale: actor.locale,
      isPlatformAdmin: actor.isPlatformAdmin,
    },
    membership,
  };
}

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me',
    {
      schema: {
        tags: ['me'],
        summary: 'The signed-in user, their organisation and role',
        response: { 200: MeResponse, 401: ErrorResponse },
      },
    },
    async (request) => describeMe(app.database.db, requireActor(request)),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Remember the interface language for this user',
        body: UpdateMeRequest,
        response: { 200: MeResponse, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await app.database.db
        .update(user)
        .set({ locale: request.body.locale, updatedAt: new Date() })
        .where(eq(user.id, actor.userId));
      return describeMe(app.database.db, { ...actor, locale: request.body.locale });
    },
  );
};
