import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../app.js';
import type { OrgRole } from '../../auth/actor.js';
import { relationship, relationshipMentee } from '../../db/schema.js';
import { createPerson, signIn, signedIn, type TestPerson } from '../../test/factories.js';

/** Test helpers for the relationship space (agreement, ratings, goals, notes). */

export type Caller = TestPerson & { cookie: string };
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function caller(app: App) {
  return (
    method: Method,
    url: string,
    who: { cookie: string } | null,
    payload?: unknown,
    locale = 'en',
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { 'x-klik-locale': locale, ...(who ? { cookie: who.cookie } : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

export async function member(
  app: App,
  organisationId: string,
  profile: {
    offers?: string[];
    wants?: string[];
    meetingMode?: 'online' | 'in_person' | 'either';
  } = {},
  role: OrgRole = 'member',
): Promise<Caller> {
  const p = await createPerson(app, { organisationId, role });
  const cookie = await signIn(app, p.email);
  const saved = await caller(app)(
    'PUT',
    '/api/me/profile',
    { cookie },
    {
      offers: (profile.offers ?? []).map((skill) => ({ skill, level: 4 })),
      wants: (profile.wants ?? []).map((skill) => ({ skill, level: 2 })),
      hobbies: [],
      experiences: [],
      values: [],
      tags: [],
      languages: ['nl', 'en'],
      availability: [],
      timeZone: 'Europe/Amsterdam',
      meetingMode: profile.meetingMode ?? 'either',
      place: null,
      about: '',
    },
  );
  if (saved.statusCode !== 200) throw new Error(`profile: ${saved.statusCode} ${saved.body}`);
  return { ...p, cookie };
}

/** An organisation with a programme manager, org admin, sponsor and a programme. */
export async function organisationWithProgramme(app: App, cadenceDays = 14) {
  const manager = await signedIn(app, 'programme_manager');
  const organisationId = manager.organisationId;
  const created = await caller(app)('POST', '/api/programmes', manager, {
    name: 'Mentoring',
    type: 'classic',
    checkInCadenceDays: cadenceDays,
  });
  if (created.statusCode !== 201) throw new Error(`programme: ${created.body}`);
  return {
    organisationId,
    programmeId: created.json().id as string,
    manager,
    orgAdmin: await signedIn(app, 'org_admin', organisationId),
    sponsor: await signedIn(app, 'sponsor', organisationId),
    outsider: await signedIn(app, 'member', organisationId),
  };
}

/**
 * A relationship written straight into the database (how it was opened is not what these tests
 * are about): the mentor and one mentee, or a group.
 */
export async function openRelationship(
  app: App,
  input: { organisationId: string; programmeId: string; mentorId: string; menteeIds: string[] },
): Promise<string> {
  const db = app.database.db;
  const [row] = await db
    .insert(relationship)
    .values({
      organisationId: input.organisationId,
      programmeId: input.programmeId,
      mentorId: input.mentorId,
      isGroup: input.menteeIds.length > 1,
    })
    .returning({ id: relationship.id });
  for (const menteeId of input.menteeIds) {
    await db.insert(relationshipMentee).values({ relationshipId: row!.id, menteeId });
  }
  return row!.id;
}
