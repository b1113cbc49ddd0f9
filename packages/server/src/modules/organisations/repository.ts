import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisation, person } from '../../db/schema.js';

export type OrganisationRow = typeof organisation.$inferSelect;

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
  return row ?? null;
}

export async function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.select().from(organisation).orderBy(organisation.name);
}

export async function countActivePeople(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(person)
    .where(and(eq(person.organisationId, organisationId), eq(person.isActive, true)));
  return row?.n ?? 0;
}

export async function updateOrganisation(
  db: Db,
  id: string,
  values: Partial<
    Pick<OrganisationRow, 'name' | 'defaultLocale' | 'allowSensitiveAttributes' | 'retentionMonths'>
  >,
): Promise<void> {
  await db
    .update(organisation)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organisation.id, id));
}

export async function insertOrganisation(
  db: Db,
  values: Pick<OrganisationRow, 'name' | 'slug' | 'defaultLocale'>,
): Promise<OrganisationRow> {
  const [row] = await db.insert(organisation).values(values).returning();
  return row!;
}

export async function findOrganisationBySlug(
  db: Db,
  slug: string,
): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisation).where(eq(organisation.slug, slug));
  return row ?? null;
}
