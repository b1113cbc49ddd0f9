import { z } from 'zod';
import { MAIL_CATEGORIES } from './token.js';

const Token = z.string().min(1).max(1000);

export const UnsubscribeQuery = z.object({
  /** The token from the mail's link. */
  token: Token,
});

/** One-click (RFC 8058) sends the token in the address and `List-Unsubscribe=One-Click` as a form. */
export const UnsubscribePostQuery = z.object({ token: Token.optional() });
export const UnsubscribeBody = z.object({ token: Token.optional() });

export const UnsubscribeStatus = z.object({
  /** The kind of mail the link is about: 'reminders' (request and check-in reminders). */
  category: z.enum(MAIL_CATEGORIES),
  /** The recipient's address, masked: the link works without signing in. */
  email: z.string(),
  /** Whether this kind of mail is stopped now. */
  isUnsubscribed: z.boolean(),
});
export type UnsubscribeStatus = z.infer<typeof UnsubscribeStatus>;
