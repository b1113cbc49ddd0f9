import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkIn,
  enrolment,
  feedbackAction,
  job,
  meeting,
  mentoringRequest,
  organisation,
  organisationDomain,
  outcomeSurvey,
  person,
  programme,
  programmeCohort,
  programmeInvitation,
  programmeSponsor,
  relationship,
  relationshipMentee,
  skillRating,
  story,
  storyMention,
} from '../db/schema.js';
import { createTestContext, type TestContext } from '../test/context.js';
import { signIn } from '../test/factories.js';
import { DEMO_PASSWORD, demoSignIns, loadDemoDataIfEmpty } from './seed.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  const started = performance.now();
  await loadDemoDataIfEmpty(ctx.db, ctx.app.auth);
  console.info(`demo seed: ${Math.round(performance.now() - started)} ms`);
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

  it('has two years of history: past runs with ended relationships, answered surveys, ratings, changes between runs', async () => {
    const now = Date.now();
    const programmes = await ctx.db.select().from(programme);
    const cohorts = await ctx.db.select().from(programmeCohort);
    const relationships = await ctx.db.select().from(relationship);
    const mentees = await ctx.db.select().from(relationshipMentee);
    const surveys = await ctx.db.select().from(outcomeSurvey);
    const checkIns = await ctx.db.select().from(checkIn);
    const actions = await ctx.db.select().from(feedbackAction);
    for (const type of ['reverse', 'classic'] as const) {
      const p = programmes.find(
        (x) => x.type === type && x.matchingMode === 'participants_choose',
      )!;
      const runs = cohorts
        .filter((c) => c.programmeId === p.id)
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
      expect(runs.length, type).toBe(4);
      // The oldest run began about two years ago; the newest is the current one.
      expect(now - Date.parse(runs[0]!.startsOn)).toBeGreaterThan(700 * 86_400_000);
      expect(now - Date.parse(runs[3]!.startsOn)).toBeLessThan(90 * 86_400_000);
      for (let i = 0; i < 3; i++) {
        const from = Date.parse(runs[i]!.startsOn);
        const until = Date.parse(runs[i + 1]!.startsOn);
        const inRun = relationships.filter(
          (r) =>
            r.programmeId === p.id &&
            r.startedAt.getTime() >= from &&
            r.startedAt.getTime() < until,
        );
        // Every past relationship is over, so none counts as running.
        expect(inRun.length, `${type} run ${i + 1}`).toBeGreaterThanOrEqual(5);
        for (const r of inRun) {
          expect(['completed', 'ended_early']).toContain(r.status);
          expect(r.endedAt!.getTime()).toBeLessThan(now);
        }
        const ids = new Set(inRun.map((r) => r.id));
        const answered = surveys.filter((s) => ids.has(s.relationshipId) && s.answeredAt);
        // Both sides answered, enough people for the anonymity threshold of 5 in each run.
        expect(answered.filter((s) => s.side === 'mentee').length).toBeGreaterThanOrEqual(3);
        expect(answered.filter((s) => s.side === 'mentor').length).toBeGreaterThanOrEqual(3);
        expect(answered.length).toBeGreaterThanOrEqual(8);
        expect(answered.every((s) => s.recommend !== null && s.inspired !== null)).toBe(true);
        const sent = checkIns.filter((c) => ids.has(c.relationshipId));
        expect(sent.some((c) => c.answeredAt)).toBe(true);
        expect(sent.some((c) => !c.answeredAt)).toBe(true);
        // Changes recorded between this run and the next.
        if (i > 0) {
          expect(
            actions.some(
              (a) =>
                a.programmeId === p.id &&
                a.createdAt.getTime() >= Date.parse(runs[i - 1]!.startsOn) &&
                a.createdAt.getTime() < from,
            ),
          ).toBe(true);
        }
      }
      // Comments pass the threshold of 10 for the programme.
      const programmeSurveys = surveys.filter((s) => s.programmeId === p.id);
      expect(programmeSurveys.filter((s) => s.comment).length).toBeGreaterThanOrEqual(10);
      expect(programmeSurveys.filter((s) => s.otherGave).length).toBeGreaterThanOrEqual(10);
      const invitations = await ctx.db
        .select()
        .from(programmeInvitation)
        .where(eq(programmeInvitation.programmeId, p.id));
      expect(invitations.length).toBeGreaterThan(30);
    }
    // Running relationships are only the current ones (started within the current run).
    const active = relationships.filter((r) => r.status === 'active');
    expect(active.length).toBeGreaterThanOrEqual(3);
    expect(active.every((r) => now - r.startedAt.getTime() < 60 * 86_400_000)).toBe(true);
    expect(mentees.length).toBe(relationships.length);
    // Self-ratings at the start and the end of the same skills.
    const ratings = await ctx.db.select().from(skillRating);
    const ends = ratings.filter((r) => r.phase === 'end');
    expect(ends.length).toBeGreaterThan(40);
    for (const end of ends) {
      expect(
        ratings.some(
          (r) =>
            r.phase === 'start' &&
            r.relationshipId === end.relationshipId &&
            r.personId === end.personId &&
            r.skill === end.skill,
        ),
      ).toBe(true);
    }
    expect((await ctx.db.select().from(meeting)).length).toBeGreaterThan(200);
  });

  it('has people who left, participants somewhat less often than the colleagues who did not take part', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [noordzee] = await ctx.db
      .select()
      .from(organisation)
      .where(eq(organisation.slug, 'noordzee'));
    const people = await ctx.db
      .select()
      .from(person)
      .where(eq(person.organisationId, noordzee!.id));
    const left = people.filter((p) => p.leaveDate !== null);
    expect(left.length).toBeGreaterThanOrEqual(40);
    // As the people import does: a leave date on or before today deactivates.
    expect(left.every((p) => p.leaveDate! <= today && !p.isActive)).toBe(true);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    // Within a year of the first run: participants of the first run against everyone else then.
    const [firstRun] = await ctx.db
      .select()
      .from(programmeCohort)
      .orderBy(programmeCohort.startsOn)
      .limit(1);
    const start = firstRun!.startsOn;
    const yearLater = new Date(Date.parse(start) + 365 * 86_400_000).toISOString().slice(0, 10);
    const participants = new Set(
      (
        await ctx.db
          .select({ personId: enrolment.personId })
          .from(enrolment)
          .innerJoin(relationship, eq(relationship.mentorId, enrolment.personId))
          .where(isNotNull(relationship.endedAt))
      ).map((r) => r.personId),
    );
    for (const r of await ctx.db
      .select({ id: relationshipMentee.menteeId })
      .from(relationshipMentee)
      .innerJoin(relationship, eq(relationship.id, relationshipMentee.relationshipId))
      .where(isNotNull(relationship.endedAt)))
      participants.add(r.id);
    const employed = people.filter(
      (p) => (p.startDate ?? '9999') <= start && (p.leaveDate === null || p.leaveDate > start),
    );
    const stayed = (group: typeof people) =>
      group.filter((p) => p.leaveDate === null || p.leaveDate > yearLater).length / group.length;
    const inProgramme = employed.filter((p) => participants.has(p.id));
    const others = employed.filter((p) => !participants.has(p.id));
    expect(inProgramme.length).toBeGreaterThanOrEqual(20);
    expect(inProgramme.some((p) => p.leaveDate !== null)).toBe(true);
    expect(stayed(inProgramme)).toBeGreaterThan(stayed(others));
    expect(stayed(inProgramme) - stayed(others)).toBeLessThan(0.2);
    expect(stayed(others)).toBeLessThan(0.95);
  });

  it('names sponsors, shows consenting leaders, and has the CEO’s published story naming Daan with his approval', async () => {
    const ceo = (
      await ctx.db.select().from(person).where(eq(person.email, 'directie@noordzee.demo'))
    )[0]!;
    const daan = (
      await ctx.db.select().from(person).where(eq(person.email, 'medewerker@noordzee.demo'))
    )[0]!;
    const [reverse] = await ctx.db.select().from(programme).where(eq(programme.type, 'reverse'));
    const sponsors = await ctx.db.select().from(programmeSponsor);
    expect(new Set(sponsors.map((s) => s.programmeId)).size).toBe(4);
    expect(sponsors).toContainEqual(
      expect.objectContaining({ programmeId: reverse!.id, personId: ceo.id }),
    );
    const [ceoEnrolment] = await ctx.db
      .select()
      .from(enrolment)
      .where(and(eq(enrolment.programmeId, reverse!.id), eq(enrolment.personId, ceo.id)));
    expect(ceoEnrolment!.leaderShownAt).not.toBeNull();
    expect(ceoEnrolment!.leaderLine).toMatch(/AI/);
    // The CEO is a mentee with Daan as mentor, now.
    const [withDaan] = await ctx.db
      .select()
      .from(relationship)
      .innerJoin(relationshipMentee, eq(relationshipMentee.relationshipId, relationship.id))
      .where(and(eq(relationship.mentorId, daan.id), eq(relationshipMentee.menteeId, ceo.id)));
    expect(withDaan!.relationship.status).toBe('active');

    const stories = await ctx.db.select().from(story);
    const published = stories.filter((s) => s.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(3);
    const ceoStory = published.find((s) => s.authorId === ceo.id)!;
    expect(ceoStory).toMatchObject({ programmeId: reverse!.id, audience: 'organisation' });
    expect(ceoStory.bodyNl).toContain('Daan');
    expect(ceoStory.bodyEn).toContain('Daan');
    expect(ceoStory.reviewedByUserId).toBeTruthy();
    expect(ceoStory.reviewedAt).not.toBeNull();
    const mentions = await ctx.db
      .select()
      .from(storyMention)
      .where(eq(storyMention.storyId, ceoStory.id));
    expect(mentions).toMatchObject([{ personId: daan.id }]);
    expect(mentions[0]!.approvedAt).not.toBeNull();
    // Every author took part in the programme of their story.
    for (const s of published) {
      const took = await ctx.db
        .select()
        .from(enrolment)
        .where(and(eq(enrolment.programmeId, s.programmeId), eq(enrolment.personId, s.authorId)));
      expect(took.length, s.titleNl).toBe(1);
    }
  });

  it('loads the history once: a second start changes nothing', async () => {
    const counts = async () => ({
      cohorts: (await ctx.db.select().from(programmeCohort)).length,
      relationships: (await ctx.db.select().from(relationship)).length,
      surveys: (await ctx.db.select().from(outcomeSurvey)).length,
      stories: (await ctx.db.select().from(story)).length,
      people: (await ctx.db.select().from(person)).length,
      invitations: (await ctx.db.select().from(programmeInvitation)).length,
    });
    const before = await counts();
    expect(await loadDemoDataIfEmpty(ctx.db, ctx.app.auth)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
