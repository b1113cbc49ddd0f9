import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvent,
  enrolment,
  mailOutbox,
  notification,
  person,
  programmeChange,
  programmeInvitation,
  story,
} from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createPerson, signedIn, signIn, type TestPerson } from '../../test/factories.js';
import { isLeader } from './repository.js';

let ctx: TestContext;
const now = new Date('2027-03-01T09:00:00Z');
beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
});
afterAll(async () => ctx.close());

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  cookie: string,
  payload?: unknown,
) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function enrol(
  programmeId: string,
  p: TestPerson,
  role: 'mentee' | 'mentor' | 'both',
  active = true,
) {
  await ctx.db.insert(enrolment).values({
    programmeId,
    organisationId: p.organisationId,
    personId: p.id,
    role,
    isActive: active,
  });
}

async function createProgramme(
  manager: { cookie: string },
  options: { type?: 'classic' | 'reverse'; publish?: boolean; audience?: unknown } = {},
) {
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: `Programme ${Math.random().toString(36).slice(2, 8)}`,
    type: options.type ?? 'classic',
    matchingMode: 'participants_choose',
    goal: 'Grow',
    descriptionNl: 'Leer van elkaar.',
    descriptionEn: 'Learn from each other.',
    ...(options.audience ? { audience: options.audience } : {}),
  });
  expect(created.statusCode).toBe(201);
  const id: string = created.json().id;
  if (options.publish !== false) {
    expect((await call('POST', `/api/programmes/${id}/publish`, manager.cookie)).statusCode).toBe(
      200,
    );
  }
  return id;
}

/** A leader by reports two levels down: boss → middle → worker. */
async function managerOfManagers(org: string, names: { givenName?: string } = {}) {
  const boss = await createPerson(ctx.app, { organisationId: org, ...names });
  const middle = await createPerson(ctx.app, { organisationId: org, managerId: boss.id });
  await createPerson(ctx.app, { organisationId: org, managerId: middle.id });
  return { boss, middle };
}

describe('who is a leader', () => {
  it('counts sponsors, managers of managers and people marked as leadership, nobody else', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const org = admin.organisationId;
    const { boss, middle } = await managerOfManagers(org);
    const sponsor = await createPerson(ctx.app, { organisationId: org });
    const marked = await createPerson(ctx.app, { organisationId: org });
    const plain = await createPerson(ctx.app, { organisationId: org });

    expect(await isLeader(ctx.db, org, boss.id)).toBe(true);
    // One level of reports is not enough.
    expect(await isLeader(ctx.db, org, middle.id)).toBe(false);
    expect(await isLeader(ctx.db, org, sponsor.id)).toBe(false);
    expect(await isLeader(ctx.db, org, marked.id)).toBe(false);
    expect(await isLeader(ctx.db, org, plain.id)).toBe(false);

    const programmeId = await createProgramme(admin);
    const put = await call('PUT', `/api/programmes/${programmeId}/sponsors`, admin.cookie, {
      personIds: [sponsor.id],
    });
    expect(put.statusCode).toBe(200);
    expect(await isLeader(ctx.db, org, sponsor.id)).toBe(true);

    // Marked as leadership through the people API, audited and read back.
    const patched = await call('PATCH', `/api/people/${marked.id}`, admin.cookie, {
      isLeadership: true,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().isLeadership).toBe(true);
    expect((await call('GET', `/api/people/${marked.id}`, admin.cookie)).json().isLeadership).toBe(
      true,
    );
    expect(await isLeader(ctx.db, org, marked.id)).toBe(true);
    const audits = await ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, marked.id), eq(auditEvent.action, 'person.updated')));
    expect(audits.map((a) => a.details)).toContainEqual({ fields: ['isLeadership'] });
    expect(await isLeader(ctx.db, org, plain.id)).toBe(false);

    // A programme manager may not mark anyone (org admins only).
    const pm = await signedIn(ctx.app, 'programme_manager', org);
    expect(
      (await call('PATCH', `/api/people/${plain.id}`, pm.cookie, { isLeadership: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/people/${plain.id}`, admin.cookie, { isLeadership: 'yes' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('sponsors', () => {
  it('are set and replaced in one go, audited and in the change log; bad input names the field', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const org = manager.organisationId;
    const programmeId = await createProgramme(manager);
    const a = await createPerson(ctx.app, { organisationId: org, givenName: 'Anna' });
    const b = await createPerson(ctx.app, { organisationId: org, givenName: 'Bram' });
    const c = await createPerson(ctx.app, { organisationId: org, givenName: 'Cees' });
    const url = `/api/programmes/${programmeId}/sponsors`;

    const first = await call('PUT', url, manager.cookie, { personIds: [a.id, b.id] });
    expect(first.statusCode).toBe(200);
    expect(
      first
        .json()
        .sponsors.map((s: { personId: string }) => s.personId)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    await enrol(programmeId, c, 'mentor');
    const second = await call('PUT', url, manager.cookie, { personIds: [c.id] });
    expect(second.json().sponsors).toEqual([
      { personId: c.id, name: expect.stringContaining('Cees'), jobTitle: null, takesPart: true },
    ]);

    // A member who may see the programme sees its sponsors.
    const member = await signedIn(ctx.app, 'member', org);
    const seen = await call('GET', `/api/programmes/${programmeId}/leaders`, member.cookie);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().sponsors.map((s: { personId: string }) => s.personId)).toEqual([c.id]);

    const changes = await ctx.db
      .select()
      .from(programmeChange)
      .where(eq(programmeChange.programmeId, programmeId));
    expect(changes).toHaveLength(2);
    const audits = await ctx.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.subjectId, programmeId), eq(auditEvent.action, 'programme.sponsors_set')),
      );
    expect(audits).toHaveLength(2);

    // Someone of another organisation, a deactivated person, too many, not a uuid.
    const stranger = await createPerson(ctx.app);
    const gone = await createPerson(ctx.app, { organisationId: org, isActive: false });
    const bad = await call('PUT', url, manager.cookie, { personIds: [a.id, stranger.id, gone.id] });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('body.personIds.1');
    expect(bad.body).toContain('body.personIds.2');
    const many = await call('PUT', url, manager.cookie, {
      personIds: Array.from({ length: 11 }, () => a.id),
    });
    expect(many.statusCode).toBe(400);
    expect(many.body).toContain('personIds');
    const notUuid = await call('PUT', url, manager.cookie, { personIds: ['x'] });
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.body).toContain('personIds');
    // Nothing changed by the refused calls.
    const after = await call('GET', `/api/programmes/${programmeId}/leaders`, manager.cookie);
    expect(after.json().sponsors.map((s: { personId: string }) => s.personId)).toEqual([c.id]);

    // A member may not set sponsors; another organisation's manager gets 404.
    expect((await call('PUT', url, member.cookie, { personIds: [] })).statusCode).toBe(403);
    const other = await signedIn(ctx.app, 'programme_manager');
    expect((await call('PUT', url, other.cookie, { personIds: [] })).statusCode).toBe(404);
    expect(
      (await call('GET', `/api/programmes/${programmeId}/leaders`, other.cookie)).statusCode,
    ).toBe(404);
    const otherMember = await signedIn(ctx.app, 'member');
    expect(
      (await call('GET', `/api/programmes/${programmeId}/leaders`, otherMember.cookie)).statusCode,
    ).toBe(404);
  });
});

describe('leaders taking part', () => {
  it('appear only with their own consent and line, reverse mentees first, and withdraw at once', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const org = manager.organisationId;
    const programmeId = await createProgramme(manager, { type: 'reverse' });
    const mentorLeader = await managerOfManagers(org, { givenName: 'Aafke' });
    const menteeLeader = await managerOfManagers(org, { givenName: 'Zeger' });
    const silentLeader = await managerOfManagers(org, { givenName: 'Stil' });
    const plain = await createPerson(ctx.app, { organisationId: org });
    await enrol(programmeId, mentorLeader.boss, 'mentor');
    await enrol(programmeId, menteeLeader.boss, 'mentee');
    await enrol(programmeId, silentLeader.boss, 'both');
    await enrol(programmeId, plain, 'mentee');
    const cookieOf = async (p: TestPerson) => signIn(ctx.app, p.email);
    const mentorCookie = await cookieOf(mentorLeader.boss);
    const menteeCookie = await cookieOf(menteeLeader.boss);
    const plainCookie = await cookieOf(plain);
    const mine = `/api/programmes/${programmeId}/my-leadership`;
    const leadersUrl = `/api/programmes/${programmeId}/leaders`;

    expect((await call('GET', mine, mentorCookie)).json()).toEqual({
      isLeader: true,
      enrolled: true,
      shown: false,
      line: '',
    });
    // Nobody consented yet: nobody is shown.
    expect((await call('GET', leadersUrl, plainCookie)).json().leaders).toEqual([]);

    expect(
      (
        await call('PUT', mine, mentorCookie, { shown: true, line: '  Ik deel wat ik weet.  ' })
      ).json(),
    ).toMatchObject({ shown: true, line: 'Ik deel wat ik weet.' });
    await call('PUT', mine, menteeCookie, { shown: true, line: 'Ik leer over AI.' });

    const shown = (await call('GET', leadersUrl, plainCookie)).json().leaders;
    expect(shown).toEqual([
      expect.objectContaining({
        personId: menteeLeader.boss.id,
        role: 'mentee',
        line: 'Ik leer over AI.',
        learnsToo: true,
      }),
      expect.objectContaining({
        personId: mentorLeader.boss.id,
        role: 'mentor',
        line: 'Ik deel wat ik weet.',
        learnsToo: false,
      }),
    ]);
    expect(JSON.stringify(shown)).not.toContain(silentLeader.boss.id);

    // Withdrawn: gone at once.
    expect((await call('PUT', mine, menteeCookie, { shown: false, line: 'x' })).statusCode).toBe(
      200,
    );
    const afterWithdraw = (await call('GET', leadersUrl, plainCookie)).json().leaders;
    expect(afterWithdraw.map((l: { personId: string }) => l.personId)).toEqual([
      mentorLeader.boss.id,
    ]);

    // Leaving the programme hides them too.
    await ctx.db
      .update(enrolment)
      .set({ isActive: false })
      .where(
        and(eq(enrolment.programmeId, programmeId), eq(enrolment.personId, mentorLeader.boss.id)),
      );
    expect((await call('GET', leadersUrl, plainCookie)).json().leaders).toEqual([]);

    // Not a leader, or not enrolled: 422 naming the field; a too long line: 400.
    const notLeader = await call('PUT', mine, plainCookie, { shown: true, line: '' });
    expect(notLeader.statusCode).toBe(422);
    expect(notLeader.body).toContain('body.shown');
    const notEnrolled = await call('PUT', mine, mentorCookie, { shown: true, line: '' });
    expect(notEnrolled.statusCode).toBe(422);
    expect(notEnrolled.body).toContain('body.shown');
    const tooLong = await call('PUT', mine, menteeCookie, { shown: true, line: 'x'.repeat(281) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('line');

    // Another organisation: 404.
    const other = await signedIn(ctx.app, 'member');
    expect((await call('GET', mine, other.cookie)).statusCode).toBe(404);
    expect((await call('PUT', mine, other.cookie, { shown: false, line: '' })).statusCode).toBe(
      404,
    );
  });

  it('does not list a consenting person who is no longer a leader', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const org = admin.organisationId;
    const programmeId = await createProgramme(admin);
    const marked = await createPerson(ctx.app, { organisationId: org });
    await ctx.db.update(person).set({ isLeadership: true }).where(eq(person.id, marked.id));
    await enrol(programmeId, marked, 'mentor');
    const cookie = await signIn(ctx.app, marked.email);
    await call('PUT', `/api/programmes/${programmeId}/my-leadership`, cookie, {
      shown: true,
      line: 'Graag.',
    });
    const url = `/api/programmes/${programmeId}/leaders`;
    expect((await call('GET', url, admin.cookie)).json().leaders).toHaveLength(1);
    await call('PATCH', `/api/people/${marked.id}`, admin.cookie, { isLeadership: false });
    expect((await call('GET', url, admin.cookie)).json().leaders).toHaveLength(0);
  });
});

describe('invitation to enrol', () => {
  it('reaches each eligible person once, with consenting leaders and organisation stories only', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const org = manager.organisationId;
    const programmeId = await createProgramme(manager, {
      type: 'reverse',
      audience: { departments: ['IT'] },
    });
    const leader = await managerOfManagers(org, { givenName: 'Directeur' });
    await ctx.db
      .update(person)
      .set({ department: 'Board', jobTitle: 'CEO' })
      .where(eq(person.id, leader.boss.id));
    const silent = await managerOfManagers(org, { givenName: 'Zwijger' });
    await enrol(programmeId, leader.boss, 'mentee');
    await enrol(programmeId, silent.boss, 'mentor');
    await call(
      'PUT',
      `/api/programmes/${programmeId}/my-leadership`,
      await signIn(ctx.app, leader.boss.email),
      {
        shown: true,
        line: 'Ik leer van jonge engineers.',
      },
    );

    const alice = await createPerson(ctx.app, { organisationId: org, department: 'IT' });
    const bob = await createPerson(ctx.app, { organisationId: org, department: 'IT' });
    await ctx.db.update(person).set({ preferredLanguage: 'en' }).where(eq(person.id, bob.id));
    const enrolled = await createPerson(ctx.app, { organisationId: org, department: 'IT' });
    await enrol(programmeId, enrolled, 'mentee');
    const outsider = await createPerson(ctx.app, { organisationId: org, department: 'HR' });
    const gone = await createPerson(ctx.app, {
      organisationId: org,
      department: 'IT',
      isActive: false,
    });

    const author = leader.boss.id;
    const longBody = `Begin ${'lang '.repeat(100)}EINDE-NIET-ZICHTBAAR`;
    await ctx.db.insert(story).values([
      {
        organisationId: org,
        programmeId,
        authorId: author,
        titleNl: 'Wat ik leerde',
        titleEn: 'What I learned',
        bodyNl: longBody,
        bodyEn: '',
        audience: 'organisation',
        status: 'published',
        publishedAt: new Date('2027-02-01T00:00:00Z'),
      },
      {
        organisationId: org,
        programmeId,
        authorId: author,
        titleNl: 'Alleen voor het programma',
        bodyNl: 'Binnenskamers.',
        audience: 'programme',
        status: 'published',
        publishedAt: new Date('2027-02-02T00:00:00Z'),
      },
      {
        organisationId: org,
        programmeId,
        authorId: author,
        titleNl: 'Nog niet goedgekeurd',
        bodyNl: 'Concept.',
        audience: 'organisation',
        status: 'submitted',
      },
    ]);

    const url = `/api/programmes/${programmeId}/invitations`;
    expect((await call('GET', url, manager.cookie)).json()).toEqual({
      invited: 0,
      notYetInvited: 2,
    });
    const sent = await call('POST', url, manager.cookie);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ invited: 2 });
    expect((await call('GET', url, manager.cookie)).json()).toEqual({
      invited: 2,
      notYetInvited: 0,
    });
    // A second call reaches nobody.
    expect((await call('POST', url, manager.cookie)).json()).toEqual({ invited: 0 });

    const invitations = await ctx.db
      .select()
      .from(programmeInvitation)
      .where(eq(programmeInvitation.programmeId, programmeId));
    expect(invitations.map((i) => i.personId).sort()).toEqual([alice.id, bob.id].sort());

    const notificationsOf = (personId: string) =>
      ctx.db
        .select()
        .from(notification)
        .where(
          and(eq(notification.personId, personId), eq(notification.kind, 'programme_invitation')),
        );
    for (const p of [alice, bob]) {
      const rows = await notificationsOf(p.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.payload.link).toBe(`/programmes/${programmeId}`);
    }
    for (const p of [enrolled, outsider, gone, leader.boss, silent.boss]) {
      expect(await notificationsOf(p.id)).toHaveLength(0);
    }

    const mailsTo = (email: string) =>
      ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
    const [aliceMail, ...moreAlice] = await mailsTo(alice.email);
    expect(moreAlice).toHaveLength(0);
    expect(aliceMail!.subject).toContain('uitgenodigd');
    expect(aliceMail!.text).toContain('Leer van elkaar.');
    expect(aliceMail!.text).toContain('Onze directeuren leren ook');
    expect(aliceMail!.text).toContain('Ik leer van jonge engineers.');
    expect(aliceMail!.text).toContain('CEO');
    expect(aliceMail!.text).not.toContain('Zwijger');
    expect(aliceMail!.text).toContain('Wat ik leerde');
    expect(aliceMail!.text).not.toContain('EINDE-NIET-ZICHTBAAR');
    expect(aliceMail!.text).not.toContain('Alleen voor het programma');
    expect(aliceMail!.text).not.toContain('Nog niet goedgekeurd');
    expect(aliceMail!.text).toContain(`/programmes/${programmeId}`);

    const [bobMail] = await mailsTo(bob.email);
    expect(bobMail!.subject).toContain('invited');
    expect(bobMail!.text).toContain('Learn from each other.');
    expect(bobMail!.text).toContain('Our directors learn too');
    expect(bobMail!.text).toContain('What I learned');
    // No English body: the Dutch one stands in.
    expect(bobMail!.text).toContain('Begin lang');
  });

  it('needs an open, published programme, a manager, and the same organisation', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const draftId = await createProgramme(manager, { publish: false });
    const refused = await call('POST', `/api/programmes/${draftId}/invitations`, manager.cookie);
    expect(refused.statusCode).toBe(422);
    const closedWindow = await createProgramme(manager, { publish: false });
    await call('PATCH', `/api/programmes/${closedWindow}`, manager.cookie, {
      enrolmentOpensOn: '2020-01-01',
      enrolmentClosesOn: '2020-02-01',
    });
    await call('POST', `/api/programmes/${closedWindow}/publish`, manager.cookie);
    expect(
      (await call('POST', `/api/programmes/${closedWindow}/invitations`, manager.cookie))
        .statusCode,
    ).toBe(422);

    const open = await createProgramme(manager);
    const member = await signedIn(ctx.app, 'member', manager.organisationId);
    expect(
      (await call('POST', `/api/programmes/${open}/invitations`, member.cookie)).statusCode,
    ).toBe(403);
    expect(
      (await call('GET', `/api/programmes/${open}/invitations`, member.cookie)).statusCode,
    ).toBe(403);
    const other = await signedIn(ctx.app, 'programme_manager');
    expect(
      (await call('POST', `/api/programmes/${open}/invitations`, other.cookie)).statusCode,
    ).toBe(404);
    expect(
      (await call('GET', `/api/programmes/${open}/invitations`, other.cookie)).statusCode,
    ).toBe(404);
  });
});
