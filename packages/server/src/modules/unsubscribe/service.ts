import type { Db } from '../../db/client.js';
import { invalidField, notFound } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import * as repo from './repository.js';
import {
  createUnsubscribeToken,
  readUnsubscribeToken,
  type MailCategory,
  type Signer,
} from './token.js';

export { isUnsubscribed } from './repository.js';

/**
 * The links a reminder-type mail carries: the page a person opens from the footer, and the
 * RFC 8058 one-click address mail clients POST to (`List-Unsubscribe-Post`).
 */
export function unsubscribeLinks(
  sign: Signer,
  baseUrl: string,
  personId: string,
  category: MailCategory,
): { pageUrl: string; headers: Record<string, string> } {
  const token = encodeURIComponent(createUnsubscribeToken(sign, personId, category));
  return {
    pageUrl: `${baseUrl}/unsubscribe?token=${token}`,
    headers: {
      'List-Unsubscribe': `<${baseUrl}/api/unsubscribe?token=${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** "s•••@example.org": enough to recognise one's address, not enough to learn someone else's. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

async function resolve(db: Db, sign: Signer, token: string | undefined) {
  if (!token) throw invalidField('body.token', message('unsubscribeTokenMissing'));
  const subject = readUnsubscribeToken(sign, token);
  if (!subject) throw notFound('unsubscribeLink');
  const email = await repo.findPersonEmail(db, subject.personId);
  if (email === null) throw notFound('unsubscribeLink');
  return { ...subject, email };
}

async function describe(
  db: Db,
  subject: { personId: string; category: MailCategory; email: string },
) {
  return {
    category: subject.category,
    email: maskEmail(subject.email),
    isUnsubscribed: await repo.isUnsubscribed(db, subject.personId, subject.category),
  };
}

/** What a token stops, without signing in: the category and a masked address only. */
export async function readUnsubscribe(db: Db, sign: Signer, token: string | undefined) {
  return describe(db, await resolve(db, sign, token));
}

/** Stops that category of mail for the token's person (the in-app notifications go on). */
export async function unsubscribe(db: Db, sign: Signer, token: string | undefined) {
  const subject = await resolve(db, sign, token);
  await repo.insertUnsubscribe(db, subject.personId, subject.category);
  return describe(db, subject);
}

/** Undoes `unsubscribe`: that category of mail is sent again. */
export async function resubscribe(db: Db, sign: Signer, token: string | undefined) {
  const subject = await resolve(db, sign, token);
  await repo.deleteUnsubscribe(db, subject.personId, subject.category);
  return describe(db, subject);
}
