import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notification, organisation, person, user } from '../../db/schema.js';

export type NotificationRow = typeof notification.$inferSelect;

/** Where and in which languages to reach a person: their saved, preferred and org language. */
export async function findRecipient(db: Db, personId: string) {
  const [row] = await db
    .select({
      organisationId: person.organisationId,
      email: person.email,
      givenName: person.givenName,
      preferredName: person.preferredName,
      locale: user.locale,
      preferred: person.preferredLanguage,
      orgLocale: organisation.defaultLocale,
    })
    .from(person)
    .innerJoin(user, eq(user.id, person.userId))
    .innerJoin(organisation, eq(organisation.id, person.organisationId))
    .where(eq(person.id, personId));
  return row ?? null;
}

export async function insertNotification(db: Db, values: typeof notification.$inferInsert) {
  await db.insert(notification).values(values);
}

/** A person's newest notifications, newest first. */
export async function listForPerson(
  db: Db,
  personId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  const mine = eq(notification.personId, personId);
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(notification)
      .where(mine)
      .orderBy(desc(notification.createdAt), desc(notification.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(notification).where(mine),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

export async function markAllReadForPerson(db: Db, personId: string, now: Date): Promise<void> {
  await db
    .update(notification)
    .set({ readAt: now })
    .where(and(eq(notification.personId, personId), isNull(notification.readAt)));
}
