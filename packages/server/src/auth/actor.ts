import { AppError, forbidden } from '../errors.js';
import { message } from '../i18n/messages.js';

export type OrgRole = 'org_admin' | 'programme_manager' | 'sponsor' | 'member';

export interface Membership {
  personId: string;
  organisationId: string;
  role: OrgRole;
}

/**
 * What `GET /api/me` shows of a member besides the membership, read with it when the caller is
 * resolved (and cached with it, see actor-cache.ts): the directory's name parts and the
 * organisation's summary.
 */
export interface MemberDetails {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  organisation: { id: string; name: string; defaultLocale: string };
}

/** The caller of a service: who they are, and their role in their home organisation. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  locale: 'nl' | 'en' | null;
  isPlatformAdmin: boolean;
  member: Membership | null;
  /** Set when the caller was resolved from the database with their membership (loadActor). */
  memberDetails?: MemberDetails | null;
}

/** The caller's membership, checked against the roles allowed to do the thing. */
export function requireRole(actor: Actor, roles: readonly OrgRole[]): Membership {
  if (!actor.member) {
    throw new AppError('forbidden', message('notAMember'));
  }
  if (!roles.includes(actor.member.role)) throw forbidden();
  return actor.member;
}

export function requireMember(actor: Actor): Membership {
  return requireRole(actor, ['org_admin', 'programme_manager', 'sponsor', 'member']);
}

export function requirePlatformAdmin(actor: Actor): void {
  if (!actor.isPlatformAdmin) throw forbidden();
}
