import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFeed, relationship, relationshipMentee } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import {
  caller,
  openRelationship,
  organisationWithProgramme,
  parseCalendar,
  participant,
  type Caller,
} from '../../test/meetings.js';

/**
 * The personal calendar feed: a secret address (only its hash kept) that calendars fetch without
 * a session, with my meetings of every relationship I am still in, and nobody else's.
 */
let ctx: TestContext;
let webDir: string;
const now = new Date('2026-12-01T09:00:00Z');
let call: ReturnType<typeof caller>;
let me: Caller;
let mentor: Caller;
let menteeOfMine: Caller;
let stranger: Caller;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // A built web app is present, so the single-page app's fallback is in play.
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klik-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Klik</title>');
  ctx = await createTestContext({ webDistDir: webDir }, { clock: () => now });
  call = caller(ctx.app);
  const org = await organisationWithProgramme(ctx.app);
  me = await participant(ctx.app, org.organisationId, 'Mira', 'en');
  mentor = await participant(ctx.app, org.organisationId, 'Joost', 'nl');
  menteeOfMine = await participant(ctx.app, org.organisationId, 'Lotte', 'nl');
  stranger = await participant(ctx.app, org.organisationId, 'Sven', 'nl');
  const open = (mentorId: string, menteeIds: string[]) =>
    openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId,
      menteeIds,
    });
  // I am a mentee of Joost and the mentor of Lotte; Joost also mentors Sven without me.
  const asMentee = await open(mentor.id, [me.id]);
  const asMentor = await open(me.id, [menteeOfMine.id]);
  const notMine = await open(mentor.id, [stranger.id]);
  const ended = await open(mentor.id, [me.id]);
  const leftGroup = await open(mentor.id, [me.id, stranger.id]);
  const plan = async (relationshipId: string, who: Caller, date: string, agenda: string) => {
    const response = await call('POST', `/api/relationships/${relationshipId}/meetings`, who, {
      date,
      time: '10:00',
      timeZone: 'Europe/Amsterdam',
      durationMinutes: 45,
      agenda,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  ids.asMentee = await plan(asMentee, mentor, '2026-12-03', 'Agenda als mentee');
  ids.asMentor = await plan(asMentor, me, '2026-12-04', 'Agenda als mentor');
  ids.cancelled = await plan(asMentor, menteeOfMine, '2026-12-05', 'Afgezegd');
  await call('POST', `/api/relationships/${asMentor}/meetings/${ids.cancelled}/cancel`, me);
  ids.notMine = await plan(notMine, mentor, '2026-12-06', 'Niet van mij');
  ids.ended = await plan(ended, mentor, '2026-12-07', 'Uit een beëindigde relatie');
  await ctx.db
    .update(relationship)
    .set({ status: 'ended_early', endedAt: now })
    .where(eq(relationship.id, ended));
  ids.leftGroup = await plan(leftGroup, mentor, '2026-12-08', 'Uit een groep die ik verliet');
  await ctx.db
    .update(relationshipMentee)
    .set({ leftAt: now })
    .where(eq(relationshipMentee.menteeId, me.id));
  // Only my membership of the group is left; the other relationships keep me.
  await ctx.db
    .update(relationshipMentee)
    .set({ leftAt: null })
    .where(eq(relationshipMentee.relationshipId, asMentee));
}, 120_000);
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

/** Fetches a feed the way a calendar does: no cookie, no Origin, nothing but the address. */
const fetchFeed = (url: string) =>
  ctx.app.inject({ method: 'GET', url: new URL(url).pathname, headers: { origin: undefined } });

describe('the personal calendar feed', () => {
  it('is created once, shown once, kept only as a hash, and serves my meetings only', async () => {
    expect((await call('GET', '/api/calendar-feed', me)).json()).toEqual({
      exists: false,
      createdAt: null,
    });
    const created = await call('POST', '/api/calendar-feed', me);
    expect(created.statusCode, created.body).toBe(201);
    const { url } = created.json() as { url: string };
    const token = /^http:\/\/localhost:3000\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)?.[1];
    expect(token).toBeDefined();

    const [stored] = await ctx.db
      .select()
      .from(calendarFeed)
      .where(eq(calendarFeed.personId, me.id));
    expect(stored!.tokenHash).toBe(createHash('sha256').update(token!).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token!);
    const status = await call('GET', '/api/calendar-feed', me);
    expect(status.json()).toMatchObject({ exists: true });
    expect(status.body).not.toContain(token!);

    const feed = await fetchFeed(url);
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('no-store');
    const events = parseCalendar(feed.body);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(
      [ids.asMentee, ids.asMentor, ids.cancelled].map((id) => `${id}@klik`).sort(),
    );
    expect(byUid.get(`${ids.cancelled}@klik`)).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(byUid.get(`${ids.asMentor}@klik`)).toMatchObject({
      method: 'PUBLISH',
      status: 'CONFIRMED',
      startTzid: 'Europe/Amsterdam',
      startUtc: '2026-12-04T09:00:00.000Z',
      summary: 'Mentoring meeting with Lotte Tester',
    });
    expect(byUid.get(`${ids.asMentee}@klik`)!.summary).toBe('Mentoring meeting with Joost Tester');
    for (const secret of ['Niet van mij', 'beëindigde', 'verliet']) {
      expect(feed.body).not.toContain(secret);
    }
  });

  it('stops the old address when replaced, and every address when revoked', async () => {
    const first = (await call('POST', '/api/calendar-feed', mentor)).json().url as string;
    expect((await fetchFeed(first)).statusCode).toBe(200);
    const second = (await call('POST', '/api/calendar-feed', mentor)).json().url as string;
    expect(second).not.toBe(first);
    const old = await fetchFeed(first);
    expect(old.statusCode).toBe(404);
    expect(old.headers['content-type']).toMatch(/^application\/json/);
    const current = await fetchFeed(second);
    expect(current.statusCode).toBe(200);
    expect(parseCalendar(current.body).map((e) => e.uid)).toContain(`${ids.notMine}@klik`);

    const revoked = await call('DELETE', '/api/calendar-feed', mentor);
    expect(revoked.statusCode).toBe(204);
    expect((await fetchFeed(second)).statusCode).toBe(404);
    expect((await call('GET', '/api/calendar-feed', mentor)).json().exists).toBe(false);
  });

  it('answers unknown and malformed addresses with 404, never with the web app', async () => {
    for (const file of ['A'.repeat(43) + '.ics', 'not-a-token', 'short.ics', '%2e%2e.ics']) {
      const response = await ctx.app.inject({
        method: 'GET',
        url: `/calendar/${file}`,
        headers: { origin: undefined },
      });
      expect(response.statusCode, file).toBe(404);
      expect(response.body).not.toContain('<title>Klik</title>');
    }
    // Other paths still reach the single-page app.
    const page = await ctx.app.inject({ method: 'GET', url: '/mentoring' });
    expect(page.body).toContain('<title>Klik</title>');
  });

  it('needs a session to create, read or revoke, and refuses a cross-site create', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      expect((await call(method, '/api/calendar-feed', null)).statusCode).toBe(401);
    }
    const crossSite = await ctx.app.inject({
      method: 'POST',
      url: '/api/calendar-feed',
      headers: { cookie: stranger.cookie, origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect((await call('GET', '/api/calendar-feed', stranger)).json().exists).toBe(false);
  });
});
