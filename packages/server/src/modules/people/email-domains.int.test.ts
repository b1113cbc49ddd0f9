import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, user } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import {
  createPerson,
  createPlatformAdmin,
  signedIn,
  signIn,
  verifyDomain,
} from '../../test/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const send = (method: 'POST' | 'PATCH', url: string, cookie: string, payload: object) =>
  ctx.app.inject({ method, url, headers: { cookie, 'x-klik-locale': 'en' }, payload });
const invite = (cookie: string, email: string) =>
  send('POST', '/api/people', cookie, {
    email,
    givenName: 'New',
    familyName: 'Person',
    sendInvitation: false,
  });
const local = () => `p${randomBytes(4).toString('hex')}`;

/** Organisation B with a verified domain and one person under it; A is a signed-in org admin. */
async function twoOrganisations() {
  const a = await signedIn(ctx.app, 'org_admin');
  const aDomain = await verifyDomain(ctx.db, a.organisationId);
  const b = await signedIn(ctx.app, 'org_admin');
  const bDomain = await verifyDomain(ctx.db, b.organisationId);
  const existing = await createPerson(ctx.app, {
    organisationId: b.organisationId,
    email: `${local()}@${bDomain}`,
  });
  return { a, aDomain, b, bDomain, existing };
}

describe('people are added only under the organisation’s verified domains', () => {
  it('refuses an unverified domain (422 naming the email field), accepts a verified one', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const refused = await invite(admin.cookie, `${local()}@unverified-${local()}.test`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([
      {
        field: 'body.email',
        message: expect.stringMatching(/^the domain unverified-.*\.test is not verified/),
      },
    ]);
    // A pending claim is not enough.
    const pending = `pending-${local()}.test`;
    const claim = await send('POST', '/api/organisation/domains', admin.cookie, {
      domain: pending,
    });
    expect(claim.statusCode).toBe(201);
    expect((await invite(admin.cookie, `${local()}@${pending}`)).statusCode).toBe(422);

    const domain = await verifyDomain(ctx.db, admin.organisationId);
    const accepted = await invite(admin.cookie, `${local()}@${domain.toUpperCase()}`);
    expect(accepted.statusCode).toBe(201);
    // "Already in use" only for one's own people.
    const again = await invite(admin.cookie, accepted.json().email);
    expect(again.statusCode).toBe(409);
  });

  it('answers the same for another organisation’s existing and unknown addresses', async () => {
    const { a, bDomain, existing } = await twoOrganisations();
    // Even with a pending claim on B's domain, A learns nothing.
    await send('POST', '/api/organisation/domains', a.cookie, { domain: bDomain });
    const known = await invite(a.cookie, existing.email);
    const unknown = await invite(a.cookie, `${local()}@${bDomain}`);
    expect(known.statusCode).toBe(422);
    expect(unknown.statusCode).toBe(422);
    expect(known.json()).toEqual(unknown.json());
    expect(known.body).not.toMatch(/in use|gebruik/);

    // The same through an edit of one of A's people.
    const mine = await createPerson(ctx.app, { organisationId: a.organisationId });
    const editKnown = await send('PATCH', `/api/people/${mine.id}`, a.cookie, {
      email: existing.email,
    });
    const editUnknown = await send('PATCH', `/api/people/${mine.id}`, a.cookie, {
      email: `${local()}@${bDomain}`,
    });
    expect(editKnown.statusCode).toBe(422);
    expect(editKnown.json()).toEqual(editUnknown.json());
    const [row] = await ctx.db.select().from(person).where(eq(person.id, mine.id));
    expect(row!.email).toBe(mine.email);
  });

  it('gives a neutral 422 for an account elsewhere under the organisation’s own domain', async () => {
    // Only a platform admin can have made this: someone at A's domain who is in organisation B.
    const { a, aDomain, b } = await twoOrganisations();
    const elsewhere = await createPerson(ctx.app, {
      organisationId: b.organisationId,
      email: `${local()}@${aDomain}`,
    });
    const response = await invite(a.cookie, elsewhere.email);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([
      {
        field: 'body.email',
        message: 'this address cannot be used here; ask the platform administrator',
      },
    ]);
    expect(response.body).not.toContain(b.organisationId);
  });

  it('changes a person’s address (and sign-in) to one under a verified domain', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const domain = await verifyDomain(ctx.db, admin.organisationId);
    const someone = await createPerson(ctx.app, { organisationId: admin.organisationId });
    const email = `${local()}@${domain}`;
    const changed = await send('PATCH', `/api/people/${someone.id}`, admin.cookie, { email });
    expect(changed.statusCode).toBe(200);
    const [account] = await ctx.db.select().from(user).where(eq(user.id, someone.userId));
    expect(account!.email).toBe(email);
    // Keeping an old address under an unverified domain is fine: only new addresses are checked.
    const other = await createPerson(ctx.app, { organisationId: admin.organisationId });
    const kept = await send('PATCH', `/api/people/${other.id}`, admin.cookie, {
      email: other.email,
      jobTitle: 'Kept',
    });
    expect(kept.statusCode).toBe(200);
  });
});

describe('the CSV import', () => {
  const header = 'email,given_name,family_name';

  it('flags each line under an unverified domain, identically for existing and unknown addresses', async () => {
    const { a, aDomain, bDomain, existing } = await twoOrganisations();
    const csv = [
      header,
      `${local()}@${aDomain},Own,Domain`,
      `${existing.email},Known,Elsewhere`,
      `${local()}@${bDomain},Unknown,Elsewhere`,
    ].join('\n');
    const preview = await send('POST', '/api/people/import/preview', a.cookie, { csv });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.canApply).toBe(false);
    expect(body.errors).toEqual([
      {
        line: 3,
        field: 'email',
        message: `the domain ${bDomain} is not verified for your organisation`,
      },
      {
        line: 4,
        field: 'email',
        message: `the domain ${bDomain} is not verified for your organisation`,
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/in use|another account/);

    const apply = await send('POST', '/api/people/import/apply', a.cookie, { csv });
    expect(apply.statusCode).toBe(422);
    const rows = await ctx.db
      .select()
      .from(person)
      .where(eq(person.organisationId, a.organisationId));
    expect(rows).toHaveLength(1);
  });

  it('flags an account elsewhere under its own domain neutrally, and updates its own people freely', async () => {
    const { a, aDomain, b } = await twoOrganisations();
    const elsewhere = await createPerson(ctx.app, {
      organisationId: b.organisationId,
      email: `${local()}@${aDomain}`,
    });
    // One of A's people under a domain A never verified (added before the rule): still updatable.
    const old = await createPerson(ctx.app, {
      organisationId: a.organisationId,
      email: `${local()}@legacy-${local()}.test`,
    });
    const csv = [header, `${elsewhere.email},Else,Where`, `${old.email},Old,Timer`].join('\n');
    const preview = (await send('POST', '/api/people/import/preview', a.cookie, { csv })).json();
    expect(preview.errors).toEqual([
      {
        line: 2,
        field: 'email',
        message: `${elsewhere.email} cannot be used here; ask the platform administrator`,
      },
    ]);
    expect(preview.rows[1]).toMatchObject({ line: 3, action: 'update' });
  });
});

describe('a platform admin may add people under any domain', () => {
  it('creates an organisation whose first admin has an unverified domain', async () => {
    const platform = await createPlatformAdmin(ctx.app);
    const cookie = await signIn(ctx.app, platform.email);
    const slug = `org-${local()}`;
    const response = await send('POST', '/api/admin/organisations', cookie, {
      name: 'Nieuw BV',
      slug,
      admin: { email: `eigenaar@${slug}.test`, givenName: 'Eva', familyName: 'Eigenaar' },
    });
    expect(response.statusCode).toBe(201);
  });
});
