import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementConfirmation,
  auditEvent,
  checkIn,
  mailOutbox,
  meeting,
  notification,
  relationship,
  relationshipAgreement,
  relationshipMentee,
  relationshipMessage,
  relationshipNote,
  relationshipNudge,
  user,
  type CheckInAnswer,
} from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createPerson, signIn, signedIn, type TestPerson } from '../../test/factories.js';
import { caller, type Caller } from '../agreements/test-space.js';
import { countRelationshipsNeedingHelp, healthList } from './signals.js';

/**
 * Relationship health on a crafted programme: each relationship is made to raise exactly one
 * signal (or none), at a moment the test controls, and every answer is checked for what it must
 * never carry: the text of a note, message, meeting or check-in answer.
 */

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T12:00:00.000Z');
let clock = NOW;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const dateAgo = (days: number) => ago(days).toISOString().slice(0, 10);

/** Texts that live inside relationships: no health answer may contain any of them. */
const SECRETS = [
  'SecretMessageText',
  'SecretPrivateNote',
  'SecretSharedNote',
  'SecretAgenda',
  'SecretOutcomeNotes',
  'SecretAnswerText',
  'SecretAgreementGoals',
];

let ctx: TestContext;
let call: ReturnType<typeof caller>;
let organisationId: string;
let programmeId: string;
let otherProgrammeId: string;
let manager: Caller;
let orgAdmin: Caller;
let member: Caller;
let outsiderManager: Caller;
const rel: Record<string, { id: string; mentor: Caller; mentee: Caller }> = {};
let leaver: Caller;

async function person(locale: 'nl' | 'en', givenName: string): Promise<Caller> {
  const p: TestPerson = await createPerson(ctx.app, {
    organisationId,
    givenName,
    familyName: 'Tester',
  });
  await ctx.db.update(user).set({ locale }).where(eq(user.id, p.userId));
  return { ...p, cookie: await signIn(ctx.app, p.email) };
}

async function open(
  name: string,
  options: {
    startedDaysAgo: number;
    programme?: string;
    status?: 'active' | 'completed' | 'ended_early';
    pausedDaysAgo?: number;
    pauseUntil?: string;
  },
) {
  const mentor = await person('en', `Mentor${name}`);
  const mentee = await person('nl', `Mentee${name}`);
  const [row] = await ctx.db
    .insert(relationship)
    .values({
      organisationId,
      programmeId: options.programme ?? programmeId,
      mentorId: mentor.id,
      status: options.status ?? 'active',
      startedAt: ago(options.startedDaysAgo),
      pausedAt: options.pausedDaysAgo === undefined ? null : ago(options.pausedDaysAgo),
      pauseUntil: options.pauseUntil ?? null,
    })
    .returning({ id: relationship.id });
  await ctx.db.insert(relationshipMentee).values({
    relationshipId: row!.id,
    menteeId: mentee.id,
    joinedAt: ago(options.startedDaysAgo),
  });
  rel[name] = { id: row!.id, mentor, mentee };
  return rel[name];
}

async function agreement(
  relationshipId: string,
  version: number,
  cadenceDays: number,
  confirmedBy: string[],
  daysAgo: number,
) {
  const [row] = await ctx.db
    .insert(relationshipAgreement)
    .values({
      relationshipId,
      organisationId,
      version,
      cadenceDays,
      goals: 'SecretAgreementGoals',
      proposedBy: confirmedBy[0]!,
      createdAt: ago(daysAgo),
    })
    .returning({ id: relationshipAgreement.id });
  for (const personId of confirmedBy) {
    await ctx.db
      .insert(agreementConfirmation)
      .values({ agreementId: row!.id, personId, confirmedAt: ago(daysAgo - 1) });
  }
}

async function heldMeeting(
  relationshipId: string,
  daysAgo: number,
  by: { createdBy: string; outcomeBy: string },
  outcome: 'held' | 'not_held' = 'held',
) {
  await ctx.db.insert(meeting).values({
    relationshipId,
    organisationId,
    startsAt: ago(daysAgo),
    durationMinutes: 60,
    timeZone: 'Europe/Amsterdam',
    agenda: 'SecretAgenda',
    outcome,
    outcomeNotes: 'SecretOutcomeNotes',
    outcomeBy: by.outcomeBy,
    outcomeAt: ago(daysAgo - 1),
    createdBy: by.createdBy,
    createdAt: ago(daysAgo + 3),
  });
}

async function message(relationshipId: string, authorPersonId: string, daysAgo: number) {
  await ctx.db.insert(relationshipMessage).values({
    relationshipId,
    organisationId,
    authorPersonId,
    body: 'SecretMessageText',
    createdAt: ago(daysAgo),
  });
}

async function checkInOf(
  r: { id: string },
  personId: string,
  side: 'mentor' | 'mentee',
  sentDaysAgo: number,
  usefulness: number | null,
) {
  const answers: Record<string, CheckInAnswer> | null =
    usefulness === null ? null : { met: true, usefulness, programme: 'SecretAnswerText' };
  await ctx.db.insert(checkIn).values({
    organisationId,
    programmeId,
    relationshipId: r.id,
    personId,
    side,
    dueOn: dateAgo(sentDaysAgo),
    questions: [],
    answers,
    sentAt: ago(sentDaysAgo),
    answeredAt: usefulness === null ? null : ago(sentDaysAgo - 1),
  });
}

/** The shape of a running relationship that raises nothing: agreed, met, both writing. */
async function healthy(name: string, startedDaysAgo = 100) {
  const r = await open(name, { startedDaysAgo });
  await agreement(r.id, 1, 30, [r.mentor.id, r.mentee.id], startedDaysAgo - 2);
  await heldMeeting(r.id, 5, { createdBy: r.mentor.id, outcomeBy: r.mentee.id });
  await message(r.id, r.mentor.id, 3);
  await message(r.id, r.mentee.id, 2);
  return r;
}

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => clock });
  call = caller(ctx.app);
  manager = await signedIn(ctx.app, 'programme_manager');
  organisationId = manager.organisationId;
  orgAdmin = await signedIn(ctx.app, 'org_admin', organisationId);
  member = await signedIn(ctx.app, 'member', organisationId);
  outsiderManager = await signedIn(ctx.app, 'programme_manager');
  const created = await call('POST', '/api/programmes', manager, {
    name: 'Health programme',
    type: 'classic',
    checkInCadenceDays: 30,
  });
  programmeId = created.json().id;
  otherProgrammeId = (
    await call('POST', '/api/programmes', manager, { name: 'Other', type: 'classic' })
  ).json().id;

  // Healthy, with near misses of every signal: an older version held (the newest is pending),
  // a meeting 5 days ago, the latest check-in still inside its grace days, usefulness 3 → 4 → 3,
  // and a mentee who only answers check-ins (that is not silence).
  const ok = await open('Ok', { startedDaysAgo: 100 });
  await agreement(ok.id, 1, 30, [ok.mentor.id, ok.mentee.id], 98);
  await agreement(ok.id, 2, 60, [ok.mentor.id], 10);
  await heldMeeting(ok.id, 5, { createdBy: ok.mentor.id, outcomeBy: ok.mentor.id });
  await message(ok.id, ok.mentor.id, 3);
  await checkInOf(ok, ok.mentee.id, 'mentee', 93, 3);
  await checkInOf(ok, ok.mentee.id, 'mentee', 63, 4);
  await checkInOf(ok, ok.mentee.id, 'mentee', 33, 3);
  await checkInOf(ok, ok.mentee.id, 'mentee', 3, null);
  await ctx.db.insert(relationshipNote).values([
    {
      relationshipId: ok.id,
      organisationId,
      authorPersonId: ok.mentor.id,
      visibility: 'private',
      body: 'SecretPrivateNote',
    },
    {
      relationshipId: ok.id,
      organisationId,
      authorPersonId: ok.mentee.id,
      visibility: 'shared',
      body: 'SecretSharedNote',
    },
  ]);

  // No meeting held for 20 days against an agreed cadence of 14 (the programme's 30 would not
  // raise it); a meeting that did not take place 2 days ago does not count.
  const noMeeting = await open('NoMeeting', { startedDaysAgo: 100 });
  await agreement(noMeeting.id, 1, 14, [noMeeting.mentor.id, noMeeting.mentee.id], 98);
  await heldMeeting(noMeeting.id, 20, {
    createdBy: noMeeting.mentor.id,
    outcomeBy: noMeeting.mentee.id,
  });
  await heldMeeting(
    noMeeting.id,
    2,
    { createdBy: noMeeting.mentee.id, outcomeBy: noMeeting.mentee.id },
    'not_held',
  );
  await message(noMeeting.id, noMeeting.mentor.id, 4);
  await message(noMeeting.id, noMeeting.mentee.id, 4);

  // The mentee left the two latest check-ins (past their grace days) unanswered.
  const unanswered = await healthy('Unanswered');
  await checkInOf(unanswered, unanswered.mentee.id, 'mentee', 70, 4);
  await checkInOf(unanswered, unanswered.mentee.id, 'mentee', 40, null);
  await checkInOf(unanswered, unanswered.mentee.id, 'mentee', 10, null);
  await checkInOf(unanswered, unanswered.mentor.id, 'mentor', 10, 4);

  // Usefulness falls three times in a row (5 → 4 → 3), and elsewhere drops by 2 at once.
  const falling = await healthy('Falling');
  await checkInOf(falling, falling.mentor.id, 'mentor', 70, 5);
  await checkInOf(falling, falling.mentor.id, 'mentor', 40, 4);
  await checkInOf(falling, falling.mentor.id, 'mentor', 10, 3);
  const drop = await healthy('Drop');
  await checkInOf(drop, drop.mentee.id, 'mentee', 40, 4);
  await checkInOf(drop, drop.mentee.id, 'mentee', 10, 2);

  // Over the last 60 days (twice the cadence) the mentor wrote and logged a meeting; the mentee
  // did nothing at all (their one message is older).
  const silent = await open('Silent', { startedDaysAgo: 100 });
  await agreement(silent.id, 1, 30, [silent.mentor.id, silent.mentee.id], 98);
  await heldMeeting(silent.id, 15, { createdBy: silent.mentor.id, outcomeBy: silent.mentor.id });
  await message(silent.id, silent.mentor.id, 10);
  await message(silent.id, silent.mentee.id, 70);

  // Started 20 days ago; the agreement is confirmed by the mentor only.
  const unconfirmed = await open('Unconfirmed', { startedDaysAgo: 20 });
  await agreement(unconfirmed.id, 1, 30, [unconfirmed.mentor.id], 18);
  await heldMeeting(unconfirmed.id, 5, {
    createdBy: unconfirmed.mentor.id,
    outcomeBy: unconfirmed.mentee.id,
  });
  await message(unconfirmed.id, unconfirmed.mentee.id, 2);

  // A group whose healthy members are fine; the member who left counts no more (their
  // unanswered check-ins and silence raise nothing, and a nudge no longer reaches them).
  const group = await healthy('Group');
  leaver = await person('nl', 'MenteeLeft');
  await ctx.db.insert(relationshipMentee).values({
    relationshipId: group.id,
    menteeId: leaver.id,
    joinedAt: ago(100),
    leftAt: ago(50),
  });
  await ctx.db.update(relationship).set({ isGroup: true }).where(eq(relationship.id, group.id));
  await checkInOf(group, leaver.id, 'mentee', 40, null);
  await checkInOf(group, leaver.id, 'mentee', 10, null);

  // Ten days old, nothing agreed or held yet: too early for any signal.
  await open('New', { startedDaysAgo: 10 });

  // Paused until 3 days ago (and nothing else would count while paused); paused until later.
  await open('PausedOverdue', {
    startedDaysAgo: 100,
    pausedDaysAgo: 40,
    pauseUntil: dateAgo(3),
  });
  await open('Paused', { startedDaysAgo: 100, pausedDaysAgo: 40, pauseUntil: dateAgo(-10) });

  // Not of this list: ended, and another programme's.
  await open('Ended', { startedDaysAgo: 100, status: 'ended_early' });
  await open('OtherProgramme', { startedDaysAgo: 100, programme: otherProgrammeId });
}, 300_000);

afterAll(async () => ctx.close());

const expected: Record<string, string[]> = {
  NoMeeting: ['no_meeting'],
  Unanswered: ['check_ins_unanswered'],
  Falling: ['usefulness_falling'],
  Drop: ['usefulness_falling'],
  Silent: ['one_side_silent'],
  Unconfirmed: ['agreement_unconfirmed'],
  PausedOverdue: ['paused_overdue'],
};

interface Item {
  relationshipId: string;
  participants: { id: string; name: string; side: string }[];
  signals: ({ kind: string } & Record<string, unknown>)[];
  lastNudge: { sentAt: string; sentBy: string | null; recipients: { id: string }[] } | null;
}

async function list(who: Caller = manager, query = ''): Promise<{ items: Item[]; total: number }> {
  const response = await call('GET', `/api/programmes/${programmeId}/health${query}`, who);
  expect(response.statusCode, response.body).toBe(200);
  for (const secret of SECRETS) expect(response.body).not.toContain(secret);
  return response.json();
}

const nameOf = (id: string) => Object.entries(rel).find(([, r]) => r.id === id)?.[0];

describe('relationship health signals', () => {
  it('raises each signal exactly where the data says, and nowhere else', async () => {
    clock = NOW;
    const { items, total } = await list();
    const got = Object.fromEntries(
      items.map((item) => [nameOf(item.relationshipId), item.signals.map((s) => s.kind)]),
    );
    expect(got).toEqual(expected);
    expect(total).toBe(Object.keys(expected).length);
    expect(
      await countRelationshipsNeedingHelp(ctx.db, { organisationId, programmeId, now: NOW }),
    ).toBe(Object.keys(expected).length);
  });

  it('gives the facts behind each signal as numbers and dates, and names the participants', async () => {
    clock = NOW;
    const { items } = await list();
    const byName = (name: string) => items.find((i) => i.relationshipId === rel[name]!.id)!;
    expect(byName('NoMeeting').signals).toEqual([
      {
        kind: 'no_meeting',
        daysSinceLastMeeting: 20,
        lastMeetingAt: ago(20).toISOString(),
        cadenceDays: 14,
        cadenceSource: 'agreement',
      },
    ]);
    expect(byName('Unanswered').signals).toEqual([
      { kind: 'check_ins_unanswered', unansweredInARow: 2 },
    ]);
    expect(byName('Falling').signals).toEqual([{ kind: 'usefulness_falling' }]);
    expect(byName('Silent').signals).toEqual([{ kind: 'one_side_silent', windowDays: 60 }]);
    expect(byName('Unconfirmed').signals).toEqual([
      { kind: 'agreement_unconfirmed', daysSinceStart: 20 },
    ]);
    expect(byName('PausedOverdue').signals).toEqual([
      { kind: 'paused_overdue', pauseUntil: dateAgo(3), daysOverdue: 3 },
    ]);
    expect(byName('Silent').participants).toEqual([
      { id: rel.Silent!.mentor.id, name: 'MentorSilent Tester', side: 'mentor' },
      { id: rel.Silent!.mentee.id, name: 'MenteeSilent Tester', side: 'mentee' },
    ]);
  });

  it('follows the clock: a month later the healthy relationship has gone too long without meeting', async () => {
    clock = new Date(NOW.getTime() + 30 * DAY);
    const { items } = await list();
    const ok = items.find((i) => i.relationshipId === rel.Ok!.id);
    // The cadence in force is the version that held (30 days), not the pending one (60).
    expect(ok?.signals).toContainEqual(
      expect.objectContaining({
        kind: 'no_meeting',
        daysSinceLastMeeting: 35,
        cadenceDays: 30,
        cadenceSource: 'agreement',
      }),
    );
    // By then the mentee's last check-in answer is older than twice the cadence: silent.
    expect(ok?.signals.map((s) => s.kind)).toEqual(['no_meeting', 'one_side_silent']);
    clock = NOW;
  });

  it('pages the list with a constant number of statements', async () => {
    clock = NOW;
    const stats = ctx.database.stats;
    await list(manager, '?limit=1');
    let before = stats.queries;
    const one = await list(manager, '?limit=1');
    const forOne = stats.queries - before;
    before = stats.queries;
    const all = await list(manager, '?limit=100');
    const forAll = stats.queries - before;
    expect(one.items).toHaveLength(1);
    expect(all.items).toHaveLength(Object.keys(expected).length);
    expect(forAll).toBe(forOne);
    const second = await list(manager, '?limit=3&offset=3');
    expect(second.items.map((i) => i.relationshipId)).toEqual(
      all.items.slice(3, 6).map((i) => i.relationshipId),
    );
    const tooMany = await call('GET', `/api/programmes/${programmeId}/health?limit=101`, manager);
    expect(tooMany.statusCode).toBe(400);
  });

  it('computes the same list straight from the module (the dashboard helper)', async () => {
    const { rows, total } = await healthList(ctx.db, { organisationId, programmeId, now: NOW });
    expect(total).toBe(Object.keys(expected).length);
    expect(rows.map((r) => nameOf(r.relationshipId)).sort()).toEqual(Object.keys(expected).sort());
  });
});

describe('nudge templates', () => {
  it('writes a kind message for the relationship’s signals in both languages, naming no answer', async () => {
    const response = await call(
      'GET',
      `/api/programmes/${programmeId}/health/${rel.NoMeeting!.id}/nudge-template`,
      manager,
    );
    expect(response.statusCode, response.body).toBe(200);
    const template = response.json();
    expect(template.signals).toEqual(['no_meeting']);
    expect(template.bodyEn).toContain('Health programme');
    expect(template.bodyEn).toContain('plan your next conversation');
    expect(template.bodyNl).toContain('volgend gesprek');
    for (const secret of SECRETS) expect(response.body).not.toContain(secret);
  });

  it('writes about one named signal, with its date', async () => {
    const response = await call(
      'GET',
      `/api/programmes/${programmeId}/health/${rel.PausedOverdue!.id}/nudge-template?signal=paused_overdue`,
      manager,
    );
    expect(response.statusCode, response.body).toBe(200);
    const expectedDay = String(ago(3).getUTCDate());
    expect(response.json().bodyEn).toContain(`until ${expectedDay} May`);
    expect(response.json().bodyNl).toContain(`tot ${expectedDay} mei`);
    const unknown = await call(
      'GET',
      `/api/programmes/${programmeId}/health/${rel.PausedOverdue!.id}/nudge-template?signal=gossip`,
      manager,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('signal');
  });
});

describe('nudges', () => {
  const nudgeUrl = (name: string) =>
    `/api/programmes/${programmeId}/health/${rel[name]!.id}/nudges`;

  async function mailsTo(email: string) {
    return ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
  }

  it('tells both sides, each in their own language, records the nudge and audits it', async () => {
    clock = NOW;
    const r = rel.NoMeeting!;
    const response = await call('POST', nudgeUrl('NoMeeting'), manager, {
      recipients: 'both',
      bodyNl: 'Hoi allebei, zullen jullie weer eens afspreken?',
      bodyEn: 'Hi both, shall you meet again soon?',
    });
    expect(response.statusCode, response.body).toBe(201);
    const sent = response.json();
    expect(sent.signals).toEqual(['no_meeting']);
    expect(sent.lastNudge.recipients.map((p: { id: string }) => p.id).sort()).toEqual(
      [r.mentor.id, r.mentee.id].sort(),
    );

    const [row] = await ctx.db
      .select()
      .from(relationshipNudge)
      .where(eq(relationshipNudge.relationshipId, r.id));
    expect(row).toMatchObject({
      programmeId,
      organisationId,
      sentByUserId: manager.userId,
      signals: ['no_meeting'],
    });
    expect(row!.recipientIds.sort()).toEqual([r.mentor.id, r.mentee.id].sort());
    expect(JSON.parse(row!.body)).toEqual({
      nl: 'Hoi allebei, zullen jullie weer eens afspreken?',
      en: 'Hi both, shall you meet again soon?',
    });

    for (const p of [r.mentor, r.mentee]) {
      const notes = await ctx.db
        .select()
        .from(notification)
        .where(and(eq(notification.personId, p.id), eq(notification.kind, 'nudge')));
      expect(notes).toHaveLength(1);
      expect(notes[0]!.payload.link).toBe(`/mentoring/${r.id}`);
    }
    // The mentor reads English, the mentee Dutch.
    const [mentorMail] = await mailsTo(r.mentor.email);
    expect(mentorMail!.subject).toContain('asks how your mentoring is going');
    expect(mentorMail!.text).toContain('Hi both, shall you meet again soon?');
    expect(mentorMail!.text).not.toContain('Hoi allebei');
    const [menteeMail] = await mailsTo(r.mentee.email);
    expect(menteeMail!.subject).toContain('vraagt hoe het met jullie mentoring gaat');
    expect(menteeMail!.text).toContain('Hoi allebei, zullen jullie weer eens afspreken?');
    expect(menteeMail!.text).not.toContain('Hi both');

    const audits = await ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'relationship.nudged'), eq(auditEvent.subjectId, r.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorUserId).toBe(manager.userId);

    // The list says it was sent, when, by whom and to whom; nothing anyone answered.
    const { items } = await list();
    const item = items.find((i) => i.relationshipId === r.id)!;
    expect(item.lastNudge).toMatchObject({ sentAt: NOW.toISOString(), sentBy: expect.any(String) });
    expect(item.lastNudge!.sentBy).toContain('Test');
    expect(item.lastNudge!.recipients).toHaveLength(2);
  });

  it('tells only the chosen side', async () => {
    const r = rel.Silent!;
    const response = await call('POST', nudgeUrl('Silent'), orgAdmin, {
      recipients: [r.mentee.id],
      bodyNl: 'Hoi, alles goed?',
      bodyEn: 'Hi, all well?',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(await mailsTo(r.mentor.email)).toHaveLength(0);
    const [mail] = await mailsTo(r.mentee.email);
    expect(mail!.text).toContain('Hoi, alles goed?');
    const { items } = await list();
    const item = items.find((i) => i.relationshipId === r.id)!;
    expect(item.lastNudge!.recipients).toEqual([{ id: r.mentee.id, name: 'MenteeSilent Tester' }]);
  });

  it('names the field of bad input: an empty text, someone who is not a participant', async () => {
    const r = rel.Falling!;
    const empty = await call('POST', nudgeUrl('Falling'), manager, {
      recipients: 'both',
      bodyNl: '   ',
      bodyEn: 'Hi',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([
      expect.objectContaining({ field: expect.stringContaining('bodyNl') }),
    ]);
    const stranger = await call('POST', nudgeUrl('Falling'), manager, {
      recipients: [r.mentor.id, rel.Ok!.mentee.id],
      bodyNl: 'Hoi',
      bodyEn: 'Hi',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.recipients.1' }),
    ]);
    const none = await call('POST', nudgeUrl('Falling'), manager, {
      recipients: [],
      bodyNl: 'Hoi',
      bodyEn: 'Hi',
    });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('recipients');
    // Nothing was written by the refused ones.
    const rows = await ctx.db
      .select()
      .from(relationshipNudge)
      .where(eq(relationshipNudge.relationshipId, r.id));
    expect(rows).toHaveLength(0);
    expect(await mailsTo(r.mentor.email)).toHaveLength(0);
  });

  it('reaches the current members of a group only', async () => {
    const r = rel.Group!;
    const refused = await call('POST', nudgeUrl('Group'), manager, {
      recipients: [leaver.id],
      bodyNl: 'Hoi',
      bodyEn: 'Hi',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.recipients.0' }),
    ]);
    const sent = await call('POST', nudgeUrl('Group'), manager, {
      recipients: 'both',
      bodyNl: 'Hoi groep',
      bodyEn: 'Hi group',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(
      sent
        .json()
        .lastNudge.recipients.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([r.mentor.id, r.mentee.id].sort());
    expect(await mailsTo(leaver.email)).toHaveLength(0);
  });

  it('refuses a relationship that is not running in the programme', async () => {
    const body = { recipients: 'both', bodyNl: 'Hoi', bodyEn: 'Hi' };
    expect((await call('POST', nudgeUrl('Ended'), manager, body)).statusCode).toBe(404);
    expect((await call('POST', nudgeUrl('OtherProgramme'), manager, body)).statusCode).toBe(404);
  });
});

describe('who may see health', () => {
  const routes = (name: string) =>
    [
      ['GET', `/api/programmes/${programmeId}/health`, undefined],
      ['GET', `/api/programmes/${programmeId}/health/${rel[name]!.id}/nudge-template`, undefined],
      [
        'POST',
        `/api/programmes/${programmeId}/health/${rel[name]!.id}/nudges`,
        { recipients: 'both', bodyNl: 'Hoi', bodyEn: 'Hi' },
      ],
    ] as const;

  it('refuses members and the relationship’s own participants (403)', async () => {
    for (const who of [member, rel.Unconfirmed!.mentor, rel.Unconfirmed!.mentee]) {
      for (const [method, url, body] of routes('Unconfirmed')) {
        const response = await call(method, url, who, body);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
      }
    }
  });

  it('answers another organisation’s manager with 404, showing nothing', async () => {
    for (const [method, url, body] of routes('Unconfirmed')) {
      const response = await call(method, url, outsiderManager, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.body).not.toContain('MentorUnconfirmed');
    }
  });

  it('keeps the relationship space closed to the manager who nudges (404)', async () => {
    const id = rel.NoMeeting!.id;
    for (const url of [
      `/api/relationships/${id}`,
      `/api/relationships/${id}/messages`,
      `/api/relationships/${id}/notes`,
    ]) {
      expect((await call('GET', url, manager)).statusCode, url).toBe(404);
    }
  });
});
