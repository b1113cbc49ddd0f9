import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { toLocale } from '../../i18n/locale.js';
import * as repository from './repository.js';
import type { MeResponse } from './schema.js';

/** Who is signed in: the user, and their organisation and role when they belong to one. */
export async function describeMe(db: Db, actor: Actor): Promise<MeResponse> {
  let membership: MeResponse['membership'] = null;
  if (actor.member) {
    const org = await repository.findOrganisationSummary(db, actor.member.organisationId);
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

/** Remembers the interface language (null follows the browser) and answers the new state. */
export async function updateMyLocale(
  db: Db,
  actor: Actor,
  locale: 'nl' | 'en' | null,
  now: Date,
): Promise<MeResponse> {
  await repository.updateUserLocale(db, actor.userId, locale, now);
  return describeMe(db, { ...actor, locale });
}
