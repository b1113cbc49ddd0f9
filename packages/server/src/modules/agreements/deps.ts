import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locale.js';
import type { Mailer } from '../../mail/mailer.js';
import { isOpen, type RelationshipAccess } from '../relationships/access.js';

/** What the relationship-space services need from the app. */
export interface Deps {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  /** The clock: a parameter so that tests can move time. */
  now: () => Date;
  /** The language the caller's screen shows (skill names, the draft's default texts). */
  locale: Locale;
}

/** Ended, completed, or a group the caller left: readable, no longer changeable. */
export function requireOpen(access: RelationshipAccess): void {
  if (!isOpen(access)) throw new AppError('unprocessable', message('relationshipReadOnly'));
}

/** The relationship page's address, where notifications lead. */
export const relationshipLink = (relationshipId: string) => `/mentoring/${relationshipId}`;
