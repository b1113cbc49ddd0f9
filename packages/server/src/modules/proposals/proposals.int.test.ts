import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentoringRequest, organisation } from '../../db/schema.js';
import { createPerson, signedIn, signIn, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

let ctx: TestContext;
beforeAll(async () => {
  // Load shedding measures this (shared, busy) machine, not the app: out of reach here.
  ctx = await createTestContext({
    overload: { maxEventLoopDelayMs: 60_000, maxDatabaseQueue: 1_000_000 },
  });
});
afterAll(async () => ctx.close());

type Caller = TestPerson & { cookie: string };
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

async function participant(
  org: string,
  programmeId: string,
  role: 'mentee' | 'mentor',
  skills: string[],
  managerId?: string,
  department?: string,
): Promise<Caller> {
  const p = await createPerson(ctx.app, { organisationId: org, managerId, department });
  const cookie = await signIn(ctx.app, p.email);
  await call('PUT', '/api/me/profile', cookie, {
    offers: role === 'mentor' ? skills.map((skill) => ({ skill, level: 4 })) : [],
    wants: role === 'mentee' ? skills.map((skill) => ({ skill, level: 3 })) : [],
    hobbies: ['Hardlopen'],
    experiences: [],
    values: [],
    tags: [],
    languages: ['nl'],
    availability: [],
    timeZone: 'Europe/Amsterdam',
    meetingMode: 'either',
    place: null,
    about: '',
  });
  const enrolled = await call('POST', `/api/programmes/${programmeId}/enrolment`, cookie, {
    role,
    capacity: role === 'mentor' ? 1 : undefined,
    answers: {},
  });
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  return { ...p, cookie };
}

let manager: Caller;
let programmeId: string;
let mentees: Caller[];
let mentors: Caller[];

beforeAll(async () => {
  manager = await signedIn(ctx.app, 'programme_manager');
  const org = manager.organisationId;
  programmeId = (
    await call('POST', '/api/programmes', manager.cookie, {
      name: 'Introducties',
      type: 'classic',
      matchingMode: 'manager_proposes',
    })
  ).json().id;
  await call('POST', `/api/programmes/${programmeId}/publish`, manager.cookie);
  mentors = [
    await participant(org, programmeId, 'mentor', ['public-speaking']),
    await participant(org, programmeId, 'mentor', ['budgeting']),
  ];
  mentees = [
    await participant(org, programmeId, 'mentee', ['public-speaking']),
    await participant(org, programmeId, 'mentee', ['budgeting']),
    // Reports to mentor 0: may never be proposed to them.
    await participant(org, programmeId, 'mentee', ['public-speaking'], mentors[0]!.id),
  ];
});

describe('proposed introductions', () => {
  it('runs the optimal assignment: as many matched as possible, never across a reporting line', async () => {
    const run = await call('POST', `/api/programmes/${programmeId}/proposals/run`, manager.cookie, {
      mode: 'optimal',
    });
    expect(run.statusCode, run.body).toBe(200);
    const body = run.json();
    expect(body.totals).toMatchObject({ mentees: 3, matched: 2, unmatched: 1 });
    const pairs = body.pairs.map((p: { mentee: { id: string }; mentor: { id: string } }) => [
      p.mentee.id,
      p.mentor.id,
    ]);
    expect(pairs).not.toContainEqual([mentees[2]!.id, mentors[0]!.id]);
    expect(pairs).toContainEqual([mentees[1]!.id, mentors[1]!.id]);
    expect(body.pairs[0].reasons.length).toBeGreaterThan(0);
    expect(body.unmatched[0].reason).toBeTruthy();
    // Figures a manager reads: the average click on the reasons' scale, how many got their
    // best allowed mentor, and why the others were left without a pair.
    expect(body.totals.averageStrength).toBeGreaterThan(0);
    expect(body.totals.averageStrength).toBeLessThanOrEqual(100);
    expect(body.totals.firstChoice).toBe(2);
    expect(body.totals.places).toBe(2);
    expect(body.unmatched[0]).toMatchObject({
      mentee: { id: mentees[2]!.id },
      reasonCode: 'mentorsTaken',
      declinedPairs: 0,
    });
    expect(body.totals.unmatchedBecause).toEqual({
      noAllowedMentor: 0,
      forbidden: 0,
      declinedEarlier: 0,
      forbiddenOrDeclined: 0,
      mentorsTaken: 1,
    });
    expect(body.totals.leftOut).toEqual({ declinedPairs: 0, forbiddenPairs: 0 });
    expect(body.totals).not.toHaveProperty('totalScore');
    expect(body.totals).not.toHaveProperty('stableScore');
    const stable = await call(
      'POST',
      `/api/programmes/${programmeId}/proposals/run`,
      manager.cookie,
      { mode: 'stable' },
    );
    expect(stable.json().totals.matched).toBeGreaterThan(0);
  });

  it('honours pins and forbids, and refuses a pin the rules exclude (naming it)', async () => {
    const pinned = await call(
      'POST',
      `/api/programmes/${programmeId}/proposals/run`,
      manager.cookie,
      {
        mode: 'optimal',
        pins: [{ menteeId: mentees[2]!.id, mentorId: mentors[1]!.id }],
        forbids: [{ menteeId: mentees[1]!.id, mentorId: mentors[1]!.id }],
      },
    );
    expect(pinned.statusCode, pinned.body).toBe(200);
    const pairs = pinned
      .json()
      .pairs.map((p: { mentee: { id: string }; mentor: { id: string } }) => [
        p.mentee.id,
        p.mentor.id,
      ]);
    expect(pairs).toContainEqual([mentees[2]!.id, mentors[1]!.id]);
    expect(pairs).not.toContainEqual([mentees[1]!.id, mentors[1]!.id]);
    const refused = await call(
      'POST',
      `/api/programmes/${programmeId}/proposals/run`,
      manager.cookie,
      {
        pins: [{ menteeId: mentees[2]!.id, mentorId: mentors[0]!.id }],
      },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].field).toBe('body.pins.0');
    // Pins are also checked together: two on a mentor with one place, or one mentee twice, are
    // refused naming the pin, not answered with a 500.
    const run = (pins: { menteeId: string; mentorId: string }[]) =>
      call('POST', `/api/programmes/${programmeId}/proposals/run`, manager.cookie, { pins });
    for (const pins of [
      [
        { menteeId: mentees[0]!.id, mentorId: mentors[1]!.id },
        { menteeId: mentees[1]!.id, mentorId: mentors[1]!.id },
      ],
      [
        { menteeId: mentees[1]!.id, mentorId: mentors[1]!.id },
        { menteeId: mentees[1]!.id, mentorId: mentors[0]!.id },
      ],
    ]) {
      const response = await run(pins);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual([
        'body.pins.1',
      ]);
    }
  });

  it('offers an unmatched mentee the mentors they may be pinned to, and pinning one matches them', async () => {
    type Unmatched = {
      mentee: { id: string };
      candidates: { mentor: { id: string; name: string }; strength: number; placesLeft: number }[];
    };
    const run = await call('POST', `/api/programmes/${programmeId}/proposals/run`, manager.cookie, {
      mode: 'optimal',
    });
    expect(run.statusCode, run.body).toBe(200);
    const alone = (run.json().unmatched as Unmatched[]).find((u) => u.mentee.id === mentees[2]!.id);
    expect(alone).toBeDefined();
    // Mentor 0 is in the mentee's reporting line: never offered.
    const offered = alone!.candidates.map((c) => c.mentor.id);
    expect(offered).toEqual([mentors[1]!.id]);
    expect(alone!.candidates[0]).toMatchObject({
      mentor: { name: expect.stringMatching(/\S/) },
      placesLeft: 0,
    });
    expect(alone!.candidates[0]!.strength).toBeGreaterThan(0);

    const pinned = await call(
      'POST',
      `/api/programmes/${programmeId}/proposals/run`,
      manager.cookie,
      {
        mode: 'optimal',
        pins: [{ menteeId: mentees[2]!.id, mentorId: alone!.candidates[0]!.mentor.id }],
      },
    );
    expect(pinned.statusCode, pinned.body).toBe(200);
    const pairs = pinned
      .json()
      .pairs.map((p: { mentee: { id: string }; mentor: { id: string } }) => [
        p.mentee.id,
        p.mentor.id,
      ]);
    expect(pairs).toContainEqual([mentees[2]!.id, mentors[1]!.id]);
    expect(pinned.json().unmatched.map((u: Unmatched) => u.mentee.id)).not.toContain(
      mentees[2]!.id,
    );
  });

  it('sends introductions; both must accept; either may decline', async () => {
    const run = (
      await call('POST', `/api/programmes/${programmeId}/proposals/run`, manager.cookie, {
        mode: 'optimal',
      })
    ).json();
    const sent = await call(
      'POST',
      `/api/programmes/${programmeId}/proposals/send`,
      manager.cookie,
      { runId: run.runId },
    );
    expect(sent.json()).toEqual({ sent: 2 });
    expect(
      (
        await call('POST', `/api/programmes/${programmeId}/proposals/send`, manager.cookie, {
          runId: run.runId,
        })
      ).statusCode,
    ).toBe(422);

    const mine = (await call('GET', '/api/introductions', mentees[1]!.cookie)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      myRole: 'mentee',
      status: 'pending',
      other: { id: mentors[1]!.id },
    });
    expect(mine[0].reasons.length).toBeGreaterThan(0);
    const half = await call('POST', `/api/introductions/${mine[0].id}/accept`, mentees[1]!.cookie);
    expect(half.json()).toMatchObject({
      myResponse: 'accepted',
      otherResponse: 'pending',
      status: 'pending',
    });
    const both = await call('POST', `/api/introductions/${mine[0].id}/accept`, mentors[1]!.cookie);
    expect(both.json()).toMatchObject({ status: 'accepted' });
    expect((await call('GET', '/api/relationships', mentees[1]!.cookie)).json().items).toHaveLength(
      1,
    );

    const other = (await call('GET', '/api/introductions', mentees[0]!.cookie)).json().items[0];
    await call('POST', `/api/introductions/${other.id}/accept`, mentees[0]!.cookie);
    const declined = await call(
      'POST',
      `/api/introductions/${other.id}/decline`,
      mentors[0]!.cookie,
    );
    expect(declined.json()).toMatchObject({ status: 'declined' });
    expect((await call('GET', '/api/relationships', mentees[0]!.cookie)).json().items).toHaveLength(
      0,
    );
    // The declined mentee is free again for the next run; the matched one is left out, and so is
    // the mentor whose only place is now taken. The declined pair is not proposed again.
    type Run = {
      runId: string;
      pairs: { mentee: { id: string }; mentor: { id: string } }[];
      unmatched: {
        mentee: { id: string };
        reasonCode: string;
        declinedPairs: number;
        candidates: { mentor: { id: string } }[];
      }[];
      totals: {
        mentees: number;
        mentors: number;
        unmatchedBecause: Record<string, number>;
        leftOut: { declinedPairs: number; forbiddenPairs: number };
      };
    };
    const considered = (r: Run) =>
      [...r.pairs.map((p) => p.mentee.id), ...r.unmatched.map((u) => u.mentee.id)].sort();
    const next: Run = (
      await call('POST', `/api/programmes/${programmeId}/proposals/run`, manager.cookie, {})
    ).json();
    expect(considered(next)).toEqual([mentees[0]!.id, mentees[2]!.id].sort());
    expect(next.totals.mentors).toBe(1);
    expect(next.pairs).toEqual([]);
    // Mentor 1 is full now, mentor 0 is in mentee 2's reporting line and declined mentee 0.
    const why = Object.fromEntries(next.unmatched.map((u) => [u.mentee.id, u]));
    expect(why[mentees[0]!.id]).toMatchObject({
      reasonCode: 'declinedEarlier',
      declinedPairs: 1,
      candidates: [],
    });
    expect(why[mentees[2]!.id]).toMatchObject({ reasonCode: 'noAllowedMentor', candidates: [] });
    expect(next.totals.leftOut).toEqual({ declinedPairs: 1, forbiddenPairs: 0 });
    expect(next.totals.unmatchedBecause).toMatchObject({ declinedEarlier: 1, noAllowedMentor: 1 });

    // A new mentor joins: mentee 0 may be proposed to them (not to the mentor who declined).
    const newcomer = await participant(manager.organisationId, programmeId, 'mentor', [
      'public-speaking',
    ]);
    const withNewcomer: Run = (
      await call('POST', `/api/programmes/${programmeId}/proposals/run`, manager.cookie, {})
    ).json();
    expect(withNewcomer.pairs).toHaveLength(1);
    const [proposed] = withNewcomer.pairs;
    expect(proposed!.mentor.id).toBe(newcomer.id);
    expect([proposed!.mentee.id, proposed!.mentor.id]).not.toEqual([
      mentees[0]!.id,
      mentors[0]!.id,
    ]);

    // While that introduction is open (one side accepted, the other not yet), neither its mentee
    // nor the mentor's promised place is offered again.
    expect(
      (
        await call('POST', `/api/programmes/${programmeId}/proposals/send`, manager.cookie, {
          runId: withNewcomer.runId,
        })
      ).json(),
    ).toEqual({ sent: 1 });
    const introduced = proposed!.mentee.id === mentees[0]!.id ? mentees[0]! : mentees[2]!;
    const open = (await call('GET', '/api/introductions', introduced.cookie)).json().items;
    const pending = open.find((i: { status: string }) => i.status === 'pending');
    await call('POST', `/api/introductions/${pending.id}/accept`, introduced.cookie);
    const meanwhile: Run = (
      await call('POST', `/api/programmes/${programmeId}/proposals/run`, manager.cookie, {})
    ).json();
    expect(considered(meanwhile)).not.toContain(introduced.id);
    expect(meanwhile.totals.mentors).toBe(1);
    expect(meanwhile.pairs).toEqual([]);

    // The manager sees what became of each introduction: answers, not reasons.
    const listed = await call(
      'GET',
      `/api/programmes/${programmeId}/introductions`,
      manager.cookie,
    );
    expect(listed.statusCode, listed.body).toBe(200);
    const { items, counts } = listed.json();
    expect(counts).toEqual({ total: 3, pending: 1, accepted: 1, declined: 1 });
    const row = (status: string) => items.find((i: { status: string }) => i.status === status);
    expect(row('accepted')).toMatchObject({
      mentee: { id: mentees[1]!.id, name: expect.stringMatching(/\S/) },
      mentor: { id: mentors[1]!.id, name: expect.stringMatching(/\S/) },
      menteeResponse: 'accepted',
      mentorResponse: 'accepted',
      hasRelationship: true,
    });
    expect(row('declined')).toMatchObject({
      mentee: { id: mentees[0]!.id },
      mentor: { id: mentors[0]!.id },
      menteeResponse: 'accepted',
      mentorResponse: 'declined',
      hasRelationship: false,
    });
    expect(row('pending')).toMatchObject({
      mentee: { id: introduced.id },
      menteeResponse: 'accepted',
      mentorResponse: 'pending',
      hasRelationship: false,
    });
    expect(Date.parse(row('pending').createdAt)).not.toBeNaN();
    expect(listed.body).not.toMatch(/reason/i);
  });

  it('is for managers only (403) and invisible to other organisations (404)', async () => {
    const run = (
      await call('POST', `/api/programmes/${programmeId}/proposals/run`, manager.cookie, {})
    ).json();
    expect(
      (await call('POST', `/api/programmes/${programmeId}/proposals/run`, mentees[0]!.cookie, {}))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('POST', `/api/programmes/${programmeId}/preview`, mentees[0]!.cookie, {}))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('GET', `/api/programmes/${programmeId}/introductions`, mentees[0]!.cookie))
        .statusCode,
    ).toBe(403);
    const stranger = await signedIn(ctx.app, 'programme_manager');
    const intro = (await call('GET', '/api/introductions', mentees[1]!.cookie)).json().items[0];
    for (const response of await Promise.all([
      call('POST', `/api/programmes/${programmeId}/proposals/run`, stranger.cookie, {}),
      call('POST', `/api/programmes/${programmeId}/proposals/send`, stranger.cookie, {
        runId: run.runId,
      }),
      call('POST', `/api/programmes/${programmeId}/preview`, stranger.cookie, {}),
      call('GET', `/api/programmes/${programmeId}/introductions`, stranger.cookie),
      call('POST', `/api/introductions/${intro.id}/accept`, stranger.cookie),
      call('POST', `/api/introductions/${intro.id}/decline`, stranger.cookie),
    ])) {
      expect(response.statusCode, response.body).toBe(404);
    }
    expect((await call('GET', '/api/introductions', stranger.cookie)).json().items).toEqual([]);
  });

  it('previews suggestions under edited weights for the designer', async () => {
    const preview = await call('POST', `/api/programmes/${programmeId}/preview`, manager.cookie, {
      weights: { commonGround: 1000 },
      samples: 2,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const samples: {
      mentee: { name: string };
      suggestions: { name: string; reasons: { text: string }[] }[];
    }[] = preview.json().samples;
    expect(samples.length).toBeGreaterThan(0);
    // The manager reads about two other people (here in Dutch): no "jij/je/jullie", and the
    // help reasons name both.
    const texts = samples.flatMap((sample) =>
      sample.suggestions.flatMap((s) => s.reasons.map((r) => r.text)),
    );
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toMatch(/\b(jij|je|jou|jouw|jullie)\b/i);
    const sample = samples.find((x) => x.suggestions.length > 0)!;
    const first = sample.suggestions[0]!;
    const help = first.reasons.find((r) => / kan .* helpen met /.test(r.text));
    expect(help?.text).toContain(first.name.split(' ')[0]);
    expect(help?.text).toContain(sample.mentee.name.split(' ')[0]);
  });
});

type RunAnswer = {
  runId: string;
  pairs: { mentee: { id: string; name: string }; mentor: { id: string; name: string } }[];
  unmatched: { mentee: { id: string }; reasonCode: string; declinedPairs: number }[];
  ignoredPins: { ruleId: string; mentee: { id: string }; problem: string }[];
  totals: Record<string, unknown> & {
    matched: number;
    leftOut: { declinedPairs: number; forbiddenPairs: number };
    unmatchedBecause: Record<string, number>;
  };
  byTargetGroup: { kind: string; value: string | null }[];
};
const pairsOf = (run: RunAnswer) => run.pairs.map((p) => [p.mentee.id, p.mentor.id]);

/** A published 'manager proposes' programme of a new organisation, with its manager. */
async function proposalsProgramme(name: string, extra: Record<string, unknown> = {}) {
  const lead = await signedIn(ctx.app, 'programme_manager');
  const created = await call('POST', '/api/programmes', lead.cookie, {
    name,
    type: 'classic',
    matchingMode: 'manager_proposes',
    ...extra,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  await call('POST', `/api/programmes/${id}/publish`, lead.cookie);
  return { lead, id, org: lead.organisationId };
}

describe('pins and forbids saved on the programme', () => {
  let lead: Caller;
  let id: string;
  let mentorA: Caller;
  let mentorB: Caller;
  let menteeA: Caller;
  let menteeB: Caller;
  const run = async (body: object = {}): Promise<RunAnswer> => {
    const response = await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const rules = async () =>
    (await call('GET', `/api/programmes/${id}/pair-rules`, lead.cookie)).json().items as {
      id: string;
      kind: string;
      mentee: { id: string; name: string };
      mentor: { id: string; name: string };
      createdBy: { name: string } | null;
      createdAt: string;
    }[];
  const addRule = (
    kind: 'pin' | 'forbid',
    menteeId: string,
    mentorId: string,
    cookie = lead.cookie,
  ) => call('POST', `/api/programmes/${id}/pair-rules`, cookie, { kind, menteeId, mentorId });

  beforeAll(async () => {
    const made = await proposalsProgramme('Regels');
    id = made.id;
    lead = made.lead;
    mentorA = await participant(made.org, id, 'mentor', ['budgeting']);
    mentorB = await participant(made.org, id, 'mentor', ['public-speaking']);
    menteeA = await participant(made.org, id, 'mentee', ['budgeting']);
    menteeB = await participant(made.org, id, 'mentee', ['public-speaking']);
  });

  it('a saved forbid applies to every later run until it is removed', async () => {
    expect(pairsOf(await run())).toContainEqual([menteeA.id, mentorA.id]);
    const added = await addRule('forbid', menteeA.id, mentorA.id);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      kind: 'forbid',
      mentee: { id: menteeA.id, name: expect.stringMatching(/\S/) },
      mentor: { id: mentorA.id },
      createdBy: { name: expect.stringMatching(/\S/) },
    });
    // Two runs, neither sending the forbid: both leave the pair out, and say so.
    for (let i = 0; i < 2; i++) {
      const answer = await run();
      expect(pairsOf(answer)).not.toContainEqual([menteeA.id, mentorA.id]);
      expect(answer.totals.leftOut.forbiddenPairs).toBe(1);
    }
    // Like after a page reload: the board reads them back, with who and when.
    const saved = await rules();
    expect(saved).toHaveLength(1);
    expect(Date.parse(saved[0]!.createdAt)).not.toBeNaN();
    const removed = await call(
      'DELETE',
      `/api/programmes/${id}/pair-rules/${saved[0]!.id}`,
      lead.cookie,
    );
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await rules()).toEqual([]);
    expect(pairsOf(await run())).toContainEqual([menteeA.id, mentorA.id]);
    expect(
      (await call('DELETE', `/api/programmes/${id}/pair-rules/${saved[0]!.id}`, lead.cookie))
        .statusCode,
    ).toBe(404);
  });

  it('a saved pin applies to every run; a forbid on the same pair replaces it', async () => {
    const pinned = await addRule('pin', menteeA.id, mentorB.id);
    expect(pinned.statusCode, pinned.body).toBe(201);
    for (let i = 0; i < 2; i++)
      expect(pairsOf(await run())).toContainEqual([menteeA.id, mentorB.id]);
    // A second pin for the mentee replaces the first: one mentor per mentee.
    await addRule('pin', menteeA.id, mentorA.id);
    expect((await rules()).map((r) => [r.kind, r.mentor.id])).toEqual([['pin', mentorA.id]]);
    // The manager's latest decision wins: forbidding the pinned pair replaces the pin.
    const forbid = await addRule('forbid', menteeA.id, mentorA.id);
    expect(forbid.statusCode, forbid.body).toBe(201);
    expect((await rules()).map((r) => r.kind)).toEqual(['forbid']);
    expect(pairsOf(await run())).not.toContainEqual([menteeA.id, mentorA.id]);
    // A pin sent with one run may not override a saved forbid.
    const refused = await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, {
      pins: [{ menteeId: menteeA.id, mentorId: mentorA.id }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].field).toBe('body.pins.0');
    for (const rule of await rules())
      await call('DELETE', `/api/programmes/${id}/pair-rules/${rule.id}`, lead.cookie);
  });

  it('refuses people not enrolled in that role, naming the field', async () => {
    const outsider = await createPerson(ctx.app, { organisationId: lead.organisationId });
    const cases: [string, string, string][] = [
      [outsider.id, mentorA.id, 'body.menteeId'],
      [mentorB.id, mentorA.id, 'body.menteeId'],
      [menteeA.id, menteeB.id, 'body.mentorId'],
      [menteeA.id, outsider.id, 'body.mentorId'],
    ];
    for (const [menteeId, mentorId, field] of cases) {
      const response = await addRule('forbid', menteeId, mentorId);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    const bad = await call('POST', `/api/programmes/${id}/pair-rules`, lead.cookie, {
      kind: 'maybe',
      menteeId: menteeA.id,
      mentorId: mentorA.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(await rules()).toEqual([]);
  });

  it('is for the programme’s managers (403 for members, 404 for other organisations)', async () => {
    const rule = (await addRule('forbid', menteeB.id, mentorA.id)).json();
    expect((await addRule('forbid', menteeA.id, mentorB.id, menteeA.cookie)).statusCode).toBe(403);
    expect((await call('GET', `/api/programmes/${id}/pair-rules`, menteeA.cookie)).statusCode).toBe(
      403,
    );
    expect(
      (await call('DELETE', `/api/programmes/${id}/pair-rules/${rule.id}`, menteeA.cookie))
        .statusCode,
    ).toBe(403);
    const stranger = await signedIn(ctx.app, 'programme_manager');
    for (const response of [
      await call('GET', `/api/programmes/${id}/pair-rules`, stranger.cookie),
      await addRule('forbid', menteeA.id, mentorB.id, stranger.cookie),
      await call('DELETE', `/api/programmes/${id}/pair-rules/${rule.id}`, stranger.cookie),
    ]) {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.body).not.toContain(menteeB.id);
    }
    // Another organisation's programme id under this programme: not found either.
    const other = await proposalsProgramme('Elders');
    expect(
      (await call('DELETE', `/api/programmes/${other.id}/pair-rules/${rule.id}`, other.lead.cookie))
        .statusCode,
    ).toBe(404);
    expect(await rules()).toHaveLength(1);
    await call('DELETE', `/api/programmes/${id}/pair-rules/${rule.id}`, lead.cookie);
  });

  it('sending re-checks: a run older than a forbid is refused naming the pair; a new run sends', async () => {
    const stale = await run();
    expect(pairsOf(stale)).toContainEqual([menteeA.id, mentorA.id]);
    await addRule('forbid', menteeA.id, mentorA.id);
    const refused = await call('POST', `/api/programmes/${id}/proposals/send`, lead.cookie, {
      runId: stale.runId,
    });
    expect(refused.statusCode, refused.body).toBe(422);
    const names = stale.pairs.find((p) => p.mentee.id === menteeA.id)!;
    expect(refused.json().error.details).toEqual([
      {
        field: 'body.runId',
        message: expect.stringContaining(`${names.mentee.name} en ${names.mentor.name}`),
      },
    ]);
    // Nothing was sent.
    expect((await call('GET', '/api/introductions', menteeA.cookie)).json().items).toEqual([]);
    const fresh = await run();
    expect(pairsOf(fresh)).not.toContainEqual([menteeA.id, mentorA.id]);
    const sent = await call('POST', `/api/programmes/${id}/proposals/send`, lead.cookie, {
      runId: fresh.runId,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().sent).toBe(fresh.pairs.length);
  });
});

describe('declined pairs', () => {
  it('are not proposed again, the board says so, and they cannot be pinned', async () => {
    const { lead, id, org } = await proposalsProgramme('Afgewezen');
    const mentor = await participant(org, id, 'mentor', ['budgeting']);
    const other = await participant(org, id, 'mentor', ['budgeting']);
    const mentee = await participant(org, id, 'mentee', ['budgeting']);
    const runs = async (): Promise<RunAnswer> =>
      (await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, {})).json();
    // Forbid the other mentor, so the one pair is the mentor's.
    await call('POST', `/api/programmes/${id}/pair-rules`, lead.cookie, {
      kind: 'forbid',
      menteeId: mentee.id,
      mentorId: other.id,
    });
    const first = await runs();
    expect(pairsOf(first)).toEqual([[mentee.id, mentor.id]]);
    await call('POST', `/api/programmes/${id}/proposals/send`, lead.cookie, { runId: first.runId });
    const stale = await runs(); // nobody free: the mentee waits on the introduction
    expect(stale.pairs).toEqual([]);
    const [intro] = (await call('GET', '/api/introductions', mentee.cookie)).json().items;
    await call('POST', `/api/introductions/${intro.id}/decline`, mentee.cookie);

    const after = await runs();
    expect(after.pairs).toEqual([]);
    expect(after.unmatched).toEqual([
      expect.objectContaining({
        mentee: expect.objectContaining({ id: mentee.id }),
        reasonCode: 'forbiddenOrDeclined',
        declinedPairs: 1,
      }),
    ]);
    expect(after.totals.leftOut).toEqual({ declinedPairs: 1, forbiddenPairs: 1 });
    // It cannot be pinned either.
    const pin = await call('POST', `/api/programmes/${id}/pair-rules`, lead.cookie, {
      kind: 'pin',
      menteeId: mentee.id,
      mentorId: mentor.id,
    });
    expect(pin.statusCode).toBe(422);
    expect(pin.json().error.details[0].field).toBe('body.mentorId');
    const adHoc = await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, {
      pins: [{ menteeId: mentee.id, mentorId: mentor.id }],
    });
    expect(adHoc.statusCode).toBe(422);
    expect(adHoc.json().error.details[0].field).toBe('body.pins.0');
  });

  it('a declined request leaves the pair out too, and a run older than the decline is refused', async () => {
    const { lead, id, org } = await proposalsProgramme('Verzoek afgewezen');
    const mentor = await participant(org, id, 'mentor', ['budgeting']);
    const mentee = await participant(org, id, 'mentee', ['budgeting']);
    const stale: RunAnswer = (
      await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, {})
    ).json();
    expect(pairsOf(stale)).toEqual([[mentee.id, mentor.id]]);
    // The mentee asked this mentor earlier and the mentor declined.
    await ctx.db.insert(mentoringRequest).values({
      programmeId: id,
      organisationId: org,
      fromPersonId: mentee.id,
      toPersonId: mentor.id,
      menteeId: mentee.id,
      mentorId: mentor.id,
      message: 'Hoi',
      status: 'declined',
      expiresAt: new Date(Date.now() + 86_400_000),
      respondedAt: new Date(),
    });
    const refused = await call('POST', `/api/programmes/${id}/proposals/send`, lead.cookie, {
      runId: stale.runId,
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.details[0].field).toBe('body.runId');
    const after: RunAnswer = (
      await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, {})
    ).json();
    expect(after.pairs).toEqual([]);
    expect(after.unmatched[0]).toMatchObject({ reasonCode: 'declinedEarlier', declinedPairs: 1 });
    expect(after.totals.unmatchedBecause.declinedEarlier).toBe(1);
  });
});

describe('privacy of sensitive attributes', () => {
  const genders = ['vrouw', 'man', 'non-binair'];
  const ageBands = ['<25', '25-34', '35-44', '45-54', '55+'];
  /** Every gender or age-band value that occurs as a JSON string anywhere in an answer. */
  const sensitiveValuesIn = (body: string) =>
    [...genders, ...ageBands].filter((v) => body.includes(`"${v}"`));

  it('no sequence of forbids, pins and reruns shows a named mentee’s gender or age band', async () => {
    const { lead, id, org } = await proposalsProgramme('Doelgroep', { isTargetGroup: true });
    await ctx.db
      .update(organisation)
      .set({ allowSensitiveAttributes: true })
      .where(eq(organisation.id, org));
    const mentors = [
      await participant(org, id, 'mentor', ['budgeting']),
      await participant(org, id, 'mentor', ['budgeting']),
    ];
    const sensitive = (gender: string, ageBand: string) => ({
      consent: true,
      gender,
      ageBand,
      background: 'eerste generatie',
    });
    const mentees: Caller[] = [];
    for (let i = 0; i < 12; i++) {
      const mentee = await participant(
        org,
        id,
        'mentee',
        ['budgeting'],
        undefined,
        'Klantenservice',
      );
      const saved = await call(
        'PUT',
        '/api/me/sensitive',
        mentee.cookie,
        sensitive(i < 6 ? 'vrouw' : 'man', i % 2 ? '25-34' : '35-44'),
      );
      expect(saved.statusCode, saved.body).toBe(200);
      mentees.push(mentee);
    }
    // The target: forbidden with every mentor, so they are the one named unmatched person.
    const target = mentees[0]!;
    const answers: string[] = [];
    const boardOf = async (body: object = {}) => {
      const response = await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, body);
      expect(response.statusCode, response.body).toBe(200);
      answers.push(response.body);
      return response.json() as RunAnswer;
    };
    const before = await boardOf();
    const rules: string[] = [];
    for (const mentor of mentors) {
      const added = await call('POST', `/api/programmes/${id}/pair-rules`, lead.cookie, {
        kind: 'forbid',
        menteeId: target.id,
        mentorId: mentor.id,
      });
      expect(added.statusCode, added.body).toBe(201);
      answers.push(added.body);
      rules.push(added.json().id);
    }
    const isolated = await boardOf();
    expect(isolated.unmatched.map((u) => u.mentee.id)).toContain(target.id);
    expect(isolated.unmatched.find((u) => u.mentee.id === target.id)!.reasonCode).toBe('forbidden');
    // Variants: forbids sent with the run only, a pin for someone else, the stable method, and
    // the rules removed again.
    await boardOf({ forbids: mentors.map((m) => ({ menteeId: mentees[1]!.id, mentorId: m.id })) });
    await boardOf({ pins: [{ menteeId: mentees[7]!.id, mentorId: mentors[0]!.id }] });
    await boardOf({ mode: 'stable' });
    answers.push((await call('GET', `/api/programmes/${id}/pair-rules`, lead.cookie)).body);
    for (const rule of rules)
      await call('DELETE', `/api/programmes/${id}/pair-rules/${rule}`, lead.cookie);
    const again = await boardOf();
    answers.push((await call('GET', `/api/programmes/${id}/enrolments`, lead.cookie)).body);

    for (const answer of answers) {
      expect(sensitiveValuesIn(answer)).toEqual([]);
      expect(answer).not.toMatch(/"(gender|ageBand|background)"/);
      expect(answer).not.toContain('eerste generatie');
    }
    // The only breakdown is per department, and it is no function of anyone's attributes.
    for (const board of [before, isolated, again]) {
      expect(board.byTargetGroup.map((g) => g.kind)).toEqual(['department']);
    }
  }, 180_000);

  it('an audience that selects on gender: the enrolment list and board carry no gender, and changing the audience changes neither', async () => {
    const { lead, id, org } = await proposalsProgramme('Vrouwen in leiderschap', {
      isTargetGroup: true,
    });
    await ctx.db
      .update(organisation)
      .set({ allowSensitiveAttributes: true })
      .where(eq(organisation.id, org));
    const audience = (list: string[]) =>
      call('PATCH', `/api/programmes/${id}`, lead.cookie, {
        audience: { sensitive: { genders: list } },
      });
    // The mentor enrols before the audience narrows to the target group.
    await participant(org, id, 'mentor', ['budgeting']);
    const set = await audience(['vrouw', 'non-binair']);
    expect(set.statusCode, set.body).toBe(200);
    const enrolled: Caller[] = [];
    for (const gender of ['vrouw', 'non-binair', 'vrouw']) {
      const p = await createPerson(ctx.app, { organisationId: org });
      const cookie = await signIn(ctx.app, p.email);
      await call('PUT', '/api/me/sensitive', cookie, {
        consent: true,
        gender,
        ageBand: '25-34',
        background: null,
      });
      await call('PUT', '/api/me/profile', cookie, {
        offers: [],
        wants: [{ skill: 'budgeting', level: 3 }],
        hobbies: [],
        experiences: [],
        values: [],
        tags: [],
        languages: ['nl'],
        availability: [],
        timeZone: 'Europe/Amsterdam',
        meetingMode: 'either',
        place: null,
        about: '',
      });
      const enrol = await call('POST', `/api/programmes/${id}/enrolment`, cookie, {
        role: 'mentee',
        answers: {},
      });
      expect(enrol.statusCode, enrol.body).toBe(201);
      enrolled.push({ ...p, cookie });
    }
    const list = async () => {
      const response = await call('GET', `/api/programmes/${id}/enrolments`, lead.cookie);
      expect(response.statusCode, response.body).toBe(200);
      return response;
    };
    const board = async () =>
      (
        await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, {})
      ).json() as RunAnswer;
    const firstList = await list();
    const firstBoard = await board();
    // Narrowing the audience to one value must not filter who is listed or considered.
    expect((await audience(['vrouw'])).statusCode).toBe(200);
    const secondList = await list();
    const secondBoard = await board();
    const ids = (body: { items: { personId: string }[] }) =>
      body.items.map((i) => i.personId).sort();
    expect(ids(secondList.json())).toEqual(ids(firstList.json()));
    const considered = (r: RunAnswer) =>
      [...r.pairs.map((p) => p.mentee.id), ...r.unmatched.map((u) => u.mentee.id)].sort();
    expect(considered(secondBoard)).toEqual(considered(firstBoard));
    expect(considered(firstBoard)).toEqual(enrolled.map((e) => e.id).sort());
    for (const body of [
      firstList.body,
      secondList.body,
      JSON.stringify([firstBoard, secondBoard]),
    ]) {
      expect(sensitiveValuesIn(body)).toEqual([]);
      expect(body).not.toMatch(/"(gender|ageBand|background)"/);
    }
  }, 120_000);
});

describe('leaving a programme', () => {
  it('declines one’s side of open introductions, so the other is not left waiting', async () => {
    const lead = await signedIn(ctx.app, 'programme_manager');
    const org = lead.organisationId;
    const id = (
      await call('POST', '/api/programmes', lead.cookie, {
        name: 'Vertrekken',
        type: 'classic',
        matchingMode: 'manager_proposes',
      })
    ).json().id;
    await call('POST', `/api/programmes/${id}/publish`, lead.cookie);
    const mentor = await participant(org, id, 'mentor', ['budgeting']);
    const mentee = await participant(org, id, 'mentee', ['budgeting']);
    const run = (await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, {})).json();
    expect(run.pairs).toHaveLength(1);
    await call('POST', `/api/programmes/${id}/proposals/send`, lead.cookie, { runId: run.runId });
    const [intro] = (await call('GET', '/api/introductions', mentor.cookie)).json().items;
    await call('POST', `/api/introductions/${intro.id}/accept`, mentor.cookie);

    expect(
      (await call('DELETE', `/api/programmes/${id}/enrolment`, mentee.cookie)).statusCode,
    ).toBe(204);
    const [after] = (await call('GET', '/api/introductions', mentor.cookie)).json().items;
    expect(after).toMatchObject({ id: intro.id, status: 'declined' });
    // …and is told so, in the app (and by mail).
    const told = await ctx.app.inject({
      url: '/api/notifications',
      headers: { cookie: mentor.cookie, 'x-klik-locale': 'nl' },
    });
    expect(told.json().items[0]).toMatchObject({
      text: expect.stringMatching(/doet niet meer mee aan Vertrekken; jullie openstaande/),
      link: '/introductions',
    });
    // The mentor's place is free again for the next run.
    const next = (
      await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, {})
    ).json();
    expect(next.totals.mentors).toBe(1);
  });
});
