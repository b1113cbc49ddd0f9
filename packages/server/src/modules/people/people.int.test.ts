import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, mailOutbox, person } from '../../db/schema.js';
import {
  createPerson,
  createOrganisation,
  signedIn,
  signIn,
  verifyDomain,
} from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { isInReportingLine } from './repository.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const get = (url: string, cookie: string) =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PATCH', url: string, cookie: string, payload: unknown) =>
  ctx.app.inject({ method, url, headers: { cookie }, payload: payload as object });

describe('people directory', () => {
  it('lists and searches only the caller’s organisation', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    await createPerson(ctx.app, {
      organisationId: admin.organisationId,
      givenName: 'Zeynep',
      familyName: 'Kaya',
      department: 'IT',
    });
    const other = await createOrganisation(ctx.db);
    await createPerson(ctx.app, {
      organisationId: other.id,
      givenName: 'Zeynep',
      familyName: 'Elsewhere',
    });
    const response = await get('/api/people?search=zeynep', admin.cookie);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((p: { name: string }) => p.name)).toEqual(['Zeynep Kaya']);
    expect(body.total).toBe(1);
    expect(body.departments).toContain('IT');
  });

  it('lets programme managers read the directory but not members or sponsors (403)', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    expect((await get('/api/people', manager.cookie)).statusCode).toBe(200);
    for (const role of ['member', 'sponsor'] as const) {
      const caller = await signedIn(ctx.app, role);
      const response = await get('/api/people', caller.cookie);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
  });

  it('shows a person with their reporting line and direct reports', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const org = admin.organisationId;
    const top = await createPerson(ctx.app, { organisationId: org, givenName: 'Top' });
    const middle = await createPerson(ctx.app, {
      organisationId: org,
      givenName: 'Middle',
      managerId: top.id,
    });
    const bottom = await createPerson(ctx.app, {
      organisationId: org,
      givenName: 'Bottom',
      managerId: middle.id,
    });
    const response = await get(`/api/people/${middle.id}`, admin.cookie);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.managers.map((m: { id: string; depth: number }) => [m.id, m.depth])).toEqual([
      [top.id, 1],
    ]);
    expect(body.directReports.map((r: { id: string }) => r.id)).toEqual([bottom.id]);
    expect(await isInReportingLine(ctx.db, bottom.id, top.id, 2)).toBe(true);
    expect(await isInReportingLine(ctx.db, top.id, bottom.id, 2)).toBe(true);
    expect(await isInReportingLine(ctx.db, bottom.id, top.id, 1)).toBe(false);
  });

  it('invites one person by email: the person exists and a mail is on its way', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const domain = await verifyDomain(ctx.db, admin.organisationId, 'example-invite.test');
    const response = await send('POST', '/api/people', admin.cookie, {
      email: 'New.Colleague@Example-Invite.test',
      givenName: 'New',
      familyName: 'Colleague',
      jobTitle: 'Engineer',
      preferredLanguage: 'en',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      email: `new.colleague@${domain}`,
      role: 'member',
      isActive: true,
    });
    const [mail] = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, `new.colleague@${domain}`));
    expect(mail?.subject).toBe('You are invited to Klik');
    const again = await send('POST', '/api/people', admin.cookie, {
      email: `new.colleague@${domain}`,
      givenName: 'Again',
      familyName: 'Again',
    });
    expect(again.statusCode).toBe(409);
  });

  it('names bad fields on invite (400)', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const response = await send('POST', '/api/people', admin.cookie, {
      email: 'nope',
      givenName: '',
      familyName: 'X',
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.givenName']));
  });

  it('edits a person and refuses a manager that would close a loop (422)', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const org = admin.organisationId;
    const boss = await createPerson(ctx.app, { organisationId: org });
    const report = await createPerson(ctx.app, { organisationId: org, managerId: boss.id });
    const ok = await send('PATCH', `/api/people/${report.id}`, admin.cookie, {
      jobTitle: 'Lead',
      team: 'Core',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ jobTitle: 'Lead', team: 'Core', manager: { id: boss.id } });
    const loop = await send('PATCH', `/api/people/${boss.id}`, admin.cookie, {
      managerId: report.id,
    });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().error.details[0].field).toBe('body.managerId');
  });

  it('edits the job level, names a bad one (400) and clears it with null', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const someone = await createPerson(ctx.app, { organisationId: admin.organisationId });
    const set = await send('PATCH', `/api/people/${someone.id}`, admin.cookie, { jobLevel: 11 });
    expect(set.statusCode).toBe(200);
    expect(set.json().jobLevel).toBe(11);
    expect((await get(`/api/people/${someone.id}`, admin.cookie)).json().jobLevel).toBe(11);
    for (const jobLevel of [0, 21, 7.5, 'senior']) {
      const bad = await send('PATCH', `/api/people/${someone.id}`, admin.cookie, { jobLevel });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('body.jobLevel');
    }
    const cleared = await send('PATCH', `/api/people/${someone.id}`, admin.cookie, {
      jobLevel: null,
    });
    expect(cleared.json().jobLevel).toBeNull();
  });

  it('deactivates a person: their sessions end and they cannot sign in', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const member = await signedIn(ctx.app, 'member', admin.organisationId);
    expect((await get('/api/me', member.cookie)).statusCode).toBe(200);
    const response = await send('POST', `/api/people/${member.id}/deactivate`, admin.cookie, {});
    expect(response.statusCode).toBe(200);
    expect(response.json().isActive).toBe(false);
    expect((await get('/api/me', member.cookie)).statusCode).toBe(401);
    await expect(signIn(ctx.app, member.email)).rejects.toThrow(/403/);
    const back = await send('POST', `/api/people/${member.id}/reactivate`, admin.cookie, {});
    expect(back.json().isActive).toBe(true);
    const self = await send('POST', `/api/people/${admin.id}/deactivate`, admin.cookie, {});
    expect(self.statusCode).toBe(422);
  });

  it('lets only org admins change people (403 for a programme manager)', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const someone = await createPerson(ctx.app, { organisationId: manager.organisationId });
    expect(
      (await send('PATCH', `/api/people/${someone.id}`, manager.cookie, { team: 'X' })).statusCode,
    ).toBe(403);
    expect(
      (await send('POST', `/api/people/${someone.id}/deactivate`, manager.cookie, {})).statusCode,
    ).toBe(403);
    expect(
      (
        await send('POST', '/api/people', manager.cookie, {
          email: 'a@b.test',
          givenName: 'A',
          familyName: 'B',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await send('POST', '/api/people/import/preview', manager.cookie, { csv: 'email' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send('POST', '/api/people/import/apply', manager.cookie, { csv: 'email' })).statusCode,
    ).toBe(403);
  });
});

describe('another organisation’s people are invisible (404, nothing leaked)', () => {
  it('on every person route', async () => {
    const outsider = await signedIn(ctx.app, 'org_admin');
    const victim = await createPerson(ctx.app, { givenName: 'Secret', familyName: 'Person' });
    const attempts = [
      get(`/api/people/${victim.id}`, outsider.cookie),
      send('PATCH', `/api/people/${victim.id}`, outsider.cookie, { jobTitle: 'Hacked' }),
      send('POST', `/api/people/${victim.id}/deactivate`, outsider.cookie, {}),
      send('POST', `/api/people/${victim.id}/reactivate`, outsider.cookie, {}),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Secret');
      expect(response.json().error.code).toBe('not_found');
    }
    const [row] = await ctx.db.select().from(person).where(eq(person.id, victim.id));
    expect(row).toMatchObject({ jobTitle: null, isActive: true });
    const list = await get('/api/people?search=Secret', outsider.cookie);
    expect(list.json().total).toBe(0);
  });

  it('refuses another organisation’s person as a manager', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const mine = await createPerson(ctx.app, { organisationId: admin.organisationId });
    const foreign = await createPerson(ctx.app);
    const response = await send('PATCH', `/api/people/${mine.id}`, admin.cookie, {
      managerId: foreign.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('body.managerId');
  });
});

describe('CSV import', () => {
  const csv = (rows: string[]) =>
    [
      'email,given_name,family_name,employee_id,manager,department,team,job_title,location,preferred_language,start_date,leave_date',
      ...rows,
    ].join('\n');

  it('previews without writing, applies in one go, and a re-import changes nothing', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const acme = await verifyDomain(ctx.db, admin.organisationId);
    const file = csv([
      `lead@${acme},Lea,Leider,A1,,Sales,North,Team lead,Utrecht,nl,2020-01-01,`,
      `rep@${acme},Rob,Rep,A2,A1,Sales,North,Account manager,Utrecht,English,15-03-2022,`,
      `rep2@${acme},Ria,Rep,A3,lead@${acme},Sales,North,Account manager,Utrecht,,,`,
    ]);
    const preview = await send('POST', '/api/people/import/preview', admin.cookie, { csv: file });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      canApply: true,
      summary: { add: 3, update: 0, errors: 0 },
    });
    const before = await ctx.db
      .select()
      .from(person)
      .where(eq(person.organisationId, admin.organisationId));
    expect(before).toHaveLength(1);

    const applied = await send('POST', '/api/people/import/apply', admin.cookie, { csv: file });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toEqual({
      applied: true,
      summary: { add: 3, update: 0, unchanged: 0, deactivate: 0, errors: 0 },
    });
    const list = (await get('/api/people?department=Sales', admin.cookie)).json();
    expect(list.total).toBe(3);
    const rep = list.items.find((p: { email: string }) => p.email === `rep@${acme}`);
    expect(rep).toMatchObject({
      manager: { name: 'Lea Leider' },
      preferredLanguage: 'en',
      startDate: '2022-03-15',
    });
    expect(await isInReportingLine(ctx.db, rep.id, rep.manager.id, 1)).toBe(true);

    const again = await send('POST', '/api/people/import/preview', admin.cookie, { csv: file });
    expect(again.json().summary).toEqual({
      add: 0,
      update: 0,
      unchanged: 3,
      deactivate: 0,
      errors: 0,
    });
    const reapplied = await send('POST', '/api/people/import/apply', admin.cookie, { csv: file });
    expect(reapplied.json().summary.unchanged).toBe(3);
    const audit = await ctx.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.organisationId, admin.organisationId),
          eq(auditEvent.action, 'people.imported'),
        ),
      );
    expect(audit).toHaveLength(2);
  });

  it('shows each bad row with its line and field, and refuses to apply (422) without writing anything', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const acme = await verifyDomain(ctx.db, admin.organisationId);
    const file = csv([
      `ok@${acme},Ok,Person,B1,,Ops,,,,,,`,
      `bad@${acme},Bad,Manager,B2,ghost@${acme},Ops,,,,,,`,
      `date@${acme},Bad,Date,B3,,Ops,,,,,32-01-2020,`,
    ]);
    const preview = (
      await send('POST', '/api/people/import/preview', admin.cookie, { csv: file })
    ).json();
    expect(preview.canApply).toBe(false);
    expect(preview.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'manager'],
      [4, 'start_date'],
    ]);
    // Each problem is written in the language on screen, whatever the saved language.
    const inLanguage = async (locale: 'nl' | 'en') =>
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/people/import/preview',
          headers: { cookie: admin.cookie, 'x-klik-locale': locale },
          payload: { csv: file },
        })
      )
        .json()
        .errors.map((e: { message: string }) => e.message);
    const [dutch, english] = [await inLanguage('nl'), await inLanguage('en')];
    expect(dutch).toHaveLength(2);
    expect(dutch).not.toEqual(english);
    const applied = await send('POST', '/api/people/import/apply', admin.cookie, { csv: file });
    expect(applied.statusCode).toBe(422);
    expect(applied.json().error.details.errors).toHaveLength(2);
    const rows = await ctx.db
      .select()
      .from(person)
      .where(eq(person.organisationId, admin.organisationId));
    expect(rows).toHaveLength(1);
  });

  it('updates, deactivates leavers and (in sync mode) people missing from the file', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const acme = await verifyDomain(ctx.db, admin.organisationId);
    const org = admin.organisationId;
    await createPerson(ctx.app, {
      organisationId: org,
      email: `stay@${acme}`,
      employeeId: 'C1',
      givenName: 'Stay',
      familyName: 'Here',
    });
    const leaver = await createPerson(ctx.app, {
      organisationId: org,
      email: `leave@${acme}`,
      employeeId: 'C2',
    });
    const missing = await signedIn(ctx.app, 'member', org);
    const file = csv([
      `stay@${acme},Stay,Here,C1,,Finance,,Controller,,,,`,
      `leave@${acme},Lee,Ver,C2,,Finance,,,,,,2020-01-31`,
    ]);
    const preview = (
      await send('POST', '/api/people/import/preview', admin.cookie, {
        csv: file,
        deactivateMissing: true,
      })
    ).json();
    expect(preview.rows.map((r: { action: string }) => r.action)).toEqual(['update', 'deactivate']);
    expect(preview.missingDeactivated.map((m: { email: string }) => m.email)).toEqual([
      missing.email,
    ]);
    const applied = await send('POST', '/api/people/import/apply', admin.cookie, {
      csv: file,
      deactivateMissing: true,
      confirmDeactivations: 2,
    });
    expect(applied.statusCode).toBe(200);
    const [leaverRow] = await ctx.db.select().from(person).where(eq(person.id, leaver.id));
    expect(leaverRow!.isActive).toBe(false);
    expect((await get('/api/me', missing.cookie)).statusCode).toBe(401);
    expect((await get('/api/me', admin.cookie)).statusCode).toBe(200);
  });

  it('imports the job level from a Dutch column; the same file again changes nothing', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const acme = await verifyDomain(ctx.db, admin.organisationId);
    const file = [
      'E-mail;Voornaam;Achternaam;Functieniveau',
      `niveau1@${acme};Nora;Niveau;9`,
      `niveau2@${acme};Nico;Niveau;`,
    ].join('\n');
    const applied = await send('POST', '/api/people/import/apply', admin.cookie, { csv: file });
    expect(applied.json().summary).toMatchObject({ add: 2, errors: 0 });
    const levels = async () =>
      (await get('/api/people?search=Niveau', admin.cookie))
        .json()
        .items.map((p: { email: string; jobLevel: number | null }) => [p.email, p.jobLevel]);
    expect(await levels()).toEqual([
      [`niveau2@${acme}`, null],
      [`niveau1@${acme}`, 9],
    ]);
    const again = await send('POST', '/api/people/import/apply', admin.cookie, { csv: file });
    expect(again.json().summary).toMatchObject({ add: 0, update: 0, unchanged: 2 });
    const promoted = file.replace(';9', ';10');
    const preview = (
      await send('POST', '/api/people/import/preview', admin.cookie, { csv: promoted })
    ).json();
    expect(preview.rows.map((r: { changes: string[] }) => r.changes)).toEqual([['jobLevel'], []]);
    await send('POST', '/api/people/import/apply', admin.cookie, { csv: promoted });
    expect((await levels())[1]).toEqual([`niveau1@${acme}`, 10]);
    const bad = (
      await send('POST', '/api/people/import/preview', admin.cookie, {
        csv: file.replace(';9', ';negen'),
      })
    ).json();
    expect(bad.errors).toEqual([
      {
        line: 2,
        field: 'job_level',
        message: expect.stringContaining('"negen"'),
      },
    ]);
  });

  it('names the field when the request itself is malformed', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const response = await send('POST', '/api/people/import/preview', admin.cookie, { csv: 42 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('body.csv');
  });
});
