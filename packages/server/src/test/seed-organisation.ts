import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../app.js';
import type { OrgRole } from '../auth/actor.js';
import { checkIn, job, outcomeSurvey } from '../db/schema.js';
import { STANDARD_QUESTIONS } from '../modules/checkins/questions.js';
import { createOrganisation, createPerson, signIn, type TestPerson } from './factories.js';

/** The app's public origin, sent with every call (the CSRF check refuses writes without it). */
export const ORIGIN = 'http://localhost:3000';
export const ORG_ROLES: readonly OrgRole[] = [
  'org_admin',
  'programme_manager',
  'sponsor',
  'member',
];

export type Caller = TestPerson & { cookie: string };

export function callApi(
  app: App,
  method: string,
  url: string,
  cookie: string | null,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: method as 'GET',
    url,
    headers: { origin: ORIGIN, 'x-klik-locale': 'en', ...(cookie ? { cookie } : {}) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function expectOk(response: LightMyRequestResponse, what: string) {
  if (response.statusCode >= 300) {
    throw new Error(`seeding: ${what} answered ${response.statusCode} ${response.body}`);
  }
  return response.json() as Record<string, unknown> & { id: string };
}

/**
 * One organisation with a record of every kind a path parameter can name — people, programmes,
 * requests, a relationship, a proposals run, introductions, notifications, a skill — made through
 * the API the way people make them, plus a signed-in caller for each role. `secrets` are values
 * that belong to this organisation alone: none may appear in an answer to anyone outside it.
 */
/** An organisation with one signed-in person per role, and nothing else. */
export async function seedCallers(app: App) {
  const org = await createOrganisation(app.database.db);
  const callers = {} as Record<OrgRole, Caller>;
  for (const role of ORG_ROLES) {
    const p = await createPerson(app, { organisationId: org.id, role });
    callers[role] = { ...p, cookie: await signIn(app, p.email) };
  }
  return { organisationId: org.id, callers };
}

export async function seedOrganisation(app: App) {
  const tag = randomBytes(3).toString('hex');
  const org = await createOrganisation(app.database.db, {
    name: `Seeded Org ${tag}`,
    slug: `seeded-${tag}`,
  });
  const secrets = new Set<string>([org.id, org.name, org.slug]);
  const person = async (role: OrgRole, label: string): Promise<Caller> => {
    const p = await createPerson(app, {
      organisationId: org.id,
      role,
      givenName: `Given${label}${tag}`,
      familyName: `Family${label}${tag}`,
    });
    for (const value of [p.id, p.userId, p.email, `Given${label}${tag}`, `Family${label}${tag}`]) {
      secrets.add(value);
    }
    return { ...p, cookie: await signIn(app, p.email) };
  };
  const callers = {} as Record<OrgRole, Caller>;
  for (const role of ORG_ROLES) callers[role] = await person(role, role.replace('_', ''));
  const manager = callers.programme_manager;
  const call = (method: string, url: string, caller: Caller, payload?: unknown) =>
    callApi(app, method, url, caller.cookie, payload);

  const participant = async (label: string, offers: string[], wants: string[]) => {
    const p = await person('member', label);
    await expectOk(
      await call('PUT', '/api/me/profile', p, {
        offers: offers.map((skill) => ({ skill, level: 4 })),
        wants: wants.map((skill) => ({ skill, level: 3 })),
        hobbies: ['Zeilen'],
        experiences: [],
        values: [],
        tags: [],
        languages: ['nl', 'en'],
        availability: [],
        timeZone: 'Europe/Amsterdam',
        meetingMode: 'either',
        place: null,
        about: `About${label}${tag}`,
      }),
      'profile',
    );
    secrets.add(`About${label}${tag}`);
    return p;
  };
  const programme = async (label: string, matchingMode: string) => {
    const created = await expectOk(
      await call('POST', '/api/programmes', manager, {
        name: `Programme${label}${tag}`,
        type: 'classic',
        matchingMode,
        goal: `Goal${label}${tag}`,
      }),
      'programme',
    );
    await expectOk(await call('POST', `/api/programmes/${created.id}/publish`, manager), 'publish');
    secrets.add(created.id).add(`Programme${label}${tag}`).add(`Goal${label}${tag}`);
    return created.id;
  };
  const enrol = async (caller: Caller, programmeId: string, role: 'mentee' | 'mentor') =>
    expectOk(
      await call('POST', `/api/programmes/${programmeId}/enrolment`, caller, {
        role,
        ...(role === 'mentor' ? { capacity: 2 } : {}),
        answers: {},
      }),
      'enrolment',
    );

  // Participants choose: one pending request, one accepted (a relationship).
  const chooseId = await programme('Choose', 'participants_choose');
  const mentorA = await participant('MentorA', ['public-speaking'], []);
  const mentorB = await participant('MentorB', ['budgeting'], []);
  const menteeA = await participant('MenteeA', [], ['public-speaking']);
  const menteeB = await participant('MenteeB', [], ['budgeting']);
  for (const mentor of [mentorA, mentorB]) await enrol(mentor, chooseId, 'mentor');
  for (const mentee of [menteeA, menteeB]) await enrol(mentee, chooseId, 'mentee');
  const request = async (from: Caller, to: Caller, label: string) => {
    const sent = await expectOk(
      await call('POST', `/api/programmes/${chooseId}/requests`, from, {
        toPersonId: to.id,
        message: `Message${label}${tag} — would you mentor me?`,
      }),
      'request',
    );
    secrets.add(sent.id).add(`Message${label}${tag}`);
    return sent.id;
  };
  const pendingRequestId = await request(menteeA, mentorA, 'Pending');
  const acceptedRequestId = await request(menteeB, mentorB, 'Accepted');
  await expectOk(
    await call('POST', `/api/requests/${acceptedRequestId}/accept`, mentorB),
    'accept',
  );
  const relationships = (await expectOk(await call('GET', '/api/relationships', mentorB), 'list'))
    .items as { id: string }[];
  const relationshipId = relationships[0]!.id;
  secrets.add(relationshipId);
  // The relationship's conversation: its text belongs to its two participants alone.
  await expectOk(
    await call('POST', `/api/relationships/${relationshipId}/messages`, menteeB, {
      body: `RelationshipMessage${tag}`,
    }),
    'relationship message',
  );
  secrets.add(`RelationshipMessage${tag}`);
  // A goal and a note in the relationship's space: only its participants read them.
  const goal = await expectOk(
    await call('POST', `/api/relationships/${relationshipId}/goals`, menteeB, {
      title: `Goal${tag} of the relationship`,
    }),
    'goal',
  );
  const note = await expectOk(
    await call('POST', `/api/relationships/${relationshipId}/notes`, mentorB, {
      visibility: 'private',
      body: `PrivateNote${tag}`,
    }),
    'note',
  );
  secrets.add(goal.id).add(`Goal${tag} of the relationship`).add(note.id).add(`PrivateNote${tag}`);
  // A meeting in the relationship (its agenda is for its participants only), and a calendar feed
  // whose first address was replaced: that address answers 404 to anyone who tries it.
  const meeting = await expectOk(
    await call('POST', `/api/relationships/${relationshipId}/meetings`, mentorB, {
      date: '2099-06-01',
      time: '10:00',
      timeZone: 'Europe/Amsterdam',
      durationMinutes: 60,
      agenda: `MeetingAgenda${tag}`,
    }),
    'meeting',
  );
  secrets.add(meeting.id).add(`MeetingAgenda${tag}`);
  const replacedFeed = await expectOk(await call('POST', '/api/calendar-feed', mentorB), 'feed');
  await expectOk(await call('POST', '/api/calendar-feed', mentorB), 'feed replaced');
  const calendarFile = String(replacedFeed.url).split('/').pop()!;
  const notifications = (
    await expectOk(await call('GET', '/api/notifications', mentorA), 'notifications')
  ).items as { id: string }[];
  const notificationId = notifications[0]!.id;
  for (const n of notifications) secrets.add(n.id);
  // An answered outcome survey of the relationship's mentee: theirs alone to read.
  const [survey] = await app.database.db
    .insert(outcomeSurvey)
    .values({
      organisationId: org.id,
      programmeId: chooseId,
      relationshipId,
      personId: menteeB.id,
      side: 'mentee',
      closing: 'ended',
      sentAt: new Date(),
      answeredAt: new Date(),
      learnedSkills: true,
      skillsLearned: ['budgeting'],
      careerSteps: ['network'],
      inspired: true,
      recommend: 8,
      otherGave: `SurveyGave${tag}`,
      comment: `SurveyComment${tag}`,
    })
    .returning({ id: outcomeSurvey.id });
  secrets.add(survey!.id).add(`SurveyGave${tag}`).add(`SurveyComment${tag}`);
  // An answered check-in of the relationship's mentee: its answers are theirs alone to read.
  const [seededCheckIn] = await app.database.db
    .insert(checkIn)
    .values({
      organisationId: org.id,
      programmeId: chooseId,
      relationshipId,
      personId: menteeB.id,
      side: 'mentee',
      dueOn: '2020-01-01',
      questions: [...STANDARD_QUESTIONS],
      answers: { met: true, usefulness: 4, programme: `CheckInAnswer${tag}` },
      sentAt: new Date(),
      answeredAt: new Date(),
    })
    .returning({ id: checkIn.id });
  secrets.add(seededCheckIn!.id).add(`CheckInAnswer${tag}`);

  // Manager proposes: a run and an introduction.
  const proposeId = await programme('Propose', 'manager_proposes');
  const mentorC = await participant('MentorC', ['storytelling'], []);
  const menteeC = await participant('MenteeC', [], ['storytelling']);
  await enrol(mentorC, proposeId, 'mentor');
  await enrol(menteeC, proposeId, 'mentee');
  const run = await expectOk(
    await call('POST', `/api/programmes/${proposeId}/proposals/run`, manager, { mode: 'optimal' }),
    'proposals run',
  );
  const runId = run.runId as string;
  secrets.add(runId);
  await expectOk(
    await call('POST', `/api/programmes/${proposeId}/proposals/send`, manager, { runId }),
    'proposals send',
  );
  const introductions = (await expectOk(await call('GET', '/api/introductions', menteeC), 'intros'))
    .items as { id: string }[];
  const introductionId = introductions[0]!.id;
  secrets.add(introductionId);

  const skill = await expectOk(
    await call('POST', '/api/skills', callers.org_admin, {
      category: 'technology',
      nl: `Vaardigheid${tag}`,
      en: `Skill${tag}`,
    }),
    'skill',
  );
  secrets.add(skill.id).add(`Vaardigheid${tag}`).add(`Skill${tag}`);

  const domain = await expectOk(
    await call('POST', '/api/organisation/domains', callers.org_admin, {
      domain: `seeded-${tag}.example`,
    }),
    'domain',
  );
  secrets.add(domain.id).add(`seeded-${tag}.example`);
  const pairRule = await expectOk(
    await call('POST', `/api/programmes/${chooseId}/pair-rules`, manager, {
      kind: 'forbid',
      menteeId: menteeA.id,
      mentorId: mentorB.id,
    }),
    'pair rule',
  );
  secrets.add(pairRule.id);
  const feedbackAction = await expectOk(
    await call('POST', `/api/programmes/${chooseId}/feedback-actions`, manager, {
      saidNl: `Gezegd${tag}`,
      saidEn: `Said${tag}`,
      didNl: `Gedaan${tag}`,
      didEn: `Done${tag}`,
      resultKeys: ['checkin:usefulness'],
    }),
    'feedback action',
  );
  secrets.add(feedbackAction.id).add(`Gezegd${tag}`).add(`Said${tag}`);
  // A published story of the relationship's mentee that names its mentor (who agreed): for the
  // programme's audience only.
  const story = await expectOk(
    await call('POST', '/api/stories', menteeB, {
      programmeId: chooseId,
      titleNl: `Verhaal${tag}`,
      bodyNl: `VerhaalTekst${tag}`,
      audience: 'programme',
      mentionIds: [mentorB.id],
    }),
    'story',
  );
  await expectOk(await call('POST', `/api/stories/${story.id}/submit`, menteeB), 'story submit');
  await expectOk(
    await call('POST', `/api/stories/${story.id}/mention`, mentorB, { approve: true }),
    'story mention',
  );
  await expectOk(
    await call('POST', `/api/stories/${story.id}/review`, manager, { decision: 'approve' }),
    'story review',
  );
  secrets.add(story.id).add(`Verhaal${tag}`).add(`VerhaalTekst${tag}`);
  // A job that failed for good: what platform admins see and retry.
  const [failedJob] = await app.database.db
    .insert(job)
    .values({
      kind: `seeded-${tag}`,
      runAt: new Date(),
      status: 'failed',
      attempts: 5,
      lastError: `seeded failure ${tag}`,
    })
    .returning({ id: job.id });

  return {
    organisationId: org.id,
    tag,
    callers,
    participants: { mentorA, mentorB, menteeA, menteeB, mentorC, menteeC },
    ids: {
      person: menteeA.id,
      programme: chooseId,
      proposeProgramme: proposeId,
      request: pendingRequestId,
      acceptedRequest: acceptedRequestId,
      relationship: relationshipId,
      goal: goal.id,
      note: note.id,
      meeting: meeting.id,
      calendarFile,
      run: runId,
      introduction: introductionId,
      notification: notificationId,
      outcomeSurvey: survey!.id,
      checkIn: seededCheckIn!.id,
      skill: skill.id,
      domain: domain.id,
      pairRule: pairRule.id,
      feedbackAction: feedbackAction.id,
      story: story.id,
      job: failedJob!.id,
    },
    secrets,
    /** Records other kinds of paths name; filled by the test when such routes exist. */
    extraIds: {} as Record<string, string>,
  };
}

export type SeededOrganisation = Awaited<ReturnType<typeof seedOrganisation>>;

/** The secrets of `seed` found in `text`, leaving out those the caller sent themselves. */
export function leakedSecrets(seed: SeededOrganisation, text: string, sent: string): string[] {
  return [...seed.secrets].filter((secret) => text.includes(secret) && !sent.includes(secret));
}
