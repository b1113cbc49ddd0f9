import { and, asc, count, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisation, organisationDomain, person } from '../../db/schema.js';

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
    Pick<
      OrganisationRow,
      | 'name'
      | 'defaultLocale'
      | 'allowSensitiveAttributes'
      | 'retentionMonths'
      | 'feedbackMinGroup'
      | 'feedbackMinComments'
    >
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

export type DomainRow = typeof organisationDomain.$inferSelect;

export async function listDomains(db: Db, organisationId: string): Promise<DomainRow[]> {
  return db
    .select()
    .from(organisationDomain)
    .where(eq(organisationDomain.organisationId, organisationId))
    .orderBy(asc(organisationDomain.domain));
}

export async function findDomain(
  db: Db,
  organisationId: string,
  id: string,
): Promise<DomainRow | null> {
  const [row] = await db
    .select()
    .from(organisationDomain)
    .where(
      and(eq(organisationDomain.organisationId, organisationId), eq(organisationDomain.id, id)),
    );
  return row ?? null;
}

/** Any organisation's claim: for platform admins only. */
export async function findDomainAnywhere(db: Db, id: string): Promise<DomainRow | null> {
  const [row] = await db.select().from(organisationDomain).where(eq(organisationDomain.id, id));
  return row ?? null;
}

export async function findDomainByName(
  db: Db,
  organisationId: string,
  domain: string,
): Promise<DomainRow | null> {
  const [row] = await db
    .select()
    .from(organisationDomain)
    .where(
      and(
        eq(organisationDomain.organisationId, organisationId),
        eq(organisationDomain.domain, domain),
      ),
    );
  return row ?? null;
}

/** A new, unverified claim; null when the organisation already has this domain. */
export async function insertDomain(
  db: Db,
  values: Pick<DomainRow, 'organisationId' | 'domain' | 'verificationToken' | 'createdBy'>,
): Promise<DomainRow | null> {
  const [row] = await db
    .insert(organisationDomain)
    .values(values)
    .onConflictDoNothing({
      target: [organisationDomain.organisationId, organisationDomain.domain],
    })
    .returning();
  return row ?? null;
}

export async function deleteDomain(db: Db, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(organisationDomain)
    .where(
      and(eq(organisationDomain.organisationId, organisationId), eq(organisationDomain.id, id)),
    )
    .returning({ id: organisationDomain.id });
  return rows.length > 0;
}

/**
 * Marks a claim verified unless another organisation holds the domain verified. The partial
 * unique index decides a race between two organisations: the loser's update fails (the caller
 * runs it in its own savepoint). Returns whether this claim is now verified.
 */
export async function markDomainVerified(
  db: Db,
  id: string,
  verifiedBy: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(organisationDomain)
    .set({ verifiedAt: at, verifiedBy })
    .where(
      and(
        eq(organisationDomain.id, id),
        isNull(organisationDomain.verifiedAt),
        sql`not exists (select 1 from organisation_domain other
                         where other.domain = organisation_domain.domain
                           and other.verified_at is not null)`,
      ),
    )
    .returning({ id: organisationDomain.id });
  return rows.length > 0;
}

/** The organisation (id and name) that holds this domain verified, other than the given one. */
export async function findVerifiedHolder(
  db: Db,
  domain: string,
  exceptOrganisationId: string,
): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisationDomain)
    .innerJoin(organisation, eq(organisation.id, organisationDomain.organisationId))
    .where(
      and(
        eq(organisationDomain.domain, domain),
        isNotNull(organisationDomain.verifiedAt),
        ne(organisationDomain.organisationId, exceptOrganisationId),
      ),
    );
  return row ?? null;
}

export async function listVerifiedDomainNames(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ domain: organisationDomain.domain })
    .from(organisationDomain)
    .where(
      and(
        eq(organisationDomain.organisationId, organisationId),
        isNotNull(organisationDomain.verifiedAt),
      ),
    );
  return rows.map((r) => r.domain);
}

/** Every claim still waiting, oldest first, with its organisation and any verified holder. */
export async function listPendingDomains(db: Db) {
  const holder = sql<string | null>`(select o.name from organisation_domain d
      join organisation o on o.id = d.organisation_id
     where d.domain = organisation_domain.domain and d.verified_at is not null limit 1)`;
  return db
    .select({
      domain: organisationDomain,
      organisationName: organisation.name,
      verifiedElsewhereBy: holder,
    })
    .from(organisationDomain)
    .innerJoin(organisation, eq(organisation.id, organisationDomain.organisationId))
    .where(isNull(organisationDomain.verifiedAt))
    .orderBy(asc(organisationDomain.createdAt), asc(organisationDomain.domain));
}
