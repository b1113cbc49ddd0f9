import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../db/schema.js';
import { loadConfig } from '../config.js';
import { createTestContext, type TestContext } from '../test/context.js';
import { createPerson, signedIn, TEST_PASSWORD } from '../test/factories.js';
import { ORIGIN_FREE_WRITES } from './csrf.js';

const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klik-web-security-'));
let ctx: TestContext;
beforeAll(async () => {
  fs.writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><title>Klik</title><div id="root"></div><script type="module" src="/assets/app.js"></script>',
  );
  ctx = await createTestContext({ webDistDir: webDir });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const foreign = 'https://evil.example';

function expectCsrfRefusal(response: LightMyRequestResponse) {
  expect(response.statusCode).toBe(403);
  const body = response.json();
  expect(body.error.code).toBe('csrf_origin');
  expect(body.error.message).toMatch(/\S/);
  expect(body.error).toHaveProperty('details');
}

async function isActive(personId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ isActive: person.isActive })
    .from(person)
    .where(eq(person.id, personId));
  return row!.isActive;
}

describe('cross-site writes (CSRF)', () => {
  it('refuses a write with a foreign Origin and the victim’s cookie, and changes nothing', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const victim = await createPerson(ctx.app, { organisationId: admin.organisationId });
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/${victim.id}/deactivate`,
      headers: { cookie: admin.cookie, origin: foreign },
      payload: {},
    });
    expectCsrfRefusal(response);
    expect(response.json().error.message).toContain('geweigerd');
    expect(await isActive(victim.id)).toBe(true);
  });

  it('writes the refusal in the language on screen', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/people/${admin.id}`,
      headers: { cookie: admin.cookie, origin: foreign, 'x-klik-locale': 'en' },
      payload: { team: 'Hacked' },
    });
    expectCsrfRefusal(response);
    expect(response.json().error.message).toContain('refused');
  });

  it('lets the same origin write, by Origin or (without one) by Sec-Fetch-Site', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const a = await createPerson(ctx.app, { organisationId: admin.organisationId });
    const byOrigin = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/${a.id}/deactivate`,
      headers: { cookie: admin.cookie, origin: ctx.config.baseUrl },
      payload: {},
    });
    expect(byOrigin.statusCode).toBe(200);
    expect(await isActive(a.id)).toBe(false);
    const byFetchSite = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/${a.id}/reactivate`,
      headers: { cookie: admin.cookie, origin: undefined, 'sec-fetch-site': 'same-origin' },
      payload: {},
    });
    expect(byFetchSite.statusCode).toBe(200);
    expect(await isActive(a.id)).toBe(true);
  });

  it('refuses cross-site, same-site, no signal at all, Origin "null", another port, and a foreign Origin that claims same-origin', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const victim = await createPerson(ctx.app, { organisationId: admin.organisationId });
    const attempts: Record<string, string | undefined>[] = [
      { origin: undefined, 'sec-fetch-site': 'cross-site' },
      { origin: undefined, 'sec-fetch-site': 'same-site' },
      { origin: undefined, 'sec-fetch-site': 'none' },
      { origin: undefined },
      { origin: 'null' },
      { origin: 'http://localhost:3001' },
      { origin: 'https://localhost:3000' },
      { origin: 'http://localhost:3000.evil.example' },
      { origin: foreign, 'sec-fetch-site': 'same-origin' },
      { origin: 'not a url' },
    ];
    for (const headers of attempts) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: `/api/people/${victim.id}/deactivate`,
        headers: { cookie: admin.cookie, ...headers },
        payload: {},
      });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expectCsrfRefusal(response);
    }
    expect(await isActive(victim.id)).toBe(true);
  });

  it('refuses a foreign write on every POST, PUT, PATCH and DELETE operation of the API', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const document = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(document.paths).flatMap(([route, operations]) =>
      Object.keys(operations)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({
          method: method.toUpperCase() as 'POST' | 'PUT' | 'PATCH' | 'DELETE',
          url: route.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
        })),
    );
    expect(writes.length).toBeGreaterThan(20);
    // The one documented exception (csrf.ts): RFC 8058 one-click unsubscribe, sent by mail
    // providers without an Origin; it reads no session. Tested in unsubscribe.int.test.ts.
    const checked = writes.filter((w) => !ORIGIN_FREE_WRITES.has(`${w.method} ${w.url}`));
    expect(writes.length - checked.length).toBe(ORIGIN_FREE_WRITES.size);
    for (const write of checked) {
      const response = await ctx.app.inject({
        ...write,
        headers: { cookie: admin.cookie, origin: foreign },
        payload: {},
      });
      expect(response.statusCode, `${write.method} ${write.url}`).toBe(403);
      expect(response.json().error.code, `${write.method} ${write.url}`).toBe('csrf_origin');
    }
  });

  it('refuses better-auth’s writes too: sign-in, sign-out, changing the user', async () => {
    const member = await signedIn(ctx.app, 'member');
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: foreign },
      payload: { email: member.email, password: TEST_PASSWORD },
    });
    expectCsrfRefusal(signIn);
    expect(signIn.headers['set-cookie']).toBeUndefined();
    for (const url of ['/api/auth/sign-out', '/api/auth/update-user']) {
      const response = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { cookie: member.cookie, origin: foreign },
        payload: { name: 'Renamed' },
      });
      expectCsrfRefusal(response);
    }
    // The session survived the refused sign-out.
    const me = await ctx.app.inject({ url: '/api/me', headers: { cookie: member.cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('leaves reads alone: a GET with a foreign Origin is answered', async () => {
    const member = await signedIn(ctx.app, 'member');
    const response = await ctx.app.inject({
      url: '/api/me',
      headers: { cookie: member.cookie, origin: foreign, 'sec-fetch-site': 'cross-site' },
    });
    expect(response.statusCode).toBe(200);
    // No CORS: the foreign page cannot read the answer.
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

function expectSecurityHeaders(response: LightMyRequestResponse) {
  const csp = String(response.headers['content-security-policy']);
  const directives = new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('script-src-attr')).toEqual(["'none'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  // http://localhost:3000 is not TLS: no HSTS, no upgrade.
  expect(response.headers['strict-transport-security']).toBeUndefined();
  expect(directives.has('upgrade-insecure-requests')).toBe(false);
}

describe('security headers', () => {
  it('are on API answers, which are never stored', async () => {
    const member = await signedIn(ctx.app, 'member');
    const answers = [
      await ctx.app.inject({ url: '/api/me', headers: { cookie: member.cookie } }),
      await ctx.app.inject({ url: '/api/me' }), // 401
      await ctx.app.inject({ url: '/api/no-such-route' }), // 404
      await ctx.app.inject({ url: '/api/auth/get-session', headers: { cookie: member.cookie } }),
      await ctx.app.inject({
        method: 'POST',
        url: '/api/me/profile',
        headers: { cookie: member.cookie, origin: foreign },
        payload: {},
      }), // 403 csrf
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 200, 403]);
    for (const answer of answers) {
      expectSecurityHeaders(answer);
      expect(answer.headers['cache-control']).toBe('no-store');
    }
  });

  it('are on the web app, whose index has no inline script', async () => {
    for (const url of ['/', '/people/123']) {
      const response = await ctx.app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expectSecurityHeaders(response);
    }
  });

  it('are on /api/docs, whose page loads only its own script files', async () => {
    const docs = await ctx.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expectSecurityHeaders(docs);
    const scripts = [...docs.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', content = ''] of scripts) {
      expect(attributes).toMatch(/src="\.\/static\/[\w.-]+\.js"/);
      expect(content.trim()).toBe('');
    }
    expect(docs.body).not.toMatch(/\son\w+=/i);
    const initializer = await ctx.app.inject({ url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    expectSecurityHeaders(initializer);
    // The API's description holds no personal data and may be cached.
    const spec = await ctx.app.inject({ url: '/api/openapi.json' });
    expectSecurityHeaders(spec);
    expect(spec.headers['cache-control']).not.toBe('no-store');
  });
});

describe('security headers over TLS', () => {
  let tls: TestContext;
  beforeAll(async () => {
    tls = await createTestContext({ baseUrl: 'https://klik.example.test' });
  });
  afterAll(async () => tls.close());

  it('adds HSTS and upgrades insecure requests when the public URL is https', async () => {
    const response = await tls.app.inject({ url: '/api/me' });
    expect(response.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('takes the https origin as the app’s own and refuses the http one', async () => {
    const admin = await signedIn(tls.app, 'org_admin');
    const victim = await createPerson(tls.app, { organisationId: admin.organisationId });
    const http = await tls.app.inject({
      method: 'POST',
      url: `/api/people/${victim.id}/deactivate`,
      headers: { cookie: admin.cookie, origin: 'http://klik.example.test' },
      payload: {},
    });
    expect(http.statusCode).toBe(403);
    const https = await tls.app.inject({
      method: 'POST',
      url: `/api/people/${victim.id}/deactivate`,
      headers: { cookie: admin.cookie, origin: 'https://klik.example.test' },
      payload: {},
    });
    expect(https.statusCode).toBe(200);
  });
});

describe('a local start without PUBLIC_URL', () => {
  let local: TestContext;
  beforeAll(async () => {
    const config = loadConfig({ PORT: '3000' });
    local = await createTestContext({
      baseUrl: config.baseUrl,
      allowedOrigins: config.allowedOrigins,
    });
  });
  afterAll(async () => local.close());

  it('lets pages on 127.0.0.1 or localhost at its port write, and nothing else', async () => {
    const admin = await signedIn(local.app, 'org_admin');
    const write = (origin: string) =>
      local.app.inject({
        method: 'PATCH',
        url: '/api/organisation',
        headers: { cookie: admin.cookie, origin },
        payload: { name: `Renamed from ${origin}` },
      });
    expect((await write('http://127.0.0.1:3000')).statusCode).toBe(200);
    expect((await write('http://localhost:3000')).statusCode).toBe(200);
    expect((await write('http://127.0.0.1:3001')).statusCode).toBe(403);
    expect((await write('http://evil.example')).statusCode).toBe(403);
  });
});
