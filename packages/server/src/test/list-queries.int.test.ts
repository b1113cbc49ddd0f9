import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolment, mentoringRequest, notification, programme } from '../db/schema.js';
import { createPerson as createPersonRecord } from '../modules/people/service.js';
import { defaultConflictRules } from '../modules/programmes/service.js';
import { createTestContext, type TestContext } from './context.js';
import { signedIn } from './factories.js';

/**
 * No list route's number of queries grows with the rows it answers (no N+1), and every list is
 * paged with a maximum. Each route is measured with 3 rows, then with 30: the count must match.
 */
let ctx: TestContext;
let organisationId: string;
let manager: Awaited<ReturnType<typeof signedIn>>;
let member: Awaited<ReturnType<typeof signedIn>>;
let admin: Awaited<ReturnType<typeof signedIn>>;
let mainProgrammeId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx.app, 'org_admin');
  organisationId = admin.organisationId;
  manager = await signedIn(ctx.app, 'programme_manager', organisationId);
  member = await signedIn(ctx.app, 'member', organisationId);
  mainProgrammeId = (await addProgrammes(1))[0]!;
});
afterAll(() => ctx.close());

async function addProgrammes(n: number): Promise<string[]> {
  const rows = await ctx.db
    .insert(programme)
    .values(
      Array.from({ length: n }, (_, i) => ({
        organisationId,
        name: `Programme ${i} ${randomBytes(3).toString('hex')}`,
        type: 'classic' as const,
        status: 'published' as const,
        conflictRules: defaultConflictRules,
        createdBy: manager.userId,
      })),
    )
    .returning({ id: programme.id });
  return rows.map((r) => r.id);
}

async function addPeople(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const suffix = randomBytes(4).toString('hex');
    const row = await createPersonRecord(ctx.db, organisationId, {
      email: `listed-${suffix}@example.test`,
      givenName: 'Demi',
      familyName: `Listed ${suffix}`,
      role: 'member',
    });
    ids.push(row.id);
  }
  return ids;
}

/** The statements one request sends, after a first call (which resolves the caller). */
async function queriesOf(url: string, cookie: string) {
  const first = await ctx.app.inject({ url, headers: { cookie } });
  expect(first.statusCode, first.body).toBe(200);
  const before = ctx.database.stats.queries;
  const response = await ctx.app.inject({ url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return { count: ctx.database.stats.queries - before, body: response.json() };
}

async function growFrom3To30(
  url: () => string,
  cookie: () => string,
  add: (n: number) => Promise<unknown>,
): Promise<{ small: number; large: number; body: { items: unknown[]; total?: number } }> {
  await add(3);
  const small = await queriesOf(url(), cookie());
  await add(27);
  const large = await queriesOf(url(), cookie());
  return { small: small.count, large: large.count, body: large.body };
}

describe('query counts of list routes (3 rows vs 30)', () => {
  it('GET /api/programmes, for a manager and for a member', async () => {
    const asManager = await queriesOf('/api/programmes', manager.cookie);
    const asMember = await queriesOf('/api/programmes', member.cookie);
    await addProgrammes(29);
    const asManagerAfter = await queriesOf('/api/programmes', manager.cookie);
    const asMemberAfter = await queriesOf('/api/programmes', member.cookie);
    expect(asManagerAfter.count).toBe(asManager.count);
    expect(asMemberAfter.count).toBe(asMember.count);
    expect(asManagerAfter.body.items.length).toBe(asManagerAfter.body.total);
    expect(asMemberAfter.body.total).toBeGreaterThanOrEqual(30);
    // The page with its total, counts and the caller's enrolments in one statement, plus the
    // caller's eligibility (department, level, consented attributes).
    expect(asManager.count).toBe(2);
    expect(asMember.count).toBe(2);
  });

  it('GET /api/people?search=', async () => {
    const result = await growFrom3To30(
      () => '/api/people?search=Demi',
      () => admin.cookie,
      (n) => addPeople(n),
    );
    expect(result.large).toBe(result.small);
    expect(result.body.items).toHaveLength(30);
  });

  it('GET /api/programmes/:id/enrolments', async () => {
    const result = await growFrom3To30(
      () => `/api/programmes/${mainProgrammeId}/enrolments`,
      () => manager.cookie,
      async (n) => {
        const people = await addPeople(n);
        await ctx.db.insert(enrolment).values(
          people.map((personId) => ({
            programmeId: mainProgrammeId,
            organisationId,
            personId,
            role: 'mentee' as const,
          })),
        );
      },
    );
    expect(result.large).toBe(result.small);
    expect(result.body.items).toHaveLength(30);
  });

  it('GET /api/requests (inbox)', async () => {
    const result = await growFrom3To30(
      () => '/api/requests?box=inbox',
      () => member.cookie,
      async (n) => {
        const people = await addPeople(n);
        await ctx.db.insert(mentoringRequest).values(
          people.map((personId) => ({
            programmeId: mainProgrammeId,
            organisationId,
            fromPersonId: personId,
            toPersonId: member.id,
            menteeId: personId,
            mentorId: member.id,
            message: 'Zou je mijn mentor willen zijn?',
            expiresAt: new Date(Date.now() + 7 * 86_400_000),
          })),
        );
      },
    );
    expect(result.large).toBe(result.small);
    // The page and its total (a window count) in one statement.
    expect(result.small).toBe(1);
    expect(result.body).toMatchObject({ total: 30 });
    expect(result.body.items).toHaveLength(30);
  });

  it('GET /api/notifications', async () => {
    const result = await growFrom3To30(
      () => '/api/notifications',
      () => member.cookie,
      (n) =>
        ctx.db.insert(notification).values(
          Array.from({ length: n }, () => ({
            organisationId,
            personId: member.id,
            kind: 'request_received',
            payload: { from: 'Someone', programme: 'P', link: '/requests' },
          })),
        ),
    );
    expect(result.large).toBe(result.small);
    expect(result.body.items).toHaveLength(30);
  });
});

describe('pagination', () => {
  it('answers one page with the total, and refuses a page larger than 200 naming the field', async () => {
    const page = await ctx.app.inject({
      url: '/api/programmes?limit=2&offset=1',
      headers: { cookie: manager.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBeGreaterThan(2);
    const all = (
      await ctx.app.inject({
        url: '/api/programmes?limit=200',
        headers: { cookie: manager.cookie },
      })
    ).json();
    expect(page.json().items.map((p: { id: string }) => p.id)).toEqual(
      all.items.slice(1, 3).map((p: { id: string }) => p.id),
    );
    for (const url of [
      '/api/programmes?limit=201',
      '/api/people?limit=201',
      '/api/requests?limit=201',
      '/api/notifications?limit=201',
      `/api/programmes/${mainProgrammeId}/enrolments?limit=201`,
    ]) {
      const tooMany = await ctx.app.inject({
        url,
        headers: { cookie: admin.cookie, 'x-klik-locale': 'en' },
      });
      expect(tooMany.statusCode, url).toBe(400);
      expect(JSON.stringify(tooMany.json().error.details), url).toContain('limit');
    }
  });

  it('defaults to 50', async () => {
    await addProgrammes(30);
    const page = await ctx.app.inject({
      url: '/api/programmes',
      headers: { cookie: manager.cookie },
    });
    expect(page.json().items).toHaveLength(50);
    expect(page.json().total).toBeGreaterThan(50);
  });
});
