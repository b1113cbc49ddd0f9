import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, person } from '../../db/schema.js';
import { createPerson, signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

/**
 * An import that deactivates people is applied only with a confirmation naming exactly how many:
 * no confirmation, a wrong number or a number from a preview gone stale deactivates nobody.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const send = (url: string, cookie: string, payload: unknown, locale = 'nl') =>
  ctx.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'x-klik-locale': locale },
    payload: payload as object,
  });

const csv = (rows: string[]) =>
  ['email,given_name,family_name,employee_id,leave_date', ...rows].join('\n');

async function activeIn(organisationId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ email: person.email })
    .from(person)
    .where(and(eq(person.organisationId, organisationId), eq(person.isActive, true)));
  return rows.map((r) => r.email).sort();
}

describe('applying an import that deactivates people', () => {
  it('refuses without the confirmation, or with a wrong number, naming the field and the count', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const org = admin.organisationId;
    await createPerson(ctx.app, { organisationId: org, email: 'stays@dh.test', employeeId: 'S1' });
    await createPerson(ctx.app, { organisationId: org, email: 'leaves@dh.test', employeeId: 'L1' });
    await createPerson(ctx.app, { organisationId: org, email: 'missing@dh.test' });
    const request = {
      csv: csv(['stays@dh.test,Stay,Here,S1,', 'leaves@dh.test,Lee,Ver,L1,2020-01-31']),
      deactivateMissing: true,
    };
    const preview = (await send('/api/people/import/preview', admin.cookie, request)).json();
    // The leaver by date and the person missing from the file (never the admin running it).
    expect(preview.summary.deactivate).toBe(2);
    const before = await activeIn(org);

    for (const confirmDeactivations of [undefined, 0, 1, 3]) {
      const refused = await send('/api/people/import/apply', admin.cookie, {
        ...request,
        ...(confirmDeactivations === undefined ? {} : { confirmDeactivations }),
      });
      expect(refused.statusCode, `confirm ${confirmDeactivations}`).toBe(422);
      expect(refused.json().error.details).toEqual([
        { field: 'body.confirmDeactivations', message: expect.stringContaining('2 personen') },
      ]);
    }
    const english = await send('/api/people/import/apply', admin.cookie, request, 'en');
    expect(english.json().error.details[0].message).toContain('deactivates 2 people');
    expect(await activeIn(org)).toEqual(before);

    const applied = await send('/api/people/import/apply', admin.cookie, {
      ...request,
      confirmDeactivations: 2,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().summary.deactivate).toBe(2);
    expect(await activeIn(org)).toEqual([admin.email, 'stays@dh.test'].sort());
    const [audit] = await ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.organisationId, org), eq(auditEvent.action, 'people.imported')));
    expect(audit!.details).toMatchObject({ summary: { deactivate: 2 } });
  });

  it('refuses a number from a preview gone stale: someone added since would be deactivated too', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const org = admin.organisationId;
    await createPerson(ctx.app, { organisationId: org, email: 'in-file@stale.test' });
    await createPerson(ctx.app, { organisationId: org, email: 'gone@stale.test' });
    const request = { csv: csv(['in-file@stale.test,In,File,,']), deactivateMissing: true };
    const seen = (await send('/api/people/import/preview', admin.cookie, request)).json();
    expect(seen.summary.deactivate).toBe(1);
    // Meanwhile someone is added to the directory; the same file would now deactivate two.
    await createPerson(ctx.app, { organisationId: org, email: 'new@stale.test' });
    const stale = await send('/api/people/import/apply', admin.cookie, {
      ...request,
      confirmDeactivations: 1,
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().error.details[0]).toMatchObject({ field: 'body.confirmDeactivations' });
    expect(stale.json().error.details[0].message).toContain('2');
    expect(await activeIn(org)).toContain('new@stale.test');
    expect(await activeIn(org)).toContain('gone@stale.test');
  });

  it('needs no confirmation when nobody is deactivated, but refuses a number that is not 0', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    await createPerson(ctx.app, { organisationId: admin.organisationId, email: 'kept@none.test' });
    const request = { csv: csv(['kept@none.test,Kept,Renamed,,']) };
    const wrong = await send('/api/people/import/apply', admin.cookie, {
      ...request,
      confirmDeactivations: 299,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details[0].field).toBe('body.confirmDeactivations');
    const applied = await send('/api/people/import/apply', admin.cookie, request);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().summary).toMatchObject({ update: 1, deactivate: 0 });
    const bad = await send('/api/people/import/apply', admin.cookie, {
      ...request,
      confirmDeactivations: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.confirmDeactivations');
  });

  it('is for org admins only (403), and never reaches another organisation’s people', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const other = await signedIn(ctx.app, 'org_admin');
    const bystander = await createPerson(ctx.app, {
      organisationId: other.organisationId,
      email: 'bystander@other.test',
    });
    for (const role of ['programme_manager', 'member', 'sponsor'] as const) {
      const caller = await signedIn(ctx.app, role, admin.organisationId);
      const refused = await send('/api/people/import/apply', caller.cookie, {
        csv: csv(['x@roles.test,X,Y,,']),
        deactivateMissing: true,
        confirmDeactivations: 1,
      });
      expect(refused.statusCode).toBe(403);
    }
    expect(await activeIn(admin.organisationId)).toHaveLength(4);
    // A full sync of the first organisation counts and deactivates only its own people.
    const request = { csv: csv([`${admin.email},Ad,Min,,`]), deactivateMissing: true };
    const preview = (await send('/api/people/import/preview', admin.cookie, request)).json();
    expect(preview.summary.deactivate).toBe(3);
    expect(JSON.stringify(preview)).not.toContain('bystander');
    const applied = await send('/api/people/import/apply', admin.cookie, {
      ...request,
      confirmDeactivations: 3,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const [row] = await ctx.db.select().from(person).where(eq(person.id, bystander.id));
    expect(row!.isActive).toBe(true);
  });
});
