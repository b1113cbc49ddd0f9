import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, signedIn, signIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
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

const reverseProgramme = {
  name: 'Reverse mentoring 2027',
  goal: 'Leaders learn from younger colleagues',
  descriptionNl: 'Jonge collega’s helpen leidinggevenden met technologie en inclusie.',
  descriptionEn: 'Young colleagues help leaders with technology and inclusion.',
  type: 'reverse',
  matchingMode: 'participants_choose',
  audience: { departments: ['IT', 'Directie'] },
  conflictRules: {
    reportingLineLevels: 2,
    excludeSameTeam: true,
    excludeSameDepartment: false,
    excludeEarlierPairs: true,
  },
  questions: [
    { labelNl: 'Wat hoop je te leren?', labelEn: 'What do you hope to learn?', required: true },
  ],
  weights: { reverseLearning: 900 },
};

describe('programme designer', () => {
  it('creates a draft with defaults, visible to managers only', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const created = await call('POST', '/api/programmes', manager.cookie, reverseProgramme);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      status: 'draft',
      type: 'reverse',
      defaultCapacity: 2,
      requestExpiryDays: 10,
      conflictRules: { reportingLineLevels: 2, excludeSameTeam: true },
      questions: [{ id: 'q1', required: true }],
    });
    expect(body.weights.reverseLearning).toBe(900);
    expect(body.weights.learning).toBeGreaterThan(0);
    const member = await createPerson(ctx.app, {
      organisationId: manager.organisationId,
      department: 'IT',
    });
    const memberCookie = await signIn(ctx.app, member.email);
    expect((await call('GET', `/api/programmes/${body.id}`, memberCookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/programmes', memberCookie)).json().items).toEqual([]);
  });

  it('publishes: eligible people see it and may enrol, others do not see it (404)', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const org = manager.organisationId;
    const { id } = (await call('POST', '/api/programmes', manager.cookie, reverseProgramme)).json();
    const published = await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
    expect(published.json()).toMatchObject({ status: 'published' });
    expect(published.json().publishedAt).toBeTruthy();
    const insider = await createPerson(ctx.app, { organisationId: org, department: 'IT' });
    const outsider = await createPerson(ctx.app, { organisationId: org, department: 'Finance' });
    const insiderView = await call(
      'GET',
      `/api/programmes/${id}`,
      await signIn(ctx.app, insider.email),
    );
    expect(insiderView.statusCode).toBe(200);
    expect(insiderView.json()).toMatchObject({ canEnrol: true, myEnrolment: null });
    expect(
      (await call('GET', `/api/programmes/${id}`, await signIn(ctx.app, outsider.email)))
        .statusCode,
    ).toBe(404);
    expect((await call('POST', `/api/programmes/${id}/publish`, manager.cookie)).statusCode).toBe(
      422,
    );
  });

  it('lets only people inside the job-level range see and enrol in the programme', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const org = manager.organisationId;
    const created = await call('POST', '/api/programmes', manager.cookie, {
      name: 'Nieuwe teamleiders',
      type: 'classic',
      audience: { jobLevelMin: 8, jobLevelMax: 12 },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect(created.json().audience).toMatchObject({ jobLevelMin: 8, jobLevelMax: 12 });
    await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
    const profile = {
      offers: [{ skill: 'public-speaking', level: 4 }],
      wants: [{ skill: 'giving-feedback', level: 3 }],
      hobbies: [],
      experiences: [],
      values: [],
      tags: [],
      languages: ['nl'],
      availability: [[33, 36]],
      timeZone: 'Europe/Amsterdam',
      meetingMode: 'either',
      place: 'Utrecht',
      about: '',
    };
    const enrolAs = async (jobLevel: number | null) => {
      const p = await createPerson(ctx.app, { organisationId: org, jobLevel });
      const cookie = await signIn(ctx.app, p.email);
      expect((await call('PUT', '/api/me/profile', cookie, profile)).statusCode).toBe(200);
      return call('POST', `/api/programmes/${id}/enrolment`, cookie, { role: 'mentee' });
    };
    expect((await enrolAs(8)).statusCode).toBe(201);
    expect((await enrolAs(12)).statusCode).toBe(201);
    expect((await enrolAs(5)).statusCode).toBe(404);
    expect((await enrolAs(13)).statusCode).toBe(404);
    expect((await enrolAs(null)).statusCode).toBe(404);
    const enrolled = await call('GET', `/api/programmes/${id}/enrolments`, manager.cookie);
    expect(enrolled.json().items).toHaveLength(2);
  });

  it('refuses a job-level minimum above the maximum, naming the field (400)', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const bad = await call('POST', '/api/programmes', manager.cookie, {
      name: 'Backwards levels',
      type: 'classic',
      audience: { jobLevelMin: 12, jobLevelMax: 8 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'body.audience.jobLevelMax',
    ]);
  });

  it('records every change to a published programme’s rules', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const { id } = (await call('POST', '/api/programmes', manager.cookie, reverseProgramme)).json();
    await call('PATCH', `/api/programmes/${id}`, manager.cookie, { defaultCapacity: 3 });
    expect(
      (await call('GET', `/api/programmes/${id}/changes`, manager.cookie)).json().items,
    ).toEqual([]);
    await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
    const changed = await call('PATCH', `/api/programmes/${id}`, manager.cookie, {
      conflictRules: {
        reportingLineLevels: 3,
        excludeSameTeam: true,
        excludeSameDepartment: true,
        excludeEarlierPairs: true,
      },
      requestExpiryDays: 14,
    });
    expect(changed.statusCode).toBe(200);
    const changes = (await call('GET', `/api/programmes/${id}/changes`, manager.cookie)).json()
      .items;
    expect(changes).toHaveLength(1);
    expect(changes[0].changes.requestExpiryDays).toEqual({ before: 10, after: 14 });
    expect(changes[0].changes.conflictRules.after.reportingLineLevels).toBe(3);
    expect(changes[0].actorName).toBeTruthy();
    const typeChange = await call('PATCH', `/api/programmes/${id}`, manager.cookie, {
      type: 'classic',
    });
    expect(typeChange.statusCode).toBe(422);
    await call('POST', `/api/programmes/${id}/close`, manager.cookie);
    expect(
      (await call('PATCH', `/api/programmes/${id}`, manager.cookie, { name: 'Again' })).statusCode,
    ).toBe(422);
  });

  it('names bad fields (400) and inconsistent ones (422)', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const bad = await call('POST', '/api/programmes', manager.cookie, {
      name: 'X',
      type: 'solo',
      defaultCapacity: 0,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['body.defaultCapacity', 'body.name', 'body.type']);
    const inconsistent = await call('POST', '/api/programmes', manager.cookie, {
      name: 'Dates backwards',
      type: 'classic',
      startsOn: '2027-06-01',
      endsOn: '2027-01-01',
      audience: { sensitive: { genders: ['woman'] } },
    });
    expect(inconsistent.statusCode).toBe(422);
    expect(inconsistent.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'body.endsOn',
      'body.audience.sensitive',
    ]);
  });

  it('lets only managers design programmes (403 for members and sponsors)', async () => {
    for (const role of ['member', 'sponsor'] as const) {
      const caller = await signedIn(ctx.app, role);
      expect(
        (await call('POST', '/api/programmes', caller.cookie, reverseProgramme)).statusCode,
      ).toBe(403);
    }
    const manager = await signedIn(ctx.app, 'org_admin');
    const { id } = (await call('POST', '/api/programmes', manager.cookie, reverseProgramme)).json();
    const member = await signedIn(ctx.app, 'member', manager.organisationId);
    expect(
      (await call('PATCH', `/api/programmes/${id}`, member.cookie, { name: 'Mine' })).statusCode,
    ).toBe(403);
    expect((await call('POST', `/api/programmes/${id}/publish`, member.cookie)).statusCode).toBe(
      403,
    );
    expect((await call('GET', `/api/programmes/${id}/changes`, member.cookie)).statusCode).toBe(
      403,
    );
  });

  it('hides another organisation’s programmes on every route (404)', async () => {
    const owner = await signedIn(ctx.app, 'programme_manager');
    const { id } = (
      await call('POST', '/api/programmes', owner.cookie, { ...reverseProgramme, audience: {} })
    ).json();
    await call('POST', `/api/programmes/${id}/publish`, owner.cookie);
    const stranger = await signedIn(ctx.app, 'programme_manager');
    const responses = await Promise.all([
      call('GET', `/api/programmes/${id}`, stranger.cookie),
      call('PATCH', `/api/programmes/${id}`, stranger.cookie, { name: 'Taken over' }),
      call('POST', `/api/programmes/${id}/publish`, stranger.cookie),
      call('POST', `/api/programmes/${id}/close`, stranger.cookie),
      call('GET', `/api/programmes/${id}/changes`, stranger.cookie),
    ]);
    for (const response of responses) {
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Reverse mentoring');
    }
    expect((await call('GET', '/api/programmes', stranger.cookie)).json().items).toEqual([]);
  });
});
