import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvent,
  enrolment,
  mailOutbox,
  notification,
  relationship,
  relationshipMentee,
} from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createPerson, signedIn, signIn } from '../../test/factories.js';
import { publishedStoriesForBoard } from './repository.js';

let ctx: TestContext;
const now = new Date('2027-03-01T09:00:00Z');
beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
}, 300_000);
afterAll(async () => ctx.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, cookie: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie, 'x-klik-locale': 'en' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const suffix = () => Math.random().toString(36).slice(2, 8);
const fieldsOf = (response: { json(): { error: { details: { field: string }[] } } }) =>
  response.json().error.details.map((d) => d.field);

async function member(organisationId: string, givenName: string, familyName: string) {
  const p = await createPerson(ctx.app, { organisationId, givenName, familyName });
  return { ...p, cookie: await signIn(ctx.app, p.email) };
}

/**
 * A published programme with a mentor (Maarten Ploeg) and two mentees (Anna Zonneveld, Jet
 * Kwakkel) in relationships, another participant without relationships, an org member outside the
 * programme, and a manager.
 */
async function setUp() {
  const manager = await signedIn(ctx.app, 'programme_manager');
  const org = manager.organisationId;
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: `Programme ${suffix()}`,
    type: 'classic',
    matchingMode: 'participants_choose',
    goal: 'Grow',
  });
  expect(created.statusCode).toBe(201);
  const programmeId: string = created.json().id;
  expect(
    (await call('POST', `/api/programmes/${programmeId}/publish`, manager.cookie)).statusCode,
  ).toBe(200);
  const mentor = await member(org, 'Maarten', 'Ploeg');
  const anna = await member(org, 'Anna', 'Zonneveld');
  const jet = await member(org, 'Jet', 'Kwakkel');
  const peer = await member(org, 'Pieter', 'Participant');
  const outsider = await member(org, 'Olga', 'Buiten');
  await ctx.db.insert(enrolment).values([
    { programmeId, organisationId: org, personId: mentor.id, role: 'mentor' },
    { programmeId, organisationId: org, personId: anna.id, role: 'mentee' },
    { programmeId, organisationId: org, personId: jet.id, role: 'mentee', isActive: false },
    { programmeId, organisationId: org, personId: peer.id, role: 'mentee' },
  ]);
  for (const mentee of [anna, jet]) {
    const [rel] = await ctx.db
      .insert(relationship)
      .values({ programmeId, organisationId: org, mentorId: mentor.id })
      .returning();
    await ctx.db
      .insert(relationshipMentee)
      .values({ relationshipId: rel!.id, menteeId: mentee.id });
  }
  return { manager, org, programmeId, mentor, anna, jet, peer, outsider };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

async function write(s: Setup, author: { cookie: string }, fields: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/stories', author.cookie, {
    programmeId: s.programmeId,
    titleNl: 'Wat mentoring me bracht',
    bodyNl: 'Ik leerde beter luisteren en durfde meer.',
    audience: 'programme',
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

const submit = (id: string, cookie: string) => call('POST', `/api/stories/${id}/submit`, cookie);
const review = (id: string, cookie: string, decision: string, message?: string) =>
  call('POST', `/api/stories/${id}/review`, cookie, { decision, ...(message && { message }) });

/** Every read a person has of published stories: the story, its programme's, the feed. */
async function sees(s: Setup, cookie: string, id: string) {
  const one = await call('GET', `/api/stories/${id}`, cookie);
  const programme = await call('GET', `/api/programmes/${s.programmeId}/stories`, cookie);
  const feed = await call('GET', '/api/stories/feed?limit=50', cookie);
  expect(programme.statusCode).toBe(200);
  expect(feed.statusCode).toBe(200);
  return {
    story: one.statusCode === 200,
    programme: programme.json().items.some((i: { id: string }) => i.id === id),
    feed: feed.json().items.some((i: { id: string }) => i.id === id),
  };
}
const everywhere = { story: true, programme: true, feed: true };
const nowhere = { story: false, programme: false, feed: false };

describe('stories', { timeout: 120_000 }, () => {
  it('is visible only after the manager approves it; the author hears it with the message', async () => {
    const s = await setUp();
    const id = await write(s, s.peer);
    expect(await sees(s, s.anna.cookie, id)).toEqual(nowhere);
    expect(await sees(s, s.manager.cookie, id)).toEqual(nowhere);

    expect((await submit(id, s.peer.cookie)).statusCode).toBe(200);
    expect(await sees(s, s.anna.cookie, id)).toEqual(nowhere);
    // The manager reads it to review it, but it is not published anywhere yet.
    expect((await call('GET', `/api/stories/${id}`, s.manager.cookie)).statusCode).toBe(200);
    const queue = await call(
      'GET',
      `/api/programmes/${s.programmeId}/stories/review`,
      s.manager.cookie,
    );
    expect(queue.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    const managerNotes = await ctx.db
      .select()
      .from(notification)
      .where(
        and(eq(notification.personId, s.manager.id), eq(notification.kind, 'story_submitted')),
      );
    expect(managerNotes).toHaveLength(1);

    const asked = await review(
      id,
      s.manager.cookie,
      'request_changes',
      'Kun je een voorbeeld geven?',
    );
    expect(asked.statusCode).toBe(200);
    expect(asked.json().status).toBe('changes_requested');
    expect(await sees(s, s.anna.cookie, id)).toEqual(nowhere);
    const mine = (await call('GET', '/api/stories/mine', s.peer.cookie)).json().items;
    expect(mine[0]).toMatchObject({
      id,
      status: 'changes_requested',
      reviewMessage: 'Kun je een voorbeeld geven?',
    });
    const [mail] = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, s.peer.email));
    expect(mail!.text).toContain('Kun je een voorbeeld geven?');

    expect((await submit(id, s.peer.cookie)).statusCode).toBe(200);
    const approved = await review(id, s.manager.cookie, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'published', publishedAt: now.toISOString() });

    // Its audience: participants (an inactive enrolment too), the manager.
    expect(await sees(s, s.anna.cookie, id)).toEqual(everywhere);
    expect(await sees(s, s.jet.cookie, id)).toEqual(everywhere);
    expect((await call('GET', `/api/stories/${id}`, s.manager.cookie)).statusCode).toBe(200);
    // A reader of the audience does not see the review message.
    expect(
      (await call('GET', `/api/stories/${id}`, s.anna.cookie)).json().reviewMessage,
    ).toBeNull();

    const audits = await ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'story.reviewed'), eq(auditEvent.subjectId, id)));
    expect(audits.map((a) => (a.details as { decision: string }).decision).sort()).toEqual([
      'approve',
      'request_changes',
    ]);

    // Editing a published story takes it off the air until approved again.
    const edited = await call('PATCH', `/api/stories/${id}`, s.peer.cookie, {
      bodyNl: 'Ik leerde luisteren.',
    });
    expect(edited.json()).toMatchObject({ status: 'submitted', publishedAt: null });
    expect(await sees(s, s.anna.cookie, id)).toEqual(nowhere);
  });

  it('keeps a programme story from organisation members outside the programme; an organisation story reaches them', async () => {
    const s = await setUp();
    const programmeStory = await write(s, s.peer);
    const orgStory = await write(s, s.anna, { audience: 'organisation', titleNl: 'Voor iedereen' });
    for (const id of [programmeStory, orgStory]) {
      expect((await submit(id, id === orgStory ? s.anna.cookie : s.peer.cookie)).statusCode).toBe(
        200,
      );
      expect((await review(id, s.manager.cookie, 'approve')).statusCode).toBe(200);
    }
    expect(await sees(s, s.outsider.cookie, programmeStory)).toEqual(nowhere);
    expect(await sees(s, s.outsider.cookie, orgStory)).toEqual(everywhere);
    const feed = (await call('GET', '/api/stories/feed', s.anna.cookie)).json();
    expect(feed.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [programmeStory, orgStory].sort(),
    );
    expect((await call('GET', '/api/stories/feed?limit=51', s.anna.cookie)).statusCode).toBe(400);

    // The board report: organisation-wide ones first, both languages, author's name.
    const board = await publishedStoriesForBoard(ctx.db, s.org, s.programmeId, 5);
    expect(board.map((b) => b.id)).toEqual([orgStory, programmeStory]);
    // The organisation's board report shows only what was meant for the whole organisation.
    const organisationBoard = await publishedStoriesForBoard(ctx.db, s.org, null, 5);
    expect(organisationBoard.map((b) => b.id)).toEqual([orgStory]);
    expect(board[0]).toMatchObject({
      titleNl: 'Voor iedereen',
      authorName: 'Anna Zonneveld',
      photo: null,
    });
  });

  it('disappears from every read at once when withdrawn', async () => {
    const s = await setUp();
    const id = await write(s, s.anna, { audience: 'organisation', mentionIds: [s.mentor.id] });
    await submit(id, s.anna.cookie);
    await call('POST', `/api/stories/${id}/mention`, s.mentor.cookie, { approve: true });
    expect((await review(id, s.manager.cookie, 'approve')).statusCode).toBe(200);
    for (const who of [s.peer, s.outsider])
      expect(await sees(s, who.cookie, id)).toEqual(everywhere);

    const withdrawn = await call('POST', `/api/stories/${id}/withdraw`, s.anna.cookie);
    expect(withdrawn.json().status).toBe('withdrawn');
    for (const who of [s.peer, s.outsider, s.manager, s.mentor]) {
      expect(await sees(s, who.cookie, id)).toEqual(nowhere);
    }
    const mentions = (await call('GET', '/api/stories/mentions', s.mentor.cookie)).json().items;
    expect(mentions).toEqual([]);
    expect((await call('GET', `/api/stories/${id}/photo`, s.peer.cookie)).statusCode).toBe(404);
    expect(await publishedStoriesForBoard(ctx.db, s.org, null, 10)).toEqual([]);
    // The author keeps it, and may delete it now.
    expect((await call('GET', `/api/stories/${id}`, s.anna.cookie)).statusCode).toBe(200);
    const [audit] = await ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'story.withdrawn'), eq(auditEvent.subjectId, id)));
    expect(audit).toMatchObject({ actorUserId: s.anna.userId });
    expect((await call('DELETE', `/api/stories/${id}`, s.anna.cookie)).statusCode).toBe(204);
    expect((await call('GET', `/api/stories/${id}`, s.anna.cookie)).statusCode).toBe(404);
  });

  it('never shows a named person who did not approve, and waits for them before approval', async () => {
    const s = await setUp();
    const id = await write(s, s.mentor, {
      bodyNl: 'Met Anna en Jet leerde ik hoe jonge collega’s werken.',
      mentionIds: [s.anna.id, s.jet.id],
    });
    expect((await submit(id, s.mentor.cookie)).statusCode).toBe(200);
    // Each named person is told, can read what they approve, and answers.
    for (const p of [s.anna, s.jet]) {
      const asked = (await call('GET', '/api/stories/mentions', p.cookie)).json().items;
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({
        id,
        myMention: 'pending',
        bodyNl: expect.stringContaining('Anna'),
      });
      const [n] = await ctx.db
        .select()
        .from(notification)
        .where(and(eq(notification.personId, p.id), eq(notification.kind, 'story_mention_asked')));
      expect(n).toBeDefined();
    }
    const blocked = await review(id, s.manager.cookie, 'approve');
    expect(blocked.statusCode).toBe(422);
    expect(fieldsOf(blocked)).toContain('mentions');

    expect(
      (await call('POST', `/api/stories/${id}/mention`, s.anna.cookie, { approve: true }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('POST', `/api/stories/${id}/mention`, s.jet.cookie, { approve: false }))
        .statusCode,
    ).toBe(200);
    const stillBlocked = await review(id, s.manager.cookie, 'approve');
    expect(stillBlocked.statusCode).toBe(422);
    // Leaving Jet out of the mentions but keeping her name in the text is refused by name.
    const named = await call('PATCH', `/api/stories/${id}`, s.mentor.cookie, {
      mentionIds: [s.anna.id],
    });
    expect(named.statusCode).toBe(422);
    expect(fieldsOf(named)).toEqual(['body.bodyNl']);
    expect(named.json().error.message).toContain('Jet Kwakkel');

    const fixed = await call('PATCH', `/api/stories/${id}`, s.mentor.cookie, {
      bodyNl: 'Met Anna leerde ik hoe jonge collega’s werken.',
      mentionIds: [s.anna.id],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    // The text changed: Anna is asked again.
    expect(fixed.json().mentions).toEqual([
      expect.objectContaining({ personId: s.anna.id, state: 'pending' }),
    ]);
    // Anna is asked again; the manager, whose queue it never left, is not told twice.
    const kinds = async (personId: string, kind: string) =>
      (
        await ctx.db
          .select()
          .from(notification)
          .where(and(eq(notification.personId, personId), eq(notification.kind, kind)))
      ).length;
    expect(await kinds(s.anna.id, 'story_mention_asked')).toBe(2);
    expect(await kinds(s.manager.id, 'story_submitted')).toBe(1);
    expect((await review(id, s.manager.cookie, 'approve')).statusCode).toBe(422);
    await call('POST', `/api/stories/${id}/mention`, s.anna.cookie, { approve: true });
    expect((await review(id, s.manager.cookie, 'approve')).statusCode).toBe(200);

    const read = (await call('GET', `/api/stories/${id}`, s.peer.cookie)).json();
    expect(read.mentions).toEqual([
      { personId: s.anna.id, name: 'Anna Zonneveld', state: 'approved' },
    ]);
    expect(JSON.stringify(read)).not.toContain('Kwakkel');
    expect(
      JSON.stringify((await call('GET', '/api/stories/feed', s.peer.cookie)).json()),
    ).not.toContain('Kwakkel');

    // Anna changes her mind: the story is off the air at once.
    await call('POST', `/api/stories/${id}/mention`, s.anna.cookie, { approve: false });
    expect(await sees(s, s.peer.cookie, id)).toEqual(nowhere);
  });

  it('refuses a text that names another side who was not asked, by whole word, naming the field', async () => {
    const s = await setUp();
    const id = await write(s, s.mentor, {
      titleEn: 'What ZONNEVELD taught me',
      bodyEn: 'Mentoring a young colleague changed how I lead.',
    });
    const refused = await submit(id, s.mentor.cookie);
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused)).toEqual(['body.titleEn']);
    expect(refused.json().error.message).toContain('Anna Zonneveld');

    // Not a whole word: "Annabel" and "Jetlag" are not Anna or Jet.
    await call('PATCH', `/api/stories/${id}`, s.mentor.cookie, {
      titleEn: 'What Annabel taught me about jetlag',
    });
    expect((await submit(id, s.mentor.cookie)).statusCode).toBe(200);

    // On approval too: a name the author slipped in while the story waited is refused.
    const other = await write(s, s.anna, {
      bodyNl: 'Maarten hielp me enorm.',
      mentionIds: [s.mentor.id],
    });
    expect((await submit(other, s.anna.cookie)).statusCode).toBe(200);
    const waiting = await review(other, s.manager.cookie, 'approve');
    expect(waiting.statusCode).toBe(422);
    expect(fieldsOf(waiting)).toEqual(['mentions', 'body.bodyNl']);
  });

  it('resizes the photo and strips its metadata, GPS included', async () => {
    const s = await setUp();
    const id = await write(s, s.anna, { audience: 'organisation' });
    const original = await sharp({
      create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 80, b: 40 } },
    })
      .withExif({
        IFD0: { Copyright: 'secret-copyright', Artist: 'Anna' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 0/1' },
      })
      .jpeg()
      .toBuffer();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const noAlt = await call('PUT', `/api/stories/${id}/photo`, s.anna.cookie, {
      data: original.toString('base64'),
    });
    expect(noAlt.statusCode).toBe(400);
    expect(JSON.stringify(noAlt.json().error.details)).toContain('alt');
    const notImage = await call('PUT', `/api/stories/${id}/photo`, s.anna.cookie, {
      data: Buffer.from('not an image at all').toString('base64'),
      alt: 'Nothing',
    });
    expect(notImage.statusCode).toBe(422);
    expect(fieldsOf(notImage)).toEqual(['body.data']);

    const uploaded = await call('PUT', `/api/stories/${id}/photo`, s.anna.cookie, {
      data: `data:image/jpeg;base64,${original.toString('base64')}`,
      alt: 'Anna aan haar bureau',
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ hasPhoto: true, photoAlt: 'Anna aan haar bureau' });

    const photo = await call('GET', `/api/stories/${id}/photo`, s.anna.cookie);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['cache-control']).toBe('private, no-store');
    const meta = await sharp(photo.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 800 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(photo.rawPayload.includes('secret-copyright')).toBe(false);

    // Not published: nobody else gets it yet.
    expect((await call('GET', `/api/stories/${id}/photo`, s.outsider.cookie)).statusCode).toBe(404);
    await submit(id, s.anna.cookie);
    await review(id, s.manager.cookie, 'approve');
    expect((await call('GET', `/api/stories/${id}/photo`, s.outsider.cookie)).statusCode).toBe(200);
    const [board] = await publishedStoriesForBoard(ctx.db, s.org, null, 1);
    expect(board!.photo!.equals(photo.rawPayload)).toBe(true);
    expect(board!.photoAlt).toBe('Anna aan haar bureau');
  });

  it('answers another organisation with 404 everywhere', async () => {
    const s = await setUp();
    const id = await write(s, s.anna, { audience: 'organisation' });
    await submit(id, s.anna.cookie);
    await review(id, s.manager.cookie, 'approve');
    const otherManager = await signedIn(ctx.app, 'org_admin');
    const otherMember = await member(otherManager.organisationId, 'Anna', 'Zonneveld');
    for (const [method, url, payload] of [
      ['GET', `/api/stories/${id}`],
      ['GET', `/api/stories/${id}/photo`],
      ['PATCH', `/api/stories/${id}`, { titleNl: 'x' }],
      ['POST', `/api/stories/${id}/withdraw`],
      ['POST', `/api/stories/${id}/mention`, { approve: true }],
      ['POST', `/api/stories/${id}/review`, { decision: 'decline', message: 'Nee' }],
      ['GET', `/api/programmes/${s.programmeId}/stories`],
      ['GET', `/api/programmes/${s.programmeId}/stories/review`],
    ] as [Method, string, unknown?][]) {
      for (const who of [otherManager, otherMember]) {
        const response = await call(method, url, who.cookie, payload);
        if (url.endsWith('/review') && who === otherMember) {
          expect(response.statusCode, `${method} ${url}`).toBe(403);
        } else {
          expect(response.statusCode, `${method} ${url}`).toBe(404);
        }
      }
    }
    expect((await call('GET', '/api/stories/feed', otherMember.cookie)).json().items).toEqual([]);
    const foreign = await call('POST', '/api/stories', otherMember.cookie, {
      programmeId: s.programmeId,
      bodyNl: 'x',
    });
    expect(foreign.statusCode).toBe(422);
    expect(fieldsOf(foreign)).toEqual(['body.programmeId']);
  });

  it('names the field of bad input', async () => {
    const s = await setUp();
    const tooLong = await call('POST', '/api/stories', s.anna.cookie, {
      programmeId: s.programmeId,
      bodyNl: 'x'.repeat(2001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json().error.details)).toContain('bodyNl');
    const audience = await call('POST', '/api/stories', s.anna.cookie, {
      programmeId: s.programmeId,
      audience: 'world',
    });
    expect(audience.statusCode).toBe(400);
    expect(JSON.stringify(audience.json().error.details)).toContain('audience');
    const notParticipant = await call('POST', '/api/stories', s.outsider.cookie, {
      programmeId: s.programmeId,
    });
    expect(notParticipant.statusCode).toBe(422);
    const notOtherSide = await call('POST', '/api/stories', s.anna.cookie, {
      programmeId: s.programmeId,
      mentionIds: [s.jet.id],
    });
    expect(notOtherSide.statusCode).toBe(422);
    expect(fieldsOf(notOtherSide)).toEqual(['body.mentionIds.0']);

    const empty = await write(s, s.anna, { titleNl: '', bodyNl: '', titleEn: 'Only a title' });
    const incomplete = await submit(empty, s.anna.cookie);
    expect(incomplete.statusCode).toBe(422);
    expect(fieldsOf(incomplete).sort()).toEqual(['body.bodyEn', 'body.bodyNl']);

    const id = await write(s, s.anna);
    await submit(id, s.anna.cookie);
    const noMessage = await review(id, s.manager.cookie, 'decline');
    expect(noMessage.statusCode).toBe(400);
    expect(fieldsOf(noMessage)).toEqual(['body.message']);
    expect((await review(id, s.anna.cookie, 'approve')).statusCode).toBe(403);
    // Only a draft or a withdrawn story can be deleted.
    expect((await call('DELETE', `/api/stories/${id}`, s.anna.cookie)).statusCode).toBe(409);
    // Nobody but the author changes it.
    expect(
      (await call('PATCH', `/api/stories/${id}`, s.manager.cookie, { bodyNl: 'x' })).statusCode,
    ).toBe(404);
    const declined = await review(id, s.manager.cookie, 'decline', 'Past niet bij het programma');
    expect(declined.json().status).toBe('declined');
    expect(await sees(s, s.peer.cookie, id)).toEqual(nowhere);
  });
});
