import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisation } from '../../db/schema.js';
import { createPerson, signedIn, signIn, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

type Caller = TestPerson & { cookie: string };
const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
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
    expect(body.totals.optimalScore).toBeGreaterThanOrEqual(body.totals.stableScore);
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
    // the mentor whose only place is now taken.
    type Run = {
      runId: string;
      pairs: { mentee: { id: string }; mentor: { id: string } }[];
      unmatched: { mentee: { id: string }; candidates: { mentor: { id: string } }[] }[];
      totals: { mentees: number; mentors: number };
    };
    const considered = (r: Run) =>
      [...r.pairs.map((p) => p.mentee.id), ...r.unmatched.map((u) => u.mentee.id)].sort();
    const next: Run = (
      await call('POST', `/api/programmes/${programmeId}/proposals/run`, manager.cookie, {})
    ).json();
    expect(considered(next)).toEqual([mentees[0]!.id, mentees[2]!.id].sort());
    expect(next.totals.mentors).toBe(1);
    // Mentor 1 is full now and mentor 0 is in mentee 2's reporting line: nobody to pin to.
    expect(next.unmatched).toEqual([
      expect.objectContaining({
        mentee: expect.objectContaining({ id: mentees[2]!.id }),
        candidates: [],
      }),
    ]);
    expect(next.pairs.map((p) => [p.mentee.id, p.mentor.id])).toEqual([
      [mentees[0]!.id, mentors[0]!.id],
    ]);

    // While that introduction is open (one side accepted, the other not yet), neither its mentee
    // nor the mentor's promised place is offered again.
    expect(
      (
        await call('POST', `/api/programmes/${programmeId}/proposals/send`, manager.cookie, {
          runId: next.runId,
        })
      ).json(),
    ).toEqual({ sent: 1 });
    const open = (await call('GET', '/api/introductions', mentees[0]!.cookie)).json().items;
    const pending = open.find((i: { status: string }) => i.status === 'pending');
    await call('POST', `/api/introductions/${pending.id}/accept`, mentees[0]!.cookie);
    const meanwhile: Run = (
      await call('POST', `/api/programmes/${programmeId}/proposals/run`, manager.cookie, {})
    ).json();
    expect(considered(meanwhile)).toEqual([mentees[2]!.id]);
    expect(meanwhile.totals.mentors).toBe(0);
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
      menteeResponse: 'accepted',
      mentorResponse: 'declined',
      hasRelationship: false,
    });
    expect(row('pending')).toMatchObject({
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

describe('totals per target group', () => {
  it('are facts, not words, and never show a sensitive group of fewer than five', async () => {
    const lead = await signedIn(ctx.app, 'programme_manager');
    const org = lead.organisationId;
    await ctx.db
      .update(organisation)
      .set({ allowSensitiveAttributes: true })
      .where(eq(organisation.id, org));
    const created = await call('POST', '/api/programmes', lead.cookie, {
      name: 'Doelgroep',
      type: 'classic',
      matchingMode: 'manager_proposes',
      isTargetGroup: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    await call('POST', `/api/programmes/${id}/publish`, lead.cookie);
    await participant(org, id, 'mentor', ['budgeting']);
    const sensitive = (gender: string, ageBand: string | null) => ({
      consent: true,
      gender,
      ageBand,
      background: null,
    });
    for (let i = 0; i < 5; i++) {
      const mentee = await participant(
        org,
        id,
        'mentee',
        ['budgeting'],
        undefined,
        'Klantenservice',
      );
      await call('PUT', '/api/me/sensitive', mentee.cookie, sensitive('vrouw', '25-34'));
    }
    // The only man, and the only one in Sales: his department is no secret, his gender is.
    const alone = await participant(org, id, 'mentee', ['budgeting'], undefined, 'Sales');
    await call('PUT', '/api/me/sensitive', alone.cookie, sensitive('man', null));

    type Group = {
      kind: string;
      value: string | null;
      matched: number | null;
      unmatched: number | null;
    };
    const runGroups = async (): Promise<{ groups: Group[]; matched: number }> => {
      const run = await call('POST', `/api/programmes/${id}/proposals/run`, lead.cookie, {});
      expect(run.statusCode, run.body).toBe(200);
      return { groups: run.json().byTargetGroup, matched: run.json().totals.matched };
    };
    // Six mentees, five of them women: showing "vrouw" would tell, by subtraction, that the man
    // in Sales is not one, so no gender or age row is shown yet.
    const first = await runGroups();
    expect(first.groups.map((g) => [g.kind, g.value])).toEqual([
      ['department', 'Klantenservice'],
      ['department', 'Sales'],
    ]);
    // Five more who share nothing: now enough people stand outside the shown groups.
    for (let i = 0; i < 5; i++) await participant(org, id, 'mentee', ['budgeting']);
    const { groups, matched } = await runGroups();
    expect(groups.filter((g) => g.kind !== 'department').map((g) => [g.kind, g.value])).toEqual([
      ['gender', 'vrouw'],
      ['ageBand', '25-34'],
    ]);
    const departments = groups.filter((g) => g.kind === 'department');
    expect(departments.reduce((sum, g) => sum + (g.matched ?? 0), 0)).toBe(matched);
    // Inside a shown sensitive group, no count of 1–4 is given (one mentor, one place).
    for (const g of groups.filter((x) => x.kind !== 'department')) {
      for (const n of [g.matched, g.unmatched]) expect(n === null || n === 0 || n >= 5).toBe(true);
    }
    expect(JSON.stringify([first.groups, groups])).not.toContain('"man"');
  });
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
