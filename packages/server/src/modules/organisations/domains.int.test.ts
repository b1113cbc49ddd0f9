import { randomBytes } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, organisationDomain } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createPlatformAdmin, signedIn, signIn, verifyDomain } from '../../test/factories.js';

/** The DNS the tests control: host name → TXT records (each in chunks, as node:dns gives them). */
const dns = new Map<string, string[][]>();

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({}, { resolveTxt: async (host) => dns.get(host) ?? [] });
});
afterAll(async () => ctx.close());

const uniqueDomain = () => `d${randomBytes(4).toString('hex')}.example`;

type Method = 'GET' | 'POST' | 'DELETE';
const call = (method: Method, url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function addDomain(cookie: string, domain: string) {
  const response = await call('POST', '/api/organisation/domains', cookie, { domain });
  expect(response.statusCode).toBe(201);
  return response.json() as {
    id: string;
    domain: string;
    status: string;
    record: { type: string; name: string; value: string };
  };
}

describe('an organisation verifies its email domains', () => {
  it('by a DNS TXT record: pending until the record with its own token is published', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const domain = uniqueDomain();
    const added = await addDomain(admin.cookie, `https://${domain.toUpperCase()}/about`);
    expect(added).toMatchObject({
      domain,
      status: 'pending',
      verifiedAt: null,
      verifiedBy: null,
      record: { type: 'TXT', name: `_klik.${domain}` },
    });
    expect(added.record.value).toMatch(/^klik-verification=[\w-]{20,}$/);
    const listed = (await call('GET', '/api/organisation/domains', admin.cookie)).json();
    expect(listed.items).toEqual([added]);

    // Nothing published yet: a 422 that says what to publish.
    const missing = await call(
      'POST',
      `/api/organisation/domains/${added.id}/verify`,
      admin.cookie,
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.message).toContain(added.record.value);

    // Someone else's token (or a typo) is not enough.
    dns.set(`_klik.${domain}`, [['klik-verification=not-', 'the-token'], ['v=spf1 -all']]);
    const wrong = await call('POST', `/api/organisation/domains/${added.id}/verify`, admin.cookie);
    expect(wrong.statusCode).toBe(422);

    // The right record, split in chunks as long TXT records are.
    const value = added.record.value;
    dns.set(`_klik.${domain}`, [['v=spf1 -all'], [value.slice(0, 10), value.slice(10)]]);
    const verified = await call(
      'POST',
      `/api/organisation/domains/${added.id}/verify`,
      admin.cookie,
    );
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ domain, status: 'verified', verifiedBy: 'dns' });
    const audit = await ctx.db.select().from(auditEvent).where(eq(auditEvent.subjectId, added.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'organisation_domain.added',
      'organisation_domain.verified',
    ]);
  });

  it('also accepts the record on the domain itself, and an international name in punycode', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const suffix = randomBytes(3).toString('hex');
    const added = await addDomain(admin.cookie, `Bücher-${suffix}.Example.`);
    expect(added.domain).toBe(domainToASCII(`bücher-${suffix}.example`));
    expect(added.domain).toMatch(/^xn--/);
    dns.set(added.domain, [[added.record.value]]);
    const verified = await call(
      'POST',
      `/api/organisation/domains/${added.id}/verify`,
      admin.cookie,
    );
    expect(verified.json().status).toBe('verified');
  });

  it('names a malformed domain (400) and a domain added twice (409)', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    for (const domain of ['not a domain', 'localhost', '192.168.1.1', 'exa_mple.com', '', 'a..b']) {
      const response = await call('POST', '/api/organisation/domains', admin.cookie, { domain });
      expect(response.statusCode, domain).toBe(400);
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual([
        'body.domain',
      ]);
    }
    const domain = uniqueDomain();
    await addDomain(admin.cookie, domain);
    const twice = await call('POST', '/api/organisation/domains', admin.cookie, {
      domain: `@${domain.toUpperCase()}`,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details[0].field).toBe('body.domain');
  });

  it('is for org admins only (403), and another organisation’s domain is not found (404)', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const added = await addDomain(admin.cookie, uniqueDomain());
    for (const role of ['programme_manager', 'sponsor', 'member'] as const) {
      const caller = await signedIn(ctx.app, role, admin.organisationId);
      const attempts = [
        call('GET', '/api/organisation/domains', caller.cookie),
        call('POST', '/api/organisation/domains', caller.cookie, { domain: uniqueDomain() }),
        call('POST', `/api/organisation/domains/${added.id}/verify`, caller.cookie),
        call('DELETE', `/api/organisation/domains/${added.id}`, caller.cookie),
        call('GET', '/api/admin/domains', caller.cookie),
        call('POST', `/api/admin/domains/${added.id}/approve`, caller.cookie),
      ];
      for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(403);
    }
    const outsider = await signedIn(ctx.app, 'org_admin');
    dns.set(`_klik.${added.domain}`, [[added.record.value]]);
    for (const response of await Promise.all([
      call('POST', `/api/organisation/domains/${added.id}/verify`, outsider.cookie),
      call('DELETE', `/api/organisation/domains/${added.id}`, outsider.cookie),
    ])) {
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(added.domain);
    }
    expect((await call('GET', '/api/organisation/domains', outsider.cookie)).json().items).toEqual(
      [],
    );
    // Still pending: the outsider's verify did nothing.
    const [row] = await ctx.db
      .select()
      .from(organisationDomain)
      .where(eq(organisationDomain.id, added.id));
    expect(row!.verifiedAt).toBeNull();
  });

  it('removes a domain', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const added = await addDomain(admin.cookie, uniqueDomain());
    const removed = await call('DELETE', `/api/organisation/domains/${added.id}`, admin.cookie);
    expect(removed.statusCode).toBe(204);
    expect((await call('GET', '/api/organisation/domains', admin.cookie)).json().items).toEqual([]);
    const again = await call('DELETE', `/api/organisation/domains/${added.id}`, admin.cookie);
    expect(again.statusCode).toBe(404);
  });
});

describe('a platform admin approves a domain', () => {
  it('lists pending domains of every organisation, approves one and turns another down', async () => {
    const platform = await createPlatformAdmin(ctx.app);
    const cookie = await signIn(ctx.app, platform.email);
    const a = await signedIn(ctx.app, 'org_admin');
    const b = await signedIn(ctx.app, 'org_admin');
    const fromA = await addDomain(a.cookie, uniqueDomain());
    const fromB = await addDomain(b.cookie, uniqueDomain());
    const pending = (await call('GET', '/api/admin/domains', cookie)).json().items;
    expect(pending).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: fromA.id,
          domain: fromA.domain,
          organisation: { id: a.organisationId, name: expect.any(String) },
          verifiedElsewhereBy: null,
        }),
        expect.objectContaining({
          id: fromB.id,
          organisation: expect.objectContaining({ id: b.organisationId }),
        }),
      ]),
    );

    const approved = await call('POST', `/api/admin/domains/${fromA.id}/approve`, cookie);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'verified', verifiedBy: 'platform_admin' });
    const mine = (await call('GET', '/api/organisation/domains', a.cookie)).json().items;
    expect(mine[0]).toMatchObject({ id: fromA.id, status: 'verified' });

    const rejected = await call('DELETE', `/api/admin/domains/${fromB.id}`, cookie);
    expect(rejected.statusCode).toBe(204);
    expect((await call('GET', '/api/organisation/domains', b.cookie)).json().items).toEqual([]);
    const after = (await call('GET', '/api/admin/domains', cookie)).json().items;
    expect(after.map((d: { id: string }) => d.id)).not.toContain(fromA.id);
    expect(after.map((d: { id: string }) => d.id)).not.toContain(fromB.id);
  });
});

describe('a domain belongs to one organisation', () => {
  it('another organisation may claim it, but its verification fails as if no record were there', async () => {
    const a = await signedIn(ctx.app, 'org_admin');
    const b = await signedIn(ctx.app, 'org_admin');
    const domain = await verifyDomain(ctx.db, a.organisationId, uniqueDomain());

    // Claiming looks exactly like claiming a free domain.
    const claim = await addDomain(b.cookie, domain);
    const free = await addDomain(b.cookie, uniqueDomain());
    expect(Object.keys(claim).sort()).toEqual(Object.keys(free).sort());
    expect(claim.status).toBe(free.status);

    // B even controls the DNS record (say the domain was sold): still refused, neutrally.
    dns.set(`_klik.${domain}`, [[claim.record.value]]);
    const refused = await call('POST', `/api/organisation/domains/${claim.id}/verify`, b.cookie);
    const missing = await call('POST', `/api/organisation/domains/${free.id}/verify`, b.cookie);
    expect(refused.statusCode).toBe(422);
    expect(missing.statusCode).toBe(422);
    const shape = (text: string, d: { domain: string; record: { name: string; value: string } }) =>
      text.replaceAll(d.domain, 'D').replace(d.record.value, 'V');
    expect(shape(refused.json().error.message, claim)).toBe(
      shape(missing.json().error.message, free),
    );
    expect(refused.body).not.toContain(a.organisationId);

    // A platform admin is told who holds it, and cannot approve it twice.
    const platform = await createPlatformAdmin(ctx.app);
    const cookie = await signIn(ctx.app, platform.email);
    const pending = (await call('GET', '/api/admin/domains', cookie)).json().items;
    expect(pending.find((d: { id: string }) => d.id === claim.id).verifiedElsewhereBy).toEqual(
      expect.any(String),
    );
    const approve = await call('POST', `/api/admin/domains/${claim.id}/approve`, cookie);
    expect(approve.statusCode).toBe(409);

    const verified = await ctx.db
      .select()
      .from(organisationDomain)
      .where(eq(organisationDomain.domain, domain));
    expect(verified.filter((r) => r.verifiedAt !== null).map((r) => r.organisationId)).toEqual([
      a.organisationId,
    ]);
  });

  it('two organisations verifying at once: exactly one succeeds', async () => {
    const a = await signedIn(ctx.app, 'org_admin');
    const b = await signedIn(ctx.app, 'org_admin');
    const domain = uniqueDomain();
    const claimA = await addDomain(a.cookie, domain);
    const claimB = await addDomain(b.cookie, domain);
    dns.set(`_klik.${domain}`, [[claimA.record.value], [claimB.record.value]]);
    const answers = await Promise.all([
      call('POST', `/api/organisation/domains/${claimA.id}/verify`, a.cookie),
      call('POST', `/api/organisation/domains/${claimB.id}/verify`, b.cookie),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    const rows = await ctx.db
      .select()
      .from(organisationDomain)
      .where(eq(organisationDomain.domain, domain));
    expect(rows.filter((r) => r.verifiedAt !== null)).toHaveLength(1);
  });
});
