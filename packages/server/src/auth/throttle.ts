import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rateLimit } from '../db/schema.js';

/**
 * Sign-in throttling, in front of better-auth, with counters in the database (`rate_limit`) so
 * that every server process shares them.
 *
 * Two independent limits:
 * - per account (the email address being signed into, lower-cased): failed password sign-ins
 *   plus sign-in and reset mails, few per 15 minutes. Changing the client address does not help.
 * - per client address: every sign-in-related request, many per minute, so one person's typos
 *   behind an office NAT do not lock out their colleagues, while spraying many accounts from one
 *   address still stops.
 * Keys are strings, whether or not an account exists, so the answers reveal nothing about which
 * accounts exist.
 *
 * Our rows share better-auth's table under their own key prefix. `last_request` holds the END of
 * the row's window (not its start): better-auth prunes rows whose last_request is older than its
 * own longest window, so storing the end means it only ever removes windows that are over.
 */

export const ACCOUNT_WINDOW_SECONDS = 15 * 60;
export const ADDRESS_WINDOW_SECONDS = 60;

const KEY_PREFIX = 'klik-throttle:';

export function accountKey(email: string): string {
  return `${KEY_PREFIX}account:${email.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
  return `${KEY_PREFIX}address:${address}`;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within `limit`.
 * One atomic upsert: concurrent attempts (from several processes) never both slip under the limit.
 */
export async function consumeAttempt(
  db: Db,
  key: string,
  rule: { windowSeconds: number; limit: number },
  now: Date,
): Promise<ThrottleDecision> {
  const nowMs = now.getTime();
  const windowEnd = nowMs + rule.windowSeconds * 1000;
  const [row] = await db
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key, count: 1, lastRequest: windowEnd })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${rateLimit.lastRequest} <= ${nowMs} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: sql`case when ${rateLimit.lastRequest} <= ${nowMs} then ${windowEnd} else ${rateLimit.lastRequest} end`,
      },
    })
    .returning({ count: rateLimit.count, windowEnd: rateLimit.lastRequest });
  if (!row || row.count <= rule.limit) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((Number(row.windowEnd) - nowMs) / 1000)),
  };
}

/** Forgets the attempts counted against `key` (a successful password sign-in). */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.delete(rateLimit).where(eq(rateLimit.key, key));
}
