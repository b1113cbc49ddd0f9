import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../app.js';
import { person, relationship, relationshipMentee, user } from '../db/schema.js';
import { createPerson, signIn, signedIn, type TestPerson } from './factories.js';

/** Test helpers for meetings and the calendar feed (modules/meetings). */

export type Caller = TestPerson & { cookie: string };
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

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

/** A member with a name and the language their mail is written in. */
export async function participant(
  app: App,
  organisationId: string,
  givenName: string,
  locale: 'nl' | 'en',
): Promise<Caller> {
  const p = await createPerson(app, { organisationId, givenName, familyName: 'Tester' });
  await app.database.db.update(user).set({ locale }).where(eq(user.id, p.userId));
  return { ...p, cookie: await signIn(app, p.email) };
}

/** An organisation with a manager, an org admin, an outsider member and a programme. */
export async function organisationWithProgramme(app: App) {
  const manager = await signedIn(app, 'programme_manager');
  const organisationId = manager.organisationId;
  const created = await caller(app)('POST', '/api/programmes', manager, {
    name: 'Mentoring',
    type: 'classic',
  });
  if (created.statusCode !== 201) throw new Error(`programme: ${created.body}`);
  return {
    organisationId,
    programmeId: created.json().id as string,
    manager,
    orgAdmin: await signedIn(app, 'org_admin', organisationId),
    outsider: await signedIn(app, 'member', organisationId),
  };
}

/** A relationship written straight into the database: the mentor and one mentee, or a group. */
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

export async function emailOf(app: App, personId: string): Promise<string> {
  const [row] = await app.database.db
    .select({ email: person.email })
    .from(person)
    .where(eq(person.id, personId));
  return row!.email;
}

export interface ParsedEvent {
  method: string | null;
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  /** DTSTART as written: the local time and its TZID. */
  startLocal: string;
  startTzid: string | null;
  /** DTSTART as an instant, read through the calendar's own VTIMEZONE. */
  startUtc: string;
  endUtc: string;
  organizer: { email: string; name: string | null } | null;
  attendees: { email: string; name: string | null }[];
}

function person_(prop: ICAL.Property | null) {
  if (!prop) return null;
  const value = String(prop.getFirstValue());
  const name = prop.getParameter('cn');
  return {
    email: value.replace(/^mailto:/i, ''),
    name: typeof name === 'string' ? name : null,
  };
}

/** Parses an iCalendar text back with ical.js (the way a calendar would read it). */
export function parseCalendar(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const method = calendar.getFirstPropertyValue('method');
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const start = component.getFirstProperty('dtstart')!;
    const tzid = start.getParameter('tzid');
    return {
      method: method ? String(method) : null,
      uid: event.uid,
      sequence: event.sequence,
      status: component.getFirstPropertyValue('status')
        ? String(component.getFirstPropertyValue('status'))
        : null,
      summary: event.summary,
      description: event.description,
      location: event.location ?? null,
      url: component.getFirstPropertyValue('url')
        ? String(component.getFirstPropertyValue('url'))
        : null,
      startLocal: event.startDate.toString(),
      startTzid: typeof tzid === 'string' ? tzid : null,
      startUtc: event.startDate.toJSDate().toISOString(),
      endUtc: event.endDate.toJSDate().toISOString(),
      organizer: person_(component.getFirstProperty('organizer')),
      attendees: component.getAllProperties('attendee').map((p) => person_(p)!),
    };
  });
}
