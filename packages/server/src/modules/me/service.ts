import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { toLocale } from '../../i18n/locale.js';
import { recordAudit } from '../audit/repository.js';
import { displayName, hrName } from '../people/display-name.js';
import * as repository from './repository.js';
import type { MeResponse, UpdateMeRequest } from './schema.js';

/**
 * Who is signed in: the user, and their organisation and role when they belong to one. Answered
 * from the caller as the request resolved it (names and organisation are read with the
 * membership, see auth/plugin.ts `loadActor`): no query. A caller built without them (after a
 * change of one's own name or language) reads them.
 */
export async function describeMe(db: Db, actor: Actor): Promise<MeResponse> {
  let membership: MeResponse['membership'] = null;
  let name = actor.name;
  let shownAs = actor.name;
  if (actor.member) {
    const [org, person] = actor.memberDetails
      ? [actor.memberDetails.organisation, actor.memberDetails]
      : await Promise.all([
          repository.findOrganisationSummary(db, actor.member.organisationId),
          repository.findPersonName(db, actor.member.organisationId, actor.member.personId),
        ]);
    if (org && person) {
      name = hrName(person);
      shownAs = displayName(person);
      membership = {
        personId: actor.member.personId,
        role: actor.member.role,
        givenName: person.givenName,
        familyName: person.familyName,
        preferredName: person.preferredName,
        organisation: { ...org, defaultLocale: toLocale(org.defaultLocale) },
      };
    }
  }
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      name,
      displayName: shownAs,
      locale: actor.locale,
      isPlatformAdmin: actor.isPlatformAdmin,
    },
    membership,
  };
}

/**
 * Remembers the interface language (null follows the browser) and the preferred first name
 * (empty or null clears it). The name is the person's only say over how they are called: the HR
 * name stays beside it, and every change is audited with the old and new value.
 */
export async function updateMe(
  db: Db,
  actor: Actor,
  changes: UpdateMeRequest,
  now: Date,
): Promise<MeResponse> {
  const member = changes.preferredName !== undefined ? requireMember(actor) : null;
  await db.transaction(async (tx) => {
    if (changes.locale !== undefined) {
      await repository.updateUserLocale(tx, actor.userId, changes.locale, now);
    }
    if (member) {
      const next = changes.preferredName ? changes.preferredName : null;
      const current = await repository.findPersonName(tx, member.organisationId, member.personId, {
        forUpdate: true,
      });
      if (current && current.preferredName !== next) {
        await repository.updatePreferredName(tx, member.organisationId, member.personId, next, now);
        await recordAudit(tx, {
          organisationId: member.organisationId,
          actorUserId: actor.userId,
          action: 'person.preferred_name_changed',
          subjectType: 'person',
          subjectId: member.personId,
          details: { from: current.preferredName, to: next },
        });
      }
    }
  });
  return describeMe(db, {
    ...actor,
    locale: changes.locale !== undefined ? changes.locale : actor.locale,
    // The name may just have changed: read it again.
    memberDetails: null,
  });
}
