import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrolment,
  job,
  mentoringRequest,
  organisation,
  organisationDomain,
  person,
  programme,
  relationship,
  relationshipMentee,
} from '../db/schema.js';
import { createTestContext, type TestContext } from '../test/context.js';
import { signIn } from '../test/factories.js';
import { DEMO_PASSWORD, demoSignIns, loadDemoDataIfEmpty } from './seed.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoDataIfEmpty(ctx.db, ctx.app.auth);
}, 120_000);
afterAll(async () => ctx.close());

describe('demo data', () => {
  it('has an SME of ~40 and a corporate of ~300 with four management levels', async () => {
    const orgs = await ctx.db.select().from(organisation);
    const sizes = new Map<string, number>();
    for (const org of orgs) {
      const rows = await ctx.db.select().from(person).where(eq(person.organisationId, org.id));
      sizes.set(org.slug, rows.length);
    }
    expect(sizes.get('groenveld')).toBeGreaterThanOrEqual(35);
    expect(sizes.get('groenveld')).toBeLessThanOrEqual(45);
    expect(sizes.get('noordzee')).toBeGreaterThanOrEqual(290);
    const ceo = (
      await ctx.db.select().from(person).where(eq(person.email, 'directie@noordzee.demo'))
    )[0]!;
    const daan = (
      await ctx.db.select().from(person).where(eq(person.email, 'medewerker@noordzee.demo'))
    )[0]!;
    const chain = (
      await ctx.app.inject({
        url: `/api/people/${daan.id}`,
        headers: { cookie: await signIn(ctx.app, 'hr@noordzee.demo', DEMO_PASSWORD) },
      })
    ).json();
    expect(chain.managers.map((m: { id: string }) => m.id).at(-1)).toBe(ceo.id);
    expect(chain.managers.length).toBeGreaterThanOrEqual(4);
  });

  it('gives everyone a job level that fits the hierarchy: each manager above their reports', async () => {
    const people = await ctx.db.select().from(person);
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const p of people) {
      expect(p.jobLevel, p.jobTitle ?? p.email).not.toBeNull();
      const manager = p.managerId ? byId.get(p.managerId) : undefined;
      if (manager)
        expect(manager.jobLevel!, `${p.jobTitle} < ${manager.jobTitle}`).toBeGreaterThan(
          p.jobLevel!,
        );
    }
    const ceo = people.find((p) => p.email === 'directie@noordzee.demo')!;
    const noordzee = people.filter((p) => p.organisationId === ceo.organisationId);
    expect(Math.max(...noordzee.map((p) => p.jobLevel!))).toBe(ceo.jobLevel);
  });

  it('opens the classic programme to team leads and up by job level, and keeps it running', async () => {
    const [classic] = await ctx.db.select().from(programme).where(eq(programme.type, 'classic'));
    expect(classic!.audience.jobLevelMin).toBe(10);
    const enrolled = await ctx.db
      .select({ jobLevel: person.jobLevel })
      .from(enrolment)
      .innerJoin(person, eq(person.id, enrolment.personId))
      .where(eq(enrolment.programmeId, classic!.id));
    expect(enrolled.length).toBeGreaterThan(10);
    expect(enrolled.every((e) => (e.jobLevel ?? 0) >= 10)).toBe(true);
    expect(
      (await ctx.db.select().from(relationship).where(eq(relationship.programmeId, classic!.id)))
        .length,
    ).toBeGreaterThanOrEqual(1);
    expect(
      (
        await ctx.db
          .select()
          .from(mentoringRequest)
          .where(eq(mentoringRequest.programmeId, classic!.id))
      ).length,
    ).toBeGreaterThanOrEqual(1);
    // A software engineer does not see it; the programme manager does.
    const seen = async (email: string) =>
      (
        await ctx.app.inject({
          url: '/api/programmes',
          headers: { cookie: await signIn(ctx.app, email, DEMO_PASSWORD) },
        })
      )
        .json()
        .items.map((p: { id: string }) => p.id);
    expect(await seen('medewerker@noordzee.demo')).not.toContain(classic!.id);
    expect(await seen('programma@noordzee.demo')).toContain(classic!.id);
  });

  it('lets every demo sign-in sign in', async () => {
    for (const demo of demoSignIns) {
      await expect(signIn(ctx.app, demo.email, demo.password)).resolves.toContain('session_token');
    }
  });

  it('has reverse, classic and peer programmes with enrolments, requests and relationships', async () => {
    const programmes = await ctx.db.select().from(programme);
    expect(programmes.map((p) => p.type).sort()).toEqual(['classic', 'classic', 'peer', 'reverse']);
    expect((await ctx.db.select().from(enrolment)).length).toBeGreaterThan(60);
    expect((await ctx.db.select().from(relationship)).length).toBeGreaterThanOrEqual(3);
    // Each running relationship keeps why its pair clicked, in both languages.
    const kept = await ctx.db.select().from(relationshipMentee);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    for (const row of kept) {
      expect(row.strength).toBeGreaterThan(0);
      expect(row.reasons.length).toBeGreaterThan(0);
      expect(row.reasons.every((r) => r.nl && r.en && r.nl !== r.en)).toBe(true);
    }
    const requests = await ctx.db.select().from(mentoringRequest);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    // Each pending demo request has its reminder and expiry queued, as one sent in the app has.
    const jobs = await ctx.db.select().from(job);
    for (const request of requests) {
      const kinds = jobs.filter((j) => j.payload.requestId === request.id).map((j) => j.kind);
      expect(kinds.sort()).toEqual(['request.expire', 'request.remind']);
    }
    const member = await signIn(ctx.app, 'medewerker@noordzee.demo', DEMO_PASSWORD);
    const reverse = programmes.find((p) => p.type === 'reverse')!;
    const suggestions = await ctx.app.inject({
      url: `/api/programmes/${reverse.id}/suggestions`,
      headers: { cookie: member },
    });
    expect(suggestions.statusCode, suggestions.body).toBe(200);
    expect(suggestions.json().items.length).toBeGreaterThan(0);
    const relationships = (
      await ctx.app.inject({ url: '/api/relationships', headers: { cookie: member } })
    ).json().items;
    expect(relationships[0]).toMatchObject({
      myRole: 'mentor',
      mentees: [{ name: 'Pieter van den Berg' }],
    });
  });

  it('has a "manager proposes" programme the programme manager can run at once', async () => {
    const [buddies] = await ctx.db
      .select()
      .from(programme)
      .where(eq(programme.matchingMode, 'manager_proposes'));
    expect(buddies).toBeDefined();
    const manager = await signIn(ctx.app, 'programma@noordzee.demo', DEMO_PASSWORD);
    const run = await ctx.app.inject({
      method: 'POST',
      url: `/api/programmes/${buddies!.id}/proposals/run`,
      headers: { cookie: manager, 'x-klik-locale': 'nl' },
      payload: { mode: 'optimal' },
    });
    expect(run.statusCode, run.body).toBe(200);
    const { totals } = run.json();
    expect(totals.mentees).toBeGreaterThanOrEqual(15);
    expect(totals.matched).toBeGreaterThanOrEqual(10);
    // Newcomers answered the programme's question; the manager reads it on the programme page.
    const enrolments = await ctx.app.inject({
      url: `/api/programmes/${buddies!.id}/enrolments`,
      headers: { cookie: manager },
    });
    expect(JSON.stringify(enrolments.json())).toContain('first-months');
  });

  it('has each demo organisation’s email domain verified, so its admins can invite people', async () => {
    for (const [admin, domain] of [
      ['hr@noordzee.demo', 'noordzee.demo'],
      ['admin@groenveld.demo', 'groenveld.demo'],
    ] as const) {
      const cookie = await signIn(ctx.app, admin, DEMO_PASSWORD);
      const domains = await ctx.app.inject({
        url: '/api/organisation/domains',
        headers: { cookie },
      });
      expect(domains.json().items).toMatchObject([{ domain, status: 'verified' }]);
      const invited = await ctx.app.inject({
        method: 'POST',
        url: '/api/people',
        headers: { cookie },
        payload: {
          email: `nieuw.${Date.now()}@${domain}`,
          givenName: 'Nieuwe',
          familyName: 'Collega',
          sendInvitation: false,
        },
      });
      expect(invited.statusCode, invited.body).toBe(201);
    }
    // A demo database from before email domains gets them at the next start.
    await ctx.db.delete(organisationDomain);
    expect(await loadDemoDataIfEmpty(ctx.db, ctx.app.auth)).toBe(false);
    const domains = await ctx.db.select().from(organisationDomain);
    expect(domains.map((d) => [d.domain, d.verifiedAt !== null]).sort()).toEqual([
      ['groenveld.demo', true],
      ['noordzee.demo', true],
    ]);
  });
});
