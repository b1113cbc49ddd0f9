import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meeting } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createPlatformAdmin, signIn, signedIn } from '../../test/factories.js';
import { sampleValue } from '../../test/json-schema-arbitrary.js';
import { fillPath, listOperations, queryString } from '../../test/openapi-operations.js';
import {
  caller,
  member,
  openRelationship,
  organisationWithProgramme,
  type Caller,
} from '../agreements/test-space.js';

/**
 * Notes: shared ones every participant reads, private ones only their author — ever. Besides the
 * notes routes, every GET the API documents is called as every role with a private note in the
 * relationship, and the database's audit, notification and mail tables are searched for it.
 */
let ctx: TestContext;
let call: ReturnType<typeof caller>;
let org: Awaited<ReturnType<typeof organisationWithProgramme>>;
let mentor: Caller;
let mentee: Caller;
let relationshipId: string;

const notesUrl = (id: string) => `/api/relationships/${id}/notes`;

beforeAll(async () => {
  ctx = await createTestContext();
  call = caller(ctx.app);
  org = await organisationWithProgramme(ctx.app);
  mentor = await member(ctx.app, org.organisationId, { offers: ['budgeting'] });
  mentee = await member(ctx.app, org.organisationId, { wants: ['budgeting'] });
  relationshipId = await openRelationship(ctx.app, {
    organisationId: org.organisationId,
    programmeId: org.programmeId,
    mentorId: mentor.id,
    menteeIds: [mentee.id],
  });
}, 120_000);
afterAll(async () => ctx.close());

describe('notes', () => {
  it('shared notes are read by every participant; a private note by its author only', async () => {
    const shared = await call('POST', notesUrl(relationshipId), mentor, {
      visibility: 'shared',
      body: 'Gedeeld: we oefenen de pitch',
    });
    expect(shared.statusCode, shared.body).toBe(201);
    const own = await call('POST', notesUrl(relationshipId), mentor, {
      visibility: 'private',
      body: 'Prive: ze lijkt onzeker over haar manager',
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ visibility: 'private', isMine: true });

    const forMentor = (await call('GET', notesUrl(relationshipId), mentor)).json();
    expect(forMentor.items.map((n: { body: string }) => n.body)).toEqual([
      'Gedeeld: we oefenen de pitch',
      'Prive: ze lijkt onzeker over haar manager',
    ]);
    const forMentee = await call('GET', notesUrl(relationshipId), mentee);
    expect(forMentee.json().items.map((n: { body: string }) => n.body)).toEqual([
      'Gedeeld: we oefenen de pitch',
    ]);
    expect(forMentee.body).not.toContain(own.json().id);

    // The other side cannot reach the private note by its id either: as if it did not exist.
    const privateUrl = `${notesUrl(relationshipId)}/${own.json().id}`;
    expect((await call('PATCH', privateUrl, mentee, { body: 'x' })).statusCode).toBe(404);
    expect((await call('DELETE', privateUrl, mentee)).statusCode).toBe(404);
    // A shared note is seen, but only its author changes it.
    const sharedUrl = `${notesUrl(relationshipId)}/${shared.json().id}`;
    expect((await call('PATCH', sharedUrl, mentee, { body: 'x' })).statusCode).toBe(403);
    expect((await call('DELETE', sharedUrl, mentee)).statusCode).toBe(403);
  });

  it('the author edits, makes private, and deletes (validated)', async () => {
    const created = (
      await call('POST', notesUrl(relationshipId), mentee, {
        visibility: 'shared',
        body: 'Eerst gedeeld',
      })
    ).json();
    const url = `${notesUrl(relationshipId)}/${created.id}`;
    const changed = await call('PATCH', url, mentee, { visibility: 'private', body: 'Nu privé' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ visibility: 'private', body: 'Nu privé' });
    expect((await call('GET', notesUrl(relationshipId), mentor)).body).not.toContain('Nu privé');
    expect((await call('PATCH', url, mentee, { body: '' })).statusCode).toBe(400);
    expect(
      (await call('POST', notesUrl(relationshipId), mentee, { visibility: 'secret', body: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await call('POST', notesUrl(relationshipId), mentee, {
          visibility: 'shared',
          body: 'x'.repeat(10_001),
        })
      ).statusCode,
    ).toBe(400);
    expect((await call('DELETE', url, mentee)).statusCode).toBe(204);
    expect((await call('GET', notesUrl(relationshipId), mentee)).body).not.toContain('Nu privé');
  });

  it('answers everyone outside the relationship with 404 on every notes route', async () => {
    const note = (
      await call('POST', notesUrl(relationshipId), mentor, { visibility: 'shared', body: 'Binnen' })
    ).json();
    const other = await signedIn(ctx.app, 'member');
    const admin = await createPlatformAdmin(ctx.app);
    const platformAdmin = { cookie: await signIn(ctx.app, admin.email) };
    const problems: string[] = [];
    for (const [who, cookie, expected] of [
      ['programme manager', org.manager, 404],
      ['org admin', org.orgAdmin, 404],
      ['sponsor', org.sponsor, 404],
      ['another member', org.outsider, 404],
      ['another organisation', other, 404],
      ['platform admin', platformAdmin, 403],
    ] as const) {
      for (const [method, url, payload] of [
        ['GET', notesUrl(relationshipId), undefined],
        ['POST', notesUrl(relationshipId), { visibility: 'shared', body: 'x' }],
        ['PATCH', `${notesUrl(relationshipId)}/${note.id}`, { body: 'y' }],
        ['DELETE', `${notesUrl(relationshipId)}/${note.id}`, undefined],
      ] as const) {
        const response = await call(method, url, cookie, payload);
        if (response.statusCode !== expected || response.body.includes('Binnen')) {
          problems.push(`${method} ${url} as ${who}: ${response.statusCode}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('after the relationship ended: readable, no new notes, own notes still editable and deletable', async () => {
    const other = await member(ctx.app, org.organisationId);
    const id = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: mentor.id,
      menteeIds: [other.id],
    });
    const note = (
      await call('POST', notesUrl(id), other, { visibility: 'private', body: 'Terugblik' })
    ).json();
    await ctx.db.execute(sql`update relationship set status = 'completed' where id = ${id}`);
    expect((await call('GET', notesUrl(id), other)).json()).toMatchObject({ canWrite: false });
    expect(
      (await call('POST', notesUrl(id), other, { visibility: 'shared', body: 'Nog iets' }))
        .statusCode,
    ).toBe(422);
    expect(
      (await call('PATCH', `${notesUrl(id)}/${note.id}`, other, { body: 'Terugblik, later' }))
        .statusCode,
    ).toBe(200);
    expect((await call('DELETE', `${notesUrl(id)}/${note.id}`, other)).statusCode).toBe(204);
  });
});

describe('a private note reaches nobody but its author, through any route', () => {
  it('never appears in any GET answer to anyone, except its author’s list of notes', async () => {
    const secret = `PrivateNote-${Math.random().toString(36).slice(2)}`;
    const written = await call('POST', notesUrl(relationshipId), mentee, {
      visibility: 'private',
      body: `${secret} — wat ik nog niet durf te zeggen`,
    });
    expect(written.statusCode, written.body).toBe(201);
    const noteId = written.json().id as string;
    // Some content of every kind beside it, so that lists and activity are not empty.
    await call('POST', notesUrl(relationshipId), mentor, { visibility: 'shared', body: 'Gedeeld' });
    const goal = (
      await call('POST', `/api/relationships/${relationshipId}/goals`, mentee, { title: 'Doel' })
    ).json();
    await call('POST', `/api/relationships/${relationshipId}/goals/${goal.id}/notes`, mentee, {
      body: 'Voortgang',
    });
    await call('POST', `/api/relationships/${relationshipId}/messages`, mentee, {
      body: 'Hallo',
    });
    // A meeting (its .ics too) and each side's calendar feed: none may carry a private note.
    await call('POST', `/api/relationships/${relationshipId}/meetings`, mentee, {
      date: '2030-01-15',
      time: '10:00',
      timeZone: 'Europe/Amsterdam',
      durationMinutes: 60,
      agenda: 'Agenda',
    });
    const [aMeeting] = await ctx.db
      .select({ id: meeting.id })
      .from(meeting)
      .where(sql`${meeting.relationshipId} = ${relationshipId}`)
      .limit(1);
    expect(aMeeting, 'a meeting was planned').toBeDefined();
    const feeds: string[] = [];
    for (const person of [mentee, mentor]) {
      const feed = await call('POST', '/api/calendar-feed', person);
      if (feed.statusCode === 201) feeds.push(new URL(feed.json().url as string).pathname);
    }

    const other = await signedIn(ctx.app, 'org_admin');
    const admin = await createPlatformAdmin(ctx.app);
    const readers: [string, { cookie: string }][] = [
      ['the author (mentee)', mentee],
      ['the other side (mentor)', mentor],
      ['the programme manager', org.manager],
      ['the org admin', org.orgAdmin],
      ['the sponsor', org.sponsor],
      ['another member', org.outsider],
      ['another organisation’s admin', other],
      ['a platform admin', { cookie: await signIn(ctx.app, admin.email) }],
    ];
    const idFor: Record<string, string | undefined> = {
      relationships: relationshipId,
      notes: noteId,
      goals: goal.id,
      meetings: aMeeting?.id,
      programmes: org.programmeId,
      people: mentee.id,
    };
    const operations = listOperations(ctx.app).filter((o) => o.method === 'GET');
    const relationshipReads = operations.filter((o) => o.path.startsWith('/api/relationships'));
    expect(relationshipReads.map((o) => o.path)).toContain('/api/relationships/{id}/notes');

    const leaks: string[] = [];
    let calls = 0;
    for (const operation of operations) {
      const segments = operation.path.split('/');
      const params: Record<string, string> = {};
      let fillable = true;
      for (const { name } of operation.pathParams) {
        const before = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
        const value = idFor[before];
        if (value) params[name] = value;
        else fillable = false;
      }
      // Paths naming records this relationship has none of (a domain, a job) cannot hold it.
      if (!fillable) continue;
      const query: Record<string, unknown> = {};
      for (const param of operation.queryParams) {
        if (param.required) query[param.name] = sampleValue(param.schema);
      }
      const url = fillPath(operation.path, params) + queryString(query);
      for (const [who, reader] of readers) {
        const response = await call('GET', url, reader);
        calls += 1;
        const isAuthorsList =
          reader === mentee && operation.path === '/api/relationships/{id}/notes';
        if (isAuthorsList) {
          expect(response.body).toContain(secret);
          continue;
        }
        if (response.body.includes(secret) || response.body.includes(noteId)) {
          leaks.push(`${operation.key} as ${who} (${response.statusCode})`);
        }
      }
    }
    expect(feeds).toHaveLength(2);
    for (const path of feeds) {
      const response = await call('GET', path, null);
      calls += 1;
      if (response.body.includes(secret)) leaks.push(`calendar feed ${path}`);
    }
    expect(calls).toBeGreaterThan(readers.length * 5);
    expect(leaks).toEqual([]);

    // Nor in what is kept beside the request: audit events, notifications, mail.
    for (const table of ['audit_event', 'notification', 'mail_outbox']) {
      const rows = await ctx.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} t
            where t::text like ${`%${secret}%`} or t::text like ${`%${noteId}%`}`,
      );
      const [row] = (rows as unknown as { rows: { n: number }[] }).rows ?? rows;
      expect(Number((row as { n: number }).n), table).toBe(0);
    }
  });
});
