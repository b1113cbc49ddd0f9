import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, enrolment, mailOutbox, notification, person } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createPerson, signedIn, signIn } from '../../test/factories.js';

let ctx: TestContext;
let now = new Date('2027-03-01T09:00:00Z');
beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
});
afterAll(async () => ctx.close());

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
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

const action = {
  saidNl: 'De gesprekken waren te kort.',
  saidEn: 'The meetings were too short.',
  didNl: 'We plannen voortaan een uur per gesprek.',
  didEn: 'From now on we plan an hour per meeting.',
  resultKeys: ['checkin:usefulness', 'outcome:recommend'],
};

async function enrol(programmeId: string, organisationId: string, personId: string, active = true) {
  await ctx.db.insert(enrolment).values({
    programmeId,
    organisationId,
    personId,
    role: 'mentee',
    isActive: active,
  });
}

/** A published programme with two active participants, one who left and one deactivated person. */
async function setUp(options: { audience?: unknown } = {}) {
  const manager = await signedIn(ctx.app, 'programme_manager');
  const org = manager.organisationId;
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: `Programme ${Math.random().toString(36).slice(2, 8)}`,
    type: 'classic',
    matchingMode: 'participants_choose',
    goal: 'Grow',
    ...(options.audience ? { audience: options.audience } : {}),
  });
  expect(created.statusCode).toBe(201);
  const programmeId: string = created.json().id;
  expect(
    (await call('POST', `/api/programmes/${programmeId}/publish`, manager.cookie)).statusCode,
  ).toBe(200);
  const alice = await createPerson(ctx.app, { organisationId: org, department: 'IT' });
  const bob = await createPerson(ctx.app, { organisationId: org, department: 'IT' });
  const left = await createPerson(ctx.app, { organisationId: org, department: 'IT' });
  const gone = await createPerson(ctx.app, {
    organisationId: org,
    department: 'IT',
    isActive: false,
  });
  await ctx.db.update(person).set({ preferredLanguage: 'en' }).where(eq(person.id, bob.id));
  await enrol(programmeId, org, alice.id);
  await enrol(programmeId, org, bob.id);
  await enrol(programmeId, org, left.id, false);
  await enrol(programmeId, org, gone.id);
  return { manager, org, programmeId, alice, bob, left, gone };
}

const notificationsOf = (personId: string) =>
  ctx.db
    .select()
    .from(notification)
    .where(and(eq(notification.personId, personId), eq(notification.kind, 'feedback_action')));

describe('you said, we did', () => {
  it('tells every active participant exactly once, in their language, and records an audit event', async () => {
    const { manager, org, programmeId, alice, bob, left, gone } = await setUp();
    // A participant of another programme of the same organisation hears nothing.
    const other = await setUp();
    const created = await call(
      'POST',
      `/api/programmes/${programmeId}/feedback-actions`,
      manager.cookie,
      { ...action, saidNl: `  ${action.saidNl}  ` },
    );
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      ...action,
      programmeId,
      change: null,
      notified: 2,
      createdAt: now.toISOString(),
    });

    for (const p of [alice, bob]) {
      const rows = await notificationsOf(p.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.payload.link).toBe(`/programmes/${programmeId}#you-said-we-did`);
    }
    for (const p of [left, gone, other.alice, other.bob]) {
      expect(await notificationsOf(p.id)).toHaveLength(0);
    }

    const [bobMail] = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, bob.email));
    expect(bobMail!.subject).toMatch(/^You said, we did/);
    expect(bobMail!.text).toContain(action.didEn);
    expect(bobMail!.headers?.['List-Unsubscribe']).toBeTruthy();
    // Its own reason in the footer, not a reminder's ("waiting for your answer").
    expect(bobMail!.text).toContain('what it did with its participants');
    expect(bobMail!.text).not.toContain('waiting for your answer');
    const [aliceMail] = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, alice.email));
    expect(aliceMail!.subject).toMatch(/^Jullie zeiden, wij deden/);
    expect(aliceMail!.text).toContain(action.didNl);

    const audits = await ctx.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.action, 'feedback_action.created'), eq(auditEvent.subjectId, body.id)),
      );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ organisationId: org, actorUserId: manager.userId });
    expect(audits[0]!.details).toMatchObject({ programmeId, notified: 2 });
  });

  it('links a change of this programme and marks it in the change log; a change of another programme is refused naming the field', async () => {
    const { manager, programmeId } = await setUp();
    const changed = await call('PATCH', `/api/programmes/${programmeId}`, manager.cookie, {
      checkInCadenceDays: 21,
    });
    expect(changed.statusCode).toBe(200);
    const changes = (
      await call('GET', `/api/programmes/${programmeId}/changes`, manager.cookie)
    ).json();
    const changeId: string = changes.items[0].id;
    expect(changes.items[0].feedbackActionId).toBeNull();

    // A change of another programme of the same organisation.
    const sibling = await call('POST', '/api/programmes', manager.cookie, {
      name: 'Sibling',
      type: 'classic',
      matchingMode: 'participants_choose',
      goal: 'Grow',
    });
    const siblingId: string = sibling.json().id;
    await call('POST', `/api/programmes/${siblingId}/publish`, manager.cookie);
    await call('PATCH', `/api/programmes/${siblingId}`, manager.cookie, { checkInCadenceDays: 28 });
    const siblingChange: string = (
      await call('GET', `/api/programmes/${siblingId}/changes`, manager.cookie)
    ).json().items[0].id;
    const refused = await call(
      'POST',
      `/api/programmes/${programmeId}/feedback-actions`,
      manager.cookie,
      {
        ...action,
        programmeChangeId: siblingChange,
      },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.programmeChangeId' }),
    ]);

    const created = await call(
      'POST',
      `/api/programmes/${programmeId}/feedback-actions`,
      manager.cookie,
      {
        ...action,
        programmeChangeId: changeId,
      },
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().change).toEqual({
      id: changeId,
      createdAt: expect.any(String),
      fields: ['checkInCadenceDays'],
    });
    const log = (
      await call('GET', `/api/programmes/${programmeId}/changes`, manager.cookie)
    ).json();
    expect(log.items[0].feedbackActionId).toBe(created.json().id);
  });

  it('names the field of bad input', async () => {
    const { manager, programmeId } = await setUp();
    const url = `/api/programmes/${programmeId}/feedback-actions`;
    const missing = await call('POST', url, manager.cookie, { ...action, didEn: '   ' });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().error.details)).toContain('didEn');
    const tooLong = await call('POST', url, manager.cookie, {
      ...action,
      saidNl: 'x'.repeat(2001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json().error.details)).toContain('saidNl');
    const tooMany = await call('POST', url, manager.cookie, {
      ...action,
      resultKeys: Array.from({ length: 11 }, () => 'outcome:inspired'),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(JSON.stringify(tooMany.json().error.details)).toContain('resultKeys');
    const unknown = await call('POST', url, manager.cookie, {
      ...action,
      resultKeys: ['outcome:inspired', 'checkin:nonexistent', 'outcome:happiness'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'body.resultKeys.1',
      'body.resultKeys.2',
    ]);
    expect((await call('GET', url, manager.cookie)).json().total).toBe(0);
  });

  it("accepts the programme's own check-in questions as results", async () => {
    const { manager, programmeId } = await setUp();
    const set = await call(
      'PUT',
      `/api/programmes/${programmeId}/check-in-questions`,
      manager.cookie,
      {
        questions: [
          { id: 'usefulness', kind: 'usefulness', labelNl: 'Hoe nuttig?', labelEn: 'How useful?' },
          { kind: 'scale', labelNl: 'Hoe veilig voelde het?', labelEn: 'How safe did it feel?' },
        ],
      },
    );
    expect(set.statusCode).toBe(200);
    const own = (set.json().questions as { id: string; kind: string }[]).find(
      (q) => q.kind === 'scale',
    )!;
    const url = `/api/programmes/${programmeId}/feedback-actions`;
    const created = await call('POST', url, manager.cookie, {
      ...action,
      resultKeys: [`checkin:${own.id}`, 'checkin:met'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().resultKeys).toEqual([`checkin:${own.id}`, 'checkin:met']);
    const elsewhere = await setUp();
    const refused = await call(
      'POST',
      `/api/programmes/${elsewhere.programmeId}/feedback-actions`,
      elsewhere.manager.cookie,
      { ...action, resultKeys: [`checkin:${own.id}`] },
    );
    expect(refused.statusCode).toBe(422);
  });

  it('lets participants and people who may see the programme read it; others get 404; members cannot write', async () => {
    const { manager, org, programmeId, alice } = await setUp({ audience: { departments: ['IT'] } });
    const url = `/api/programmes/${programmeId}/feedback-actions`;
    const first = (await call('POST', url, manager.cookie, action)).json();
    now = new Date(now.getTime() + 60_000);
    const second = (await call('POST', url, manager.cookie, { ...action, didEn: 'Second' })).json();

    const aliceCookie = await signIn(ctx.app, alice.email);
    const read = await call('GET', url, aliceCookie);
    expect(read.statusCode).toBe(200);
    expect(read.json().items.map((i: { id: string }) => i.id)).toEqual([second.id, first.id]);
    expect(read.json().participants).toBe(0);
    expect((await call('GET', url, manager.cookie)).json().participants).toBe(2);
    const paged = await call('GET', `${url}?limit=1&offset=1`, aliceCookie);
    expect(paged.json()).toMatchObject({ total: 2, items: [{ id: first.id }] });
    expect((await call('GET', `${url}?limit=51`, aliceCookie)).statusCode).toBe(400);

    // Eligible (same department) but not enrolled: may see the programme page, so may read.
    const eligible = await createPerson(ctx.app, { organisationId: org, department: 'IT' });
    expect((await call('GET', url, await signIn(ctx.app, eligible.email))).statusCode).toBe(200);
    // Outside the audience and not enrolled: the programme is hidden from them.
    const outsider = await createPerson(ctx.app, { organisationId: org, department: 'Finance' });
    const outsiderCookie = await signIn(ctx.app, outsider.email);
    expect((await call('GET', url, outsiderCookie)).statusCode).toBe(404);

    expect((await call('POST', url, aliceCookie, action)).statusCode).toBe(403);
    expect(
      (await call('PATCH', `${url}/${first.id}`, aliceCookie, { didEn: 'x' })).statusCode,
    ).toBe(403);
    expect((await call('DELETE', `${url}/${first.id}`, aliceCookie)).statusCode).toBe(403);
  });

  it('answers another organisation with 404 on every route', async () => {
    const { manager, programmeId } = await setUp();
    const url = `/api/programmes/${programmeId}/feedback-actions`;
    const { id } = (await call('POST', url, manager.cookie, action)).json();
    const stranger = await signedIn(ctx.app, 'org_admin');
    const member = await signedIn(ctx.app, 'member', stranger.organisationId);
    expect((await call('GET', url, stranger.cookie)).statusCode).toBe(404);
    expect((await call('GET', url, member.cookie)).statusCode).toBe(404);
    expect((await call('POST', url, stranger.cookie, action)).statusCode).toBe(404);
    expect((await call('PATCH', `${url}/${id}`, stranger.cookie, { didEn: 'x' })).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `${url}/${id}`, stranger.cookie)).statusCode).toBe(404);
    expect((await call('GET', url, manager.cookie)).json().total).toBe(1);
  });

  it('corrects the wording without notifying again, and deletes it from the list', async () => {
    const { manager, programmeId, alice } = await setUp();
    const url = `/api/programmes/${programmeId}/feedback-actions`;
    const { id } = (await call('POST', url, manager.cookie, action)).json();
    const patched = await call('PATCH', `${url}/${id}`, manager.cookie, {
      didEn: '  An hour per meeting, and a reminder the day before.  ',
      resultKeys: ['checkin:met'],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      didEn: 'An hour per meeting, and a reminder the day before.',
      didNl: action.didNl,
      resultKeys: ['checkin:met'],
    });
    expect(await notificationsOf(alice.id)).toHaveLength(1);
    // What is left out stays as it was.
    const wordingOnly = await call('PATCH', `${url}/${id}`, manager.cookie, { saidEn: 'Short.' });
    expect(wordingOnly.json()).toMatchObject({ saidEn: 'Short.', resultKeys: ['checkin:met'] });
    const badPatch = await call('PATCH', `${url}/${id}`, manager.cookie, { resultKeys: ['nope'] });
    expect(badPatch.statusCode).toBe(422);

    const other = await setUp();
    const elsewhere = await call(
      'PATCH',
      `/api/programmes/${other.programmeId}/feedback-actions/${id}`,
      other.manager.cookie,
      { didEn: 'x' },
    );
    expect(elsewhere.statusCode).toBe(404);

    expect((await call('DELETE', `${url}/${id}`, manager.cookie)).statusCode).toBe(204);
    expect((await call('GET', url, manager.cookie)).json()).toMatchObject({ items: [], total: 0 });
    expect((await call('DELETE', `${url}/${id}`, manager.cookie)).statusCode).toBe(404);
    const audits = await ctx.db.select().from(auditEvent).where(eq(auditEvent.subjectId, id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'feedback_action.created',
      'feedback_action.deleted',
      'feedback_action.updated',
      'feedback_action.updated',
    ]);
  });
});
