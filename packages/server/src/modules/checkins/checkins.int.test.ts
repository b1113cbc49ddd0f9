import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementConfirmation,
  checkIn,
  job,
  mailOutbox,
  notification,
  relationship,
  relationshipAgreement,
  relationshipMentee,
} from '../../db/schema.js';
import { runDueJobs } from '../jobs/runner.js';
import {
  caller,
  member,
  openRelationship,
  organisationWithProgramme,
  type Caller,
} from '../agreements/test-space.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import {
  CHECKIN_SWEEP_JOB,
  ensureCheckInSweep,
  remindOpenCheckIns,
  sendDueCheckIns,
} from './service.js';
import { STANDARD_QUESTIONS } from './questions.js';

/** The clock of the app and of the sweeps: tests move it. */
let now = new Date('2026-03-01T09:00:00Z');
let ctx: TestContext;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
  call = caller(ctx.app);
});
afterAll(async () => ctx.close());

const at = (iso: string) => new Date(iso);
const sweep = () => sendDueCheckIns(ctx.db, ctx.app.mailer, ctx.app.config.baseUrl, now);
const remind = () => remindOpenCheckIns(ctx.db, ctx.app.mailer, ctx.app.config.baseUrl, now);

async function checkInsOf(relationshipId: string) {
  return ctx.db
    .select()
    .from(checkIn)
    .where(eq(checkIn.relationshipId, relationshipId))
    .orderBy(checkIn.dueOn, checkIn.side);
}

async function notificationsOf(personIds: string[], kind: string) {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notification)
    .where(and(inArray(notification.personId, personIds), eq(notification.kind, kind)));
  return row?.n ?? 0;
}

async function startedOn(relationshipId: string, iso: string) {
  await ctx.db
    .update(relationship)
    .set({ startedAt: at(iso) })
    .where(eq(relationship.id, relationshipId));
}

/** An org with a 14-day programme, and a pair that started on 1 March. */
async function setting(cadenceDays = 14) {
  const org = await organisationWithProgramme(ctx.app, cadenceDays);
  const mentor = await member(ctx.app, org.organisationId);
  const mentee = await member(ctx.app, org.organisationId);
  const relationshipId = await openRelationship(ctx.app, {
    organisationId: org.organisationId,
    programmeId: org.programmeId,
    mentorId: mentor.id,
    menteeIds: [mentee.id],
  });
  await startedOn(relationshipId, '2026-03-01T08:00:00Z');
  return { ...org, mentor, mentee, relationshipId };
}

describe('scheduling on the cadence', () => {
  it('sends both sides a check-in when the programme’s cadence has passed, once', async () => {
    const s = await setting(14);
    now = at('2026-03-14T23:00:00Z');
    await sweep();
    expect(await checkInsOf(s.relationshipId)).toHaveLength(0);

    now = at('2026-03-15T06:00:00Z');
    await sweep();
    const sent = await checkInsOf(s.relationshipId);
    expect(sent.map((c) => [c.side, c.dueOn])).toEqual([
      ['mentee', '2026-03-15'],
      ['mentor', '2026-03-15'],
    ]);
    expect(sent[0]!.questions).toEqual(STANDARD_QUESTIONS);
    expect(await notificationsOf([s.mentor.id, s.mentee.id], 'check_in_due')).toBe(2);
    const mail = await ctx.db
      .select()
      .from(mailOutbox)
      .where(inArray(mailOutbox.toAddress, [s.mentor.email, s.mentee.email]));
    expect(mail).toHaveLength(2);
    expect(mail[0]!.text).toContain('/feedback/check-ins/');

    // Again the same day, and the next: nothing new.
    await sweep();
    now = at('2026-03-20T06:00:00Z');
    await sweep();
    expect(await checkInsOf(s.relationshipId)).toHaveLength(2);
    expect(await notificationsOf([s.mentor.id, s.mentee.id], 'check_in_due')).toBe(2);

    // The next one: 14 days after the last one's due day.
    now = at('2026-03-29T06:00:00Z');
    await sweep();
    const next = await checkInsOf(s.relationshipId);
    expect(next.map((c) => c.dueOn)).toEqual([
      '2026-03-15',
      '2026-03-15',
      '2026-03-29',
      '2026-03-29',
    ]);
  });

  it('takes the agreement’s cadence over the programme’s (the one in force)', async () => {
    const s = await setting(30);
    // Version 1 (21 days) held; version 2 (7 days) is only proposed: version 1 applies.
    const [v1] = await ctx.db
      .insert(relationshipAgreement)
      .values({
        relationshipId: s.relationshipId,
        organisationId: s.organisationId,
        version: 1,
        cadenceDays: 21,
        proposedBy: s.mentor.id,
      })
      .returning();
    await ctx.db.insert(agreementConfirmation).values([
      { agreementId: v1!.id, personId: s.mentor.id },
      { agreementId: v1!.id, personId: s.mentee.id },
    ]);
    await ctx.db.insert(relationshipAgreement).values({
      relationshipId: s.relationshipId,
      organisationId: s.organisationId,
      version: 2,
      cadenceDays: 7,
      proposedBy: s.mentee.id,
    });
    now = at('2026-03-21T12:00:00Z');
    await sweep();
    expect(await checkInsOf(s.relationshipId)).toHaveLength(0);
    now = at('2026-03-22T12:00:00Z');
    await sweep();
    expect((await checkInsOf(s.relationshipId)).map((c) => c.dueOn)).toEqual([
      '2026-03-22',
      '2026-03-22',
    ]);
  });

  it('uses a proposed agreement when none held yet', async () => {
    const s = await setting(30);
    await ctx.db.insert(relationshipAgreement).values({
      relationshipId: s.relationshipId,
      organisationId: s.organisationId,
      version: 1,
      cadenceDays: 10,
      proposedBy: s.mentor.id,
    });
    now = at('2026-03-11T12:00:00Z');
    await sweep();
    expect((await checkInsOf(s.relationshipId)).map((c) => c.dueOn)).toEqual([
      '2026-03-11',
      '2026-03-11',
    ]);
  });

  it('skips paused and ended relationships, and a mentee who left gets none', async () => {
    const paused = await setting(14);
    await ctx.db
      .update(relationship)
      .set({ pausedAt: at('2026-03-05T00:00:00Z'), pausedBy: paused.mentor.id })
      .where(eq(relationship.id, paused.relationshipId));
    const ended = await setting(14);
    await ctx.db
      .update(relationship)
      .set({ status: 'ended_early', endedAt: at('2026-03-05T00:00:00Z') })
      .where(eq(relationship.id, ended.relationshipId));

    const org = await organisationWithProgramme(ctx.app, 14);
    const mentor = await member(ctx.app, org.organisationId);
    const stays = await member(ctx.app, org.organisationId);
    const left = await member(ctx.app, org.organisationId);
    const group = await openRelationship(ctx.app, {
      organisationId: org.organisationId,
      programmeId: org.programmeId,
      mentorId: mentor.id,
      menteeIds: [stays.id, left.id],
    });
    await startedOn(group, '2026-03-01T08:00:00Z');
    await ctx.db
      .update(relationshipMentee)
      .set({ leftAt: at('2026-03-04T00:00:00Z') })
      .where(eq(relationshipMentee.menteeId, left.id));

    now = at('2026-03-16T06:00:00Z');
    await sweep();
    expect(await checkInsOf(paused.relationshipId)).toHaveLength(0);
    expect(await checkInsOf(ended.relationshipId)).toHaveLength(0);
    const sent = await checkInsOf(group);
    expect(sent.map((c) => c.personId).sort()).toEqual([mentor.id, stays.id].sort());
    expect(await notificationsOf([left.id], 'check_in_due')).toBe(0);
  });

  it('runs on the job queue every hour and schedules its next run', async () => {
    const s = await setting(14);
    now = at('2026-03-15T10:30:00Z');
    await ensureCheckInSweep(ctx.db, now);
    await ensureCheckInSweep(ctx.db, now); // a second process starting: still one job
    const queued = await ctx.db
      .select()
      .from(job)
      .where(and(eq(job.kind, CHECKIN_SWEEP_JOB), eq(job.status, 'queued')));
    expect(queued).toHaveLength(1);
    await runDueJobs(ctx.db, ctx.app.jobHandlers, now, undefined, { kinds: [CHECKIN_SWEEP_JOB] });
    expect(await checkInsOf(s.relationshipId)).toHaveLength(2);
    const next = await ctx.db
      .select()
      .from(job)
      .where(and(eq(job.kind, CHECKIN_SWEEP_JOB), eq(job.status, 'queued')));
    expect(next.map((j) => j.runAt.toISOString())).toEqual(['2026-03-15T11:02:00.000Z']);
  });
});

describe('the reminder', () => {
  it('goes once, three days after an open check-in was sent, not for an answered one', async () => {
    const s = await setting(14);
    now = at('2026-03-15T06:00:00Z');
    await sweep();
    const [mine] = (await checkInsOf(s.relationshipId)).filter((c) => c.side === 'mentee');
    const answered = await call('POST', `/api/check-ins/${mine!.id}/answers`, s.mentee, {
      answers: { met: true, usefulness: 4 },
    });
    expect(answered.statusCode).toBe(200);

    now = at('2026-03-18T05:59:00Z');
    await remind();
    expect(await notificationsOf([s.mentor.id], 'check_in_reminder')).toBe(0);
    now = at('2026-03-18T06:00:00Z');
    await remind();
    await remind();
    now = at('2026-03-19T06:00:00Z');
    await remind();
    expect(await notificationsOf([s.mentor.id], 'check_in_reminder')).toBe(1);
    expect(await notificationsOf([s.mentee.id], 'check_in_reminder')).toBe(0);
    const rows = await checkInsOf(s.relationshipId);
    expect(rows.find((c) => c.side === 'mentor')!.remindedAt?.toISOString()).toBe(
      '2026-03-18T06:00:00.000Z',
    );
  });
});

describe('answers belong to the person', () => {
  let s: Awaited<ReturnType<typeof setting>>;
  let menteeCheckIn: string;
  let mentorCheckIn: string;

  beforeAll(async () => {
    s = await setting(14);
    now = at('2026-03-15T06:00:00Z');
    await sweep();
    const rows = await checkInsOf(s.relationshipId);
    menteeCheckIn = rows.find((c) => c.side === 'mentee')!.id;
    mentorCheckIn = rows.find((c) => c.side === 'mentor')!.id;
  });

  it('lists my own check-ins, open first', async () => {
    const list = await call('GET', '/api/check-ins', s.mentee);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items.map((c: { id: string }) => c.id)).toEqual([menteeCheckIn]);
    expect(body.items[0].status).toBe('open');
    expect(body.items[0].with.map((w: { id: string }) => w.id)).toEqual([s.mentor.id]);
    const tooMany = await call('GET', '/api/check-ins?limit=51', s.mentee);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('limit');
  });

  it('shows the open check-in on the home page', async () => {
    const attention = (await call('GET', '/api/attention', s.mentee)).json();
    expect(attention.counts.checkInsToAnswer).toBe(1);
    expect(attention.checkIns.map((c: { id: string }) => c.id)).toEqual([menteeCheckIn]);
  });

  it('validates answers against the check-in’s questions, naming the field', async () => {
    const url = `/api/check-ins/${menteeCheckIn}/answers`;
    const missing = await call('POST', url, s.mentee, { answers: { met: true } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'body.answers.usefulness',
    ]);
    const bad = await call('POST', url, s.mentee, {
      answers: { met: 'yes', usefulness: 6, gains: ['money'], nope: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual([
      'body.answers.gains',
      'body.answers.met',
      'body.answers.nope',
      'body.answers.usefulness',
    ]);
  });

  it('takes the answers once and gives them back to their owner only', async () => {
    const secret = 'PrivateCheckInAnswer-mentee';
    const url = `/api/check-ins/${menteeCheckIn}/answers`;
    const answered = await call('POST', url, s.mentee, {
      answers: { met: true, usefulness: 5, gains: ['skills', 'network'], programme: secret },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().status).toBe('answered');
    const again = await call('POST', url, s.mentee, { answers: { met: true, usefulness: 3 } });
    expect(again.statusCode).toBe(422);

    const mine = await call('GET', `/api/check-ins/${menteeCheckIn}`, s.mentee);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().answers).toEqual({
      met: true,
      usefulness: 5,
      gains: ['skills', 'network'],
      programme: secret,
    });

    // The other side, the programme manager, an org admin: 404, as if it did not exist.
    for (const who of [s.mentor, s.manager, s.orgAdmin, s.sponsor, s.outsider] as Caller[]) {
      const read = await call('GET', `/api/check-ins/${menteeCheckIn}`, who);
      expect(read.statusCode).toBe(404);
      expect(read.body).not.toContain(secret);
      const write = await call('POST', url, who, { answers: { met: true, usefulness: 1 } });
      expect(write.statusCode).toBe(404);
    }
    // No other route gives an answer text away: the mentor's own list, the home page,
    // notifications, the relationship space, the programme's questions.
    for (const [who, path] of [
      [s.mentor, '/api/check-ins'],
      [s.mentor, `/api/check-ins/${mentorCheckIn}`],
      [s.mentor, '/api/attention'],
      [s.mentor, '/api/notifications'],
      [s.mentor, `/api/relationships/${s.relationshipId}`],
      [s.mentee, '/api/check-ins'],
      [s.manager, `/api/programmes/${s.programmeId}/check-in-questions`],
      [s.manager, `/api/programmes/${s.programmeId}/changes`],
      [s.orgAdmin, `/api/programmes/${s.programmeId}`],
    ] as const) {
      const response = await call('GET', path, who);
      expect(response.statusCode, path).toBeLessThan(500);
      expect(response.body, path).not.toContain(secret);
    }
  });

  it('counts an unanswered check-in as missed once the next one is sent', async () => {
    now = at('2026-03-29T06:00:00Z');
    await sweep();
    const old = await call('GET', `/api/check-ins/${mentorCheckIn}`, s.mentor);
    expect(old.json().status).toBe('missed');
    const late = await call('POST', `/api/check-ins/${mentorCheckIn}/answers`, s.mentor, {
      answers: { met: false, usefulness: 2 },
    });
    expect(late.statusCode).toBe(422);
    const list = (await call('GET', '/api/check-ins', s.mentor)).json();
    expect(list.items.map((c: { status: string }) => c.status)).toEqual(['open', 'missed']);
  });

  it('is 404 to another organisation', async () => {
    const other = await organisationWithProgramme(ctx.app);
    for (const who of [other.manager, other.orgAdmin, other.outsider]) {
      expect((await call('GET', `/api/check-ins/${menteeCheckIn}`, who)).statusCode).toBe(404);
      expect(
        (await call('GET', `/api/programmes/${s.programmeId}/check-in-questions`, who)).statusCode,
      ).toBe(who === other.outsider ? 403 : 404);
    }
    const put = await call(
      'PUT',
      `/api/programmes/${s.programmeId}/check-in-questions`,
      other.manager,
      { questions: [] },
    );
    expect(put.statusCode).toBe(404);
  });
});

describe('a programme’s questions', () => {
  it('managers reword, leave out and add questions; the change log shows it', async () => {
    const s = await setting(14);
    const url = `/api/programmes/${s.programmeId}/check-in-questions`;
    const standard = (await call('GET', url, s.manager)).json();
    expect(standard.isStandard).toBe(true);
    expect(standard.questions.map((q: { id: string }) => q.id)).toEqual([
      'met',
      'usefulness',
      'gains',
      'programme',
    ]);
    expect((await call('GET', url, s.mentor)).statusCode).toBe(403);
    expect((await call('PUT', url, s.mentor, { questions: [] })).statusCode).toBe(403);

    const saved = await call('PUT', url, s.orgAdmin, {
      questions: [
        { kind: 'usefulness', labelNl: 'Hoeveel had je eraan?', labelEn: 'How much did it help?' },
        { kind: 'met', labelNl: 'Gesproken?', labelEn: 'Met?' },
        {
          kind: 'scale',
          labelNl: 'Hoe goed luistert de ander?',
          labelEn: 'How well do they listen?',
        },
        { kind: 'text', id: 'one-tip', labelNl: 'Eén tip', labelEn: 'One tip' },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().questions.map((q: { id: string }) => q.id)).toEqual([
      'usefulness',
      'met',
      'how-well-do-they-listen',
      'one-tip',
    ]);

    const changes = (
      await call('GET', `/api/programmes/${s.programmeId}/changes`, s.manager)
    ).json();
    const change = changes.items[0].changes.checkInQuestions;
    expect(change.before.map((q: { id: string }) => q.id)).toEqual([
      'met',
      'usefulness',
      'gains',
      'programme',
    ]);
    expect(change.after.map((q: { labelEn: string }) => q.labelEn)).toContain('One tip');

    // The next check-in asks the new set; answering follows it.
    now = at('2026-03-15T06:00:00Z');
    await sweep();
    const [row] = (await checkInsOf(s.relationshipId)).filter((c) => c.side === 'mentee');
    expect(row!.questions.map((q) => q.id)).toEqual([
      'usefulness',
      'met',
      'how-well-do-they-listen',
      'one-tip',
    ]);
    const answer = await call('POST', `/api/check-ins/${row!.id}/answers`, s.mentee, {
      answers: { usefulness: 4, met: true, gains: ['skills'] },
    });
    expect(answer.statusCode).toBe(400);
    expect(
      answer
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.answers.gains', 'body.answers.how-well-do-they-listen']);

    // Back to the standard set: stored as empty, logged again.
    const reset = await call('PUT', url, s.manager, { questions: [] });
    expect(reset.json().isStandard).toBe(true);
    const after = (await call('GET', `/api/programmes/${s.programmeId}/changes`, s.manager)).json();
    expect(after.items).toHaveLength(2);
  });

  it('refuses a set that breaks the rules, naming the field', async () => {
    const s = await setting(14);
    const url = `/api/programmes/${s.programmeId}/check-in-questions`;
    const fields = async (questions: unknown[]) => {
      const response = await call('PUT', url, s.manager, { questions });
      expect(response.statusCode).toBe(400);
      return response.json().error.details.map((d: { field: string }) => d.field);
    };
    const q = (kind: string, extra: Record<string, string> = {}) => ({
      kind,
      labelNl: `Vraag ${kind} ${extra.id ?? ''}`,
      labelEn: `Question ${kind} ${extra.id ?? ''}`,
      ...extra,
    });
    expect(await fields([q('met')])).toEqual(['body.questions']);
    expect(
      await fields([
        q('usefulness'),
        ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => q('scale', { id })),
      ]),
    ).toEqual(['body.questions']);
    expect(await fields([q('usefulness'), q('usefulness')])).toEqual(['body.questions.1.id']);
    expect(await fields([q('usefulness'), q('text', { id: 'met' })])).toEqual([
      'body.questions.1.id',
    ]);
    expect(await fields([q('usefulness'), q('text', { id: 'Not A Slug' })])).toEqual([
      'body.questions.1.id',
    ]);
    expect(await fields([{ ...q('usefulness'), labelEn: '  ' }])).toEqual([
      'body.questions.0.labelEn',
    ]);
    const unknownKind = await call('PUT', url, s.manager, { questions: [q('rating')] });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.body).toContain('kind');
  });
});
