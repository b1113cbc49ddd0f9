import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisation, person, user } from '../../db/schema.js';

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

export interface PersonNameRow {
  givenName: string;
  familyName: string;
  preferredName: string | null;
}

export async function findPersonName(
  db: Db,
  organisationId: string,
  personId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PersonNameRow | undefined> {
  const query = db
    .select({
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
    })
    .from(person)
    .where(and(eq(person.organisationId, organisationId), eq(person.id, personId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updatePreferredName(
  db: Db,
  organisationId: string,
  personId: string,
  preferredName: string | null,
  now: Date,
): Promise<void> {
  await db
    .update(person)
    .set({ preferredName, updatedAt: now })
    .where(and(eq(person.organisationId, organisationId), eq(person.id, personId)));
}

export async function updateUserLocale(
  db: Db,
  userId: string,
  locale: 'nl' | 'en' | null,
  now: Date,
): Promise<void> {
  await db.update(user).set({ locale, updatedAt: now }).where(eq(user.id, userId));
}
