import { timingSafeEqual } from 'node:crypto';

/** Kinds of mail a person can stop. Reminders: request reminders now, check-in reminders later. */
export const MAIL_CATEGORIES = ['reminders'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

/** Signs values with the instance's key: `Mailer.sign`. */
export type Signer = (value: string) => string;

const signed = (personId: string, category: string) => `unsubscribe:${personId}:${category}`;

/**
 * An unsubscribe token: who and which kind of mail, with an HMAC over both. It does not expire
 * and needs no table: whoever holds the mail may stop (and restart) that kind of mail, nothing
 * else. Changing the instance's auth secret invalidates every token.
 */
export function createUnsubscribeToken(
  sign: Signer,
  personId: string,
  category: MailCategory,
): string {
  const subject = Buffer.from(`${personId}:${category}`, 'utf8').toString('base64url');
  return `${subject}.${sign(signed(personId, category))}`;
}

/** The person and category a token names, or null when it is malformed or its signature is wrong. */
export function readUnsubscribeToken(
  sign: Signer,
  token: string,
): { personId: string; category: MailCategory } | null {
  const [subject, signature, ...rest] = token.split('.');
  if (!subject || !signature || rest.length > 0) return null;
  const [personId, category, ...extra] = Buffer.from(subject, 'base64url')
    .toString('utf8')
    .split(':');
  if (!personId || !category || extra.length > 0) return null;
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return null;
  if (!(MAIL_CATEGORIES as readonly string[]).includes(category)) return null;
  const expected = Buffer.from(sign(signed(personId, category)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { personId, category: category as MailCategory };
}
