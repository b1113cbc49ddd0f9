import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { conflictField, fieldErrors } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import { emailDomain } from '../organisations/domains.js';
import { listVerifiedDomainNames } from '../organisations/repository.js';
import * as repo from './repository.js';

/**
 * Whether an organisation may give one of its people this address: only under a domain it
 * verified (platform admins may use any). The domain is checked before anything else, so for an
 * address under another organisation's domain the answer is the same whether it exists or not.
 * "Already in use" is only said for the caller's own people; an account elsewhere under the
 * organisation's own domain (only a platform admin can have made that) gets a neutral 422.
 */
export async function checkNewEmail(
  db: Db,
  actor: Actor,
  organisationId: string,
  email: string,
  field: string,
): Promise<void> {
  const address = email.trim().toLowerCase();
  if (!actor.isPlatformAdmin) {
    const domain = emailDomain(address);
    const verified = await listVerifiedDomainNames(db, organisationId);
    if (!domain || !verified.includes(domain)) {
      throw fieldErrors('unprocessable', [
        {
          field,
          message: message('emailDomainNotVerified', {
            domain: domain ?? address.split('@')[1] ?? '',
          }),
        },
      ]);
    }
  }
  const holder = await repo.findAccountHolder(db, address);
  if (!holder) return;
  if (holder.organisationId === organisationId || actor.isPlatformAdmin) {
    throw conflictField(field, message('alreadyInUse'));
  }
  throw fieldErrors('unprocessable', [{ field, message: message('emailUnavailable') }]);
}

/**
 * For a CSV import: the problem of each new address (not yet one of the organisation's people),
 * keyed by address. `null` verified domains: any domain (a platform admin).
 */
export async function findEmailProblems(
  db: Db,
  organisationId: string,
  emails: string[],
  isPlatformAdmin: boolean,
): Promise<Map<string, 'unverifiedDomain' | 'unavailable'>> {
  const problems = new Map<string, 'unverifiedDomain' | 'unavailable'>();
  const verified = new Set(await listVerifiedDomainNames(db, organisationId));
  const underOwnDomains: string[] = [];
  for (const email of emails) {
    const domain = emailDomain(email);
    if (isPlatformAdmin || (domain && verified.has(domain))) underOwnDomains.push(email);
    else problems.set(email, 'unverifiedDomain');
  }
  for (const email of await repo.findEmailsOutsideOrganisation(
    db,
    organisationId,
    underOwnDomains,
  )) {
    problems.set(email, 'unavailable');
  }
  return problems;
}
