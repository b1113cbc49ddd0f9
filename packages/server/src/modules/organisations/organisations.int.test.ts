import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformAdmin, signedIn, signIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('organisation settings', () => {
  it('shows members their own organisation only', async () => {
    const a = await signedIn(ctx.app, 'member');
    const b = await signedIn(ctx.app, 'member');
    const responseA = (
      await ctx.app.inject({ url: '/api/organisation', headers: { cookie: a.cookie } })
    ).json();
    const responseB = (
      await ctx.app.inject({ url: '/api/organisation', headers: { cookie: b.cookie } })
    ).json();
    expect(responseA.id).toBe(a.organisationId);
    expect(responseB.id).toBe(b.organisationId);
    expect(responseA.id).not.toBe(responseB.id);
  });

  it('lets org admins change settings; others get 403', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/organisation',
      headers: { cookie: admin.cookie },
      payload: { name: 'Renamed BV', defaultLocale: 'en', retentionMonths: 12 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Renamed BV',
      defaultLocale: 'en',
      retentionMonths: 12,
      activePeople: 1,
    });
    for (const role of ['programme_manager', 'sponsor', 'member'] as const) {
      const caller = await signedIn(ctx.app, role, admin.organisationId);
      const denied = await ctx.app.inject({
        method: 'PATCH',
        url: '/api/organisation',
        headers: { cookie: caller.cookie },
        payload: { name: 'Mine now' },
      });
      expect(denied.statusCode).toBe(403);
    }
  });

  it('names bad settings', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/organisation',
      headers: { cookie: admin.cookie },
      payload: { retentionMonths: 0, defaultLocale: 'fr' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['body.defaultLocale', 'body.retentionMonths']);
  });

  it('remembers the interface language per user', async () => {
    const member = await signedIn(ctx.app, 'member');
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: member.cookie },
      payload: { locale: 'en' },
    });
    expect(response.json().user.locale).toBe('en');
    const me = await ctx.app.inject({ url: '/api/me', headers: { cookie: member.cookie } });
    expect(me.json().user.locale).toBe('en');
  });
});

describe('platform administration', () => {
  it('creates an organisation with its first admin; slugs are unique', async () => {
    const platform = await createPlatformAdmin(ctx.app);
    const cookie = await signIn(ctx.app, platform.email);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/organisations',
      headers: { cookie },
      payload: {
        name: 'Bakkerij Bolletje',
        slug: 'bolletje',
        admin: { email: 'eigenaar@bolletje.test', givenName: 'Bo', familyName: 'Bakker' },
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'Bakkerij Bolletje', activePeople: 1 });
    const list = await ctx.app.inject({ url: '/api/admin/organisations', headers: { cookie } });
    expect(list.json().items.map((o: { slug: string }) => o.slug)).toContain('bolletje');
    const duplicate = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/organisations',
      headers: { cookie },
      payload: {
        name: 'Other',
        slug: 'bolletje',
        admin: { email: 'x@y.test', givenName: 'X', familyName: 'Y' },
      },
    });
    expect(duplicate.statusCode).toBe(409);
    const outbox = await ctx.app.inject({ url: '/api/outbox', headers: { cookie } });
    expect(outbox.statusCode).toBe(200);
    expect(outbox.json().transport).toBe('outbox');
  });

  it('keeps platform routes from org admins (403)', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    for (const url of ['/api/admin/organisations', '/api/outbox']) {
      const response = await ctx.app.inject({ url, headers: { cookie: admin.cookie } });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('operations endpoints', () => {
  it('checks the database in /health', async () => {
    const response = await ctx.app.inject({ url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: ctx.database.kind });
  });

  it('publishes the OpenAPI document generated from the route schemas, and a docs page', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/people',
        '/api/people/{id}',
        '/api/people/import/preview',
        '/api/organisation',
      ]),
    );
    expect(doc.paths['/api/people/import/preview'].post.requestBody).toBeTruthy();
    const docs = await ctx.app.inject({ url: '/api/docs' });
    expect(docs.statusCode).toBeLessThan(400);
  });

  it('answers unknown API routes with 404 in the error shape', async () => {
    const response = await ctx.app.inject({ url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
