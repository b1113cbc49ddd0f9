import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mailUnsubscribe, person } from '../../db/schema.js';

/** The address a token's person is reached at, or null when the person no longer exists. */
export async function findPersonEmail(db: Db, personId: string): Promise<string | null> {
  const [row] = await db
    .select({ email: person.email })
    .from(person)
    .where(eq(person.id, personId));
  return row?.email ?? null;
}

export async function isUnsubscribed(db: Db, personId: string, category: string): Promise<boolean> {
  const [row] = await db
    .select({ personId: mailUnsubscribe.personId })
    .from(mailUnsubscribe)
    .where(and(eq(mailUnsubscribe.personId, personId), eq(mailUnsubscribe.category, category)));
  return row !== undefined;
}

/** Idempotent: unsubscribing twice (a mail client's retry) changes nothing. */
export async function insertUnsubscribe(db: Db, personId: string, category: string): Promise<void> {
  await db.insert(mailUnsubscribe).values({ personId, category }).onConflictDoNothing();
}

export async function deleteUnsubscribe(db: Db, personId: string, category: string): Promise<void> {
  await db
    .delete(mailUnsubscribe)
    .where(and(eq(mailUnsubscribe.personId, personId), eq(mailUnsubscribe.category, category)));
}
