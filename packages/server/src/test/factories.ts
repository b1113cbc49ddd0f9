import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { App } from '../app.js';
import type { OrgRole } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { account, organisation, organisationDomain, person, user } from '../db/schema.js';
import { createPerson as createPersonRecord } from '../modules/people/service.js';
import { rebuildReportingLines } from '../modules/people/repository.js';

const unique = () => randomBytes(4).toString('hex');
export const TEST_PASSWORD = 'correct horse battery';

export async function createOrganisation(
  db: Db,
  overrides: Partial<typeof organisation.$inferInsert> = {},
) {
  const suffix = unique();
  const [row] = await db
    .insert(organisation)
    .values({ name: `Org ${suffix}`, slug: `org-${suffix}`, ...overrides })
    .returning();
  return row!;
}

/**
 * Marks an email domain verified for the organisation (as its DNS record would), so people can
 * be invited or imported under it through the API. A domain is verified for one organisation
 * at most: without a name, a unique one is made up. Returns the domain.
 */
export async function verifyDomain(
  db: Db,
  organisationId: string,
  domain = `org-${unique()}.test`,
): Promise<string> {
  await db.insert(organisationDomain).values({
    organisationId,
    domain,
    verificationToken: unique(),
    verifiedAt: new Date(),
    verifiedBy: 'dns',
  });
  return domain;
}

export interface TestPerson {
  id: string;
  userId: string;
  email: string;
  organisationId: string;
}

/** A person (and account with TEST_PASSWORD); builds an organisation when none is given. */
export async function createPerson(
  app: App,
  overrides: {
    organisationId?: string;
    role?: OrgRole;
    managerId?: string | null;
    email?: string;
    givenName?: string;
    familyName?: string;
    department?: string;
    team?: string;
    employeeId?: string;
    jobLevel?: number | null;
    isActive?: boolean;
  } = {},
): Promise<TestPerson> {
  const db = app.database.db;
  const organisationId = overrides.organisationId ?? (await createOrganisation(db)).id;
  const suffix = unique();
  const row = await createPersonRecord(db, organisationId, {
    email: overrides.email ?? `person-${suffix}@example.test`,
    givenName: overrides.givenName ?? 'Test',
    familyName: overrides.familyName ?? `Person ${suffix}`,
    managerId: overrides.managerId ?? null,
    department: overrides.department ?? null,
    team: overrides.team ?? null,
    employeeId: overrides.employeeId ?? null,
    jobLevel: overrides.jobLevel ?? null,
    role: overrides.role ?? 'member',
  });
  if (overrides.isActive === false) {
    await db.update(person).set({ isActive: false }).where(eq(person.id, row.id));
  }
  await setPassword(app, row.userId, TEST_PASSWORD);
  if (overrides.managerId) await rebuildReportingLines(db, organisationId);
  return { id: row.id, userId: row.userId, email: row.email, organisationId };
}

export async function setPassword(app: App, userId: string, password: string): Promise<void> {
  const context = await app.auth.$context;
  await app.database.db.insert(account).values({
    id: `acc-${userId}`,
    accountId: userId,
    providerId: 'credential',
    userId,
    password: await context.password.hash(password),
  });
}

export async function createPlatformAdmin(app: App): Promise<{ userId: string; email: string }> {
  const userId = `pa-${unique()}`;
  const email = `${userId}@platform.test`;
  await app.database.db
    .insert(user)
    .values({ id: userId, email, name: 'Platform Admin', isPlatformAdmin: true });
  await setPassword(app, userId, TEST_PASSWORD);
  return { userId, email };
}

/** Signs in through the real auth endpoint; returns the Cookie header to send. */
export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    // From the app's own page: a sign-in from anywhere else is refused (CSRF), also outside tests.
    headers: { origin: app.config.baseUrl },
    payload: { email, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in failed for ${email}: ${response.statusCode} ${response.body}`);
  }
  const cookies = response.cookies.map((c) => `${c.name}=${c.value}`);
  return cookies.join('; ');
}

/** A person signed in with a role, in a given (or new) organisation. */
export async function signedIn(app: App, role: OrgRole, organisationId?: string) {
  const p = await createPerson(app, { role, organisationId });
  return { ...p, cookie: await signIn(app, p.email) };
}
