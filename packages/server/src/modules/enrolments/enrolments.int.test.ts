import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisation, sensitiveAttributes } from '../../db/schema.js';
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

const profile = (overrides: Record<string, unknown> = {}) => ({
  offers: [{ skill: 'public-speaking', level: 4 }],
  wants: [{ skill: 'social-media', level: 3 }],
  hobbies: ['Zeilen'],
  experiences: ['In het buitenland gewoond'],
  values: ['Eerlijkheid'],
  tags: [],
  languages: ['nl', 'en'],
  availability: [[33, 36]],
  timeZone: 'Europe/Amsterdam',
  meetingMode: 'either',
  place: 'Utrecht',
  about: 'Ik werk bij de klantenservice.',
  ...overrides,
});

async function member(
  organisationId: string,
  extra: { department?: string } = {},
): Promise<Caller> {
  const p = await createPerson(ctx.app, { organisationId, ...extra });
  return { ...p, cookie: await signIn(ctx.app, p.email) };
}

describe('skills and profile', () => {
  it('ships a bilingual skills list; admins add to it, others may not (403)', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const list = (await call('GET', '/api/skills', admin.cookie)).json();
    expect(list.items.length).toBeGreaterThanOrEqual(150);
    expect(list.categories).toHaveLength(8);
    const added = await call('POST', '/api/skills', admin.cookie, {
      category: 'technology',
      nl: 'Schadeprocessen',
      en: 'Claims processes',
    });
    expect(added.statusCode).toBe(201);
    expect(
      (await call('GET', '/api/skills', admin.cookie))
        .json()
        .items.some((s: { id: string }) => s.id === added.json().id),
    ).toBe(true);
    const outsider = await signedIn(ctx.app, 'org_admin');
    expect(
      (await call('GET', '/api/skills', outsider.cookie))
        .json()
        .items.some((s: { id: string }) => s.id === added.json().id),
    ).toBe(false);
    const plain = await signedIn(ctx.app, 'member', admin.organisationId);
    expect(
      (
        await call('POST', '/api/skills', plain.cookie, {
          category: 'finance',
          nl: 'Iets',
          en: 'Something',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('adds a skill for the admin’s own organisation only, and names each bad or taken field', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const skill = { category: 'finance', nl: 'Herverzekering', en: 'Reinsurance' };
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/skills', payload: skill })).statusCode,
    ).toBe(401);
    const manager = await signedIn(ctx.app, 'programme_manager', admin.organisationId);
    expect((await call('POST', '/api/skills', manager.cookie, skill)).statusCode).toBe(403);

    expect((await call('POST', '/api/skills', admin.cookie, skill)).statusCode).toBe(201);
    const again = await call('POST', '/api/skills', admin.cookie, { ...skill, en: 'REINSURANCE' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.en']);
    const sameDutch = await call('POST', '/api/skills', admin.cookie, {
      ...skill,
      nl: 'herverzekering ',
      en: 'Reinsurance law',
    });
    expect(sameDutch.statusCode).toBe(409);
    expect(sameDutch.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'body.nl',
    ]);
    // Two admins adding one new skill at the same moment: one 201, one 409, never a 500.
    const elsewhere = await signedIn(ctx.app, 'org_admin');
    const racing = await Promise.all(
      [0, 1].map(() =>
        call('POST', '/api/skills', elsewhere.cookie, {
          category: 'finance',
          nl: 'Actuariaat',
          en: 'Actuarial work',
        }),
      ),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const bad = await call('POST', '/api/skills', admin.cookie, {
      category: 'astrology',
      nl: ' ',
      en: 'Horoscopes',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.category', 'body.nl']);

    // Another organisation's admin adds the same name to their own list, not to this one.
    const other = await signedIn(ctx.app, 'org_admin');
    expect((await call('POST', '/api/skills', other.cookie, skill)).statusCode).toBe(201);
    const mine = (await call('GET', '/api/skills', admin.cookie))
      .json()
      .items.filter((s: { isCustom: boolean }) => s.isCustom);
    expect(mine).toEqual([{ id: 'custom-reinsurance', ...skill, isCustom: true }]);
    // The organisation's members see the new skill and may put it in their profile.
    const colleague = await member(admin.organisationId);
    const saved = await call(
      'PUT',
      '/api/me/profile',
      colleague.cookie,
      profile({ offers: [{ skill: 'custom-reinsurance', level: 4 }] }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    // In an organisation that never added it, it is an unknown skill.
    const stranger = await signedIn(ctx.app, 'member');
    const refused = await call(
      'PUT',
      '/api/me/profile',
      stranger.cookie,
      profile({ offers: [{ skill: 'custom-reinsurance', level: 4 }] }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('body.offers.0.skill');
  });

  it('saves a profile and names each bad field', async () => {
    const me = await signedIn(ctx.app, 'member');
    const empty = await call('GET', '/api/me/profile', me.cookie);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ isComplete: false, languages: [], offers: [] });
    const saved = await call('PUT', '/api/me/profile', me.cookie, profile());
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isComplete: true, hobbies: ['Zeilen'] });
    const bad = await call(
      'PUT',
      '/api/me/profile',
      me.cookie,
      profile({ languages: [], timeZone: 'Mars/Olympus', availability: [[40, 30]] }),
    );
    expect(bad.statusCode).toBe(400);
    const fields = bad
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['body.availability', 'body.languages', 'body.timeZone']);
    const unknown = await call(
      'PUT',
      '/api/me/profile',
      me.cookie,
      profile({ offers: [{ skill: 'juggling-chainsaws', level: 3 }] }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('body.offers.0.skill');
  });
});

describe('sensitive attributes', () => {
  it('need explicit consent, an organisation that allows them, and can be withdrawn', async () => {
    const me = await signedIn(ctx.app, 'member');
    const body = { consent: true, gender: 'vrouw', ageBand: '25-34', background: null };
    expect((await call('PUT', '/api/me/sensitive', me.cookie, body)).statusCode).toBe(422);
    await ctx.db
      .update(organisation)
      .set({ allowSensitiveAttributes: true })
      .where(eq(organisation.id, me.organisationId));
    const noConsent = await call('PUT', '/api/me/sensitive', me.cookie, {
      ...body,
      consent: false,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.details[0].field).toBe('body.consent');
    const saved = await call('PUT', '/api/me/sensitive', me.cookie, body);
    expect(saved.json()).toMatchObject({ gender: 'vrouw', ageBand: '25-34' });
    expect((await call('DELETE', '/api/me/sensitive', me.cookie)).statusCode).toBe(204);
    expect((await call('GET', '/api/me/sensitive', me.cookie)).json()).toBeNull();
    expect(
      await ctx.db
        .select()
        .from(sensitiveAttributes)
        .where(eq(sensitiveAttributes.personId, me.id)),
    ).toHaveLength(0);
  });

  it('decide eligibility for a target-group programme without ever being shown to others', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const org = manager.organisationId;
    await ctx.db
      .update(organisation)
      .set({ allowSensitiveAttributes: true })
      .where(eq(organisation.id, org));
    const created = await call('POST', '/api/programmes', manager.cookie, {
      name: 'Vrouwen in leiderschap',
      type: 'classic',
      isTargetGroup: true,
      audience: { sensitive: { genders: ['vrouw'] } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
    const inGroup = await member(org);
    const notGiven = await member(org);
    await call('PUT', '/api/me/sensitive', inGroup.cookie, {
      consent: true,
      gender: 'vrouw',
      ageBand: null,
      background: null,
    });
    const seen = await call('GET', `/api/programmes/${id}`, inGroup.cookie);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().audience.sensitive).toBeNull();
    // Someone who shared attributes outside the target group never sees it.
    const outside = await member(org);
    await call('PUT', '/api/me/sensitive', outside.cookie, {
      consent: true,
      gender: 'man',
      ageBand: null,
      background: null,
    });
    expect((await call('GET', `/api/programmes/${id}`, outside.cookie)).statusCode).toBe(404);
    // Someone who has not shared anything may find the programme and decide to share in the
    // wizard; enrolling without sharing is refused, naming what is missing.
    const discovered = await call('GET', `/api/programmes/${id}`, notGiven.cookie);
    expect(discovered.statusCode).toBe(200);
    expect(discovered.json()).toMatchObject({ canEnrol: true, audience: { sensitive: null } });
    // …but only while the organisation collects these attributes: otherwise there is nothing
    // to share, and the programme is not for them.
    await ctx.db
      .update(organisation)
      .set({ allowSensitiveAttributes: false })
      .where(eq(organisation.id, org));
    expect((await call('GET', `/api/programmes/${id}`, notGiven.cookie)).statusCode).toBe(404);
    await ctx.db
      .update(organisation)
      .set({ allowSensitiveAttributes: true })
      .where(eq(organisation.id, org));
    await call('PUT', '/api/me/profile', notGiven.cookie, profile());
    const withheld = await call('POST', `/api/programmes/${id}/enrolment`, notGiven.cookie, {
      role: 'mentee',
    });
    expect(withheld.statusCode).toBe(422);
    expect(withheld.json().error.details[0].field).toBe('sensitive');
    // Typed answers match whatever their case and spacing.
    await call('PUT', '/api/me/sensitive', notGiven.cookie, {
      consent: true,
      gender: ' Vrouw',
      ageBand: null,
      background: null,
    });
    for (const who of [inGroup, notGiven]) {
      await call('PUT', '/api/me/profile', who.cookie, profile());
      expect(
        (await call('POST', `/api/programmes/${id}/enrolment`, who.cookie, { role: 'mentee' }))
          .statusCode,
      ).toBe(201);
    }
    const enrolments = await call('GET', `/api/programmes/${id}/enrolments`, manager.cookie);
    expect(enrolments.body).not.toContain('vrouw');
  });
});

describe('enrolment', () => {
  it('needs a complete profile, an open programme, answers to required questions', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const org = manager.organisationId;
    const id = (
      await call('POST', '/api/programmes', manager.cookie, {
        name: 'Met vragen',
        type: 'classic',
        questions: [{ labelNl: 'Waarom doe je mee?', labelEn: 'Why do you join?', required: true }],
        enrolmentClosesOn: '2099-01-01',
      })
    ).json().id;
    const me = await member(org);
    expect(
      (await call('POST', `/api/programmes/${id}/enrolment`, me.cookie, { role: 'mentee' }))
        .statusCode,
    ).toBe(404);
    await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
    const early = await call('POST', `/api/programmes/${id}/enrolment`, me.cookie, {
      role: 'mentee',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('profiel');
    await call('PUT', '/api/me/profile', me.cookie, profile());
    const missing = await call('POST', `/api/programmes/${id}/enrolment`, me.cookie, {
      role: 'mentee',
      answers: { nope: 'x' },
    });
    expect(missing.statusCode).toBe(422);
    expect(
      missing
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.answers.nope', 'body.answers.q1']);
    const ok = await call('POST', `/api/programmes/${id}/enrolment`, me.cookie, {
      role: 'mentee',
      answers: { q1: 'Om te groeien' },
    });
    expect(ok.statusCode).toBe(201);
    expect((await call('GET', `/api/programmes/${id}`, me.cookie)).json()).toMatchObject({
      myEnrolment: { role: 'mentee' },
      canEnrol: false,
    });
    expect((await call('DELETE', `/api/programmes/${id}/enrolment`, me.cookie)).statusCode).toBe(
      204,
    );
    expect((await call('GET', `/api/programmes/${id}`, me.cookie)).json().myEnrolment).toBeNull();
  });

  it('keeps people out of a programme whose audience they are not in (404) and a closed window (422)', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const org = manager.organisationId;
    const it = (
      await call('POST', '/api/programmes', manager.cookie, {
        name: 'Alleen IT',
        type: 'classic',
        audience: { departments: ['IT'] },
      })
    ).json().id;
    const closed = (
      await call('POST', '/api/programmes', manager.cookie, {
        name: 'Gesloten',
        type: 'classic',
        enrolmentClosesOn: '2020-01-01',
      })
    ).json().id;
    for (const id of [it, closed])
      await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
    const finance = await member(org, { department: 'Finance' });
    await call('PUT', '/api/me/profile', finance.cookie, profile());
    expect(
      (await call('POST', `/api/programmes/${it}/enrolment`, finance.cookie, { role: 'mentee' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await call('POST', `/api/programmes/${closed}/enrolment`, finance.cookie, {
          role: 'mentee',
        })
      ).statusCode,
    ).toBe(422);
  });

  it('runs group mentoring: one mentor, a group of mentees joining by request, one relationship', async () => {
    const manager = await signedIn(ctx.app, 'programme_manager');
    const org = manager.organisationId;
    const id = (
      await call('POST', '/api/programmes', manager.cookie, {
        name: 'Groepsmentoraat',
        type: 'group',
        groupMin: 3,
        groupMax: 4,
      })
    ).json().id;
    await call('POST', `/api/programmes/${id}/publish`, manager.cookie);
    const mentor = await member(org);
    await call('PUT', '/api/me/profile', mentor.cookie, profile());
    const tooBig = await call('POST', `/api/programmes/${id}/enrolment`, mentor.cookie, {
      role: 'mentor',
      offersGroup: true,
      capacity: 9,
    });
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().error.details[0].field).toBe('body.capacity');
    const notGroup = await call('POST', `/api/programmes/${id}/enrolment`, mentor.cookie, {
      role: 'mentor',
      capacity: 4,
    });
    expect(notGroup.statusCode).toBe(422);
    expect(
      (
        await call('POST', `/api/programmes/${id}/enrolment`, mentor.cookie, {
          role: 'mentor',
          offersGroup: true,
          capacity: 3,
        })
      ).statusCode,
    ).toBe(201);
    for (let i = 0; i < 3; i++) {
      const mentee = await member(org);
      await call(
        'PUT',
        '/api/me/profile',
        mentee.cookie,
        profile({ offers: [], wants: [{ skill: 'public-speaking', level: 3 }] }),
      );
      await call('POST', `/api/programmes/${id}/enrolment`, mentee.cookie, { role: 'mentee' });
      const suggestion = (
        await call('GET', `/api/programmes/${id}/suggestions`, mentee.cookie)
      ).json().items[0];
      expect(suggestion).toMatchObject({ personId: mentor.id, isGroup: true });
      const sent = await call('POST', `/api/programmes/${id}/requests`, mentee.cookie, {
        toPersonId: mentor.id,
        message: 'Mag ik bij je groep?',
      });
      expect(
        (await call('POST', `/api/requests/${sent.json().id}/accept`, mentor.cookie)).statusCode,
      ).toBe(200);
    }
    const relationships = (await call('GET', '/api/relationships', mentor.cookie)).json().items;
    expect(relationships).toHaveLength(1);
    expect(relationships[0]).toMatchObject({ isGroup: true, groupMin: 3 });
    expect(relationships[0].mentees).toHaveLength(3);
  });
});
