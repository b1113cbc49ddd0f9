import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisation, user } from '../../db/schema.js';

export interface OrganisationSummaryRow {
  id: string;
  name: string;
  defaultLocale: string;
}

export async function findOrganisationSummary(
  db: Db,
  organisationId: string,
): Promise<OrganisationSummaryRow | undefined> {
  const [row] = await db
    .select({
      id: organisation.id,
      name: organisation.name,
      defaultLocale: organisation.defaultLocale,
    })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  return row;
}

export async function updateUserLocale(
  db: Db,
  userId: string,
  locale: 'nl' | 'en' | null,
  now: Date,
): Promise<void> {
  await db.update(user).set({ locale, updatedAt: now }).where(eq(user.id, userId));
}
