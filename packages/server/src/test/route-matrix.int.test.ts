import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgRole } from '../auth/actor.js';
import { programmeCohort } from '../db/schema.js';
import { createTestContext, type TestContext } from './context.js';
import { createPlatformAdmin, signIn } from './factories.js';
import { sampleValue } from './json-schema-arbitrary.js';
import {
  fillPath,
  isErrorShape,
  listOperations,
  queryString,
  type Operation,
} from './openapi-operations.js';
import {
  callApi,
  leakedSecrets,
  ORG_ROLES,
  seedCallers,
  seedOrganisation,
  type SeededOrganisation,
} from './seed-organisation.js';

/**
 * The route matrix: every operation of the OpenAPI document, called signed out (401), by each
 * role of organisation 1 that may not (403), and by organisation 2 with organisation 1's real ids
 * in the path (404, and nothing of organisation 1 in the answer). The table below says who may
 * call what; a route without an entry, or an entry without a route, fails the test.
 */

const ALL = ORG_ROLES;
const MANAGERS: readonly OrgRole[] = ['org_admin', 'programme_manager'];
const ADMIN: readonly OrgRole[] = ['org_admin'];
const REPORT_READERS: readonly OrgRole[] = ['org_admin', 'programme_manager', 'sponsor'];

/** Which seeded record fills a path parameter. */
type IdKind = keyof SeededOrganisation['ids'] | string;

interface Expectation {
  /** Answers without a session (no 401 expected). */
  public?: true;
  /** Organisation roles allowed; every other role gets 403. */
  roles: readonly OrgRole[];
  /** A platform admin without a membership may call it too. */
  platformAdmin?: true;
  /** Only platform admins: every organisation role gets 403, and organisations do not apply. */
  platformAdminOnly?: true;
  /** The seeded record for each path parameter, when the segment before it does not say. */
  params?: Record<string, IdKind>;
  /** Only the people of the record may call it: anyone else of the organisation gets 404/403. */
  partiesOnly?: true;
  /** A body the checks send instead of the schema's smallest sample. */
  body?: (seed: SeededOrganisation) => unknown;
  note?: string;
}

/** A profile the schema's refinements accept too (a known time zone). */
const VALID_PROFILE = {
  offers: [],
  wants: [],
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
};

const EXPECTATIONS: Record<string, Expectation> = {
  'GET /health': { public: true, roles: ALL, platformAdmin: true },
  'GET /health/ready': { public: true, roles: ALL, platformAdmin: true },

  'GET /api/me': { roles: ALL, platformAdmin: true },
  'PATCH /api/me': {
    roles: ALL,
    platformAdmin: true,
    note: 'a platform admin sets the language only; a preferred name needs a membership',
  },
  'GET /api/organisation': { roles: ALL },
  'PATCH /api/organisation': { roles: ADMIN },
  'GET /api/admin/organisations': { roles: [], platformAdminOnly: true },
  'POST /api/admin/organisations': { roles: [], platformAdminOnly: true },
  'GET /api/organisation/domains': { roles: ADMIN },
  'POST /api/organisation/domains': { roles: ADMIN, body: () => ({ domain: 'matrix.example' }) },
  'POST /api/organisation/domains/{id}/verify': { roles: ADMIN },
  'DELETE /api/organisation/domains/{id}': { roles: ADMIN },
  'GET /api/admin/domains': { roles: [], platformAdminOnly: true },
  'POST /api/admin/domains/{id}/approve': { roles: [], platformAdminOnly: true },
  'DELETE /api/admin/domains/{id}': { roles: [], platformAdminOnly: true },
  'GET /api/admin/jobs': { roles: [], platformAdminOnly: true },
  'POST /api/admin/jobs/{id}/retry': { roles: [], platformAdminOnly: true },

  'GET /api/people': { roles: MANAGERS },
  'POST /api/people': { roles: ADMIN },
  'GET /api/people/{id}': { roles: MANAGERS },
  'PATCH /api/people/{id}': { roles: ADMIN },
  'POST /api/people/{id}/deactivate': { roles: ADMIN },
  'POST /api/people/{id}/reactivate': { roles: ADMIN },
  'POST /api/people/import/preview': { roles: ADMIN },
  'POST /api/people/import/apply': { roles: ADMIN },

  'GET /api/outbox': {
    roles: [],
    platformAdminOnly: true,
    note: 'the platform admin reads the outbox (secrets hidden outside demo mode)',
  },

  'GET /api/unsubscribe': {
    public: true,
    roles: ALL,
    platformAdmin: true,
    note: 'the signed token from a reminder mail is the permission; a bad one is 404',
  },
  'POST /api/unsubscribe': { public: true, roles: ALL, platformAdmin: true },
  'DELETE /api/unsubscribe': { public: true, roles: ALL, platformAdmin: true },

  'GET /api/programmes': { roles: ALL, note: 'members see the published ones' },
  'POST /api/programmes': { roles: MANAGERS },
  'GET /api/programmes/{id}': { roles: ALL },
  'PATCH /api/programmes/{id}': { roles: MANAGERS },
  'POST /api/programmes/{id}/publish': { roles: MANAGERS },
  'POST /api/programmes/{id}/close': { roles: MANAGERS },
  'GET /api/programmes/{id}/changes': { roles: MANAGERS },
  'GET /api/programmes/{id}/close-preview': { roles: MANAGERS },
  'GET /api/programmes/{id}/results': { roles: MANAGERS },
  'POST /api/programmes/{id}/reopen': { roles: MANAGERS },
  'GET /api/programmes/{programmeId}/dashboard': { roles: MANAGERS },

  'GET /api/skills': { roles: ALL },
  'POST /api/skills': { roles: ADMIN },
  'GET /api/me/profile': { roles: ALL },
  'PUT /api/me/profile': { roles: ALL, body: () => VALID_PROFILE },
  'GET /api/me/sensitive': { roles: ALL },
  'PUT /api/me/sensitive': { roles: ALL },
  'DELETE /api/me/sensitive': { roles: ALL },
  'POST /api/programmes/{id}/enrolment': { roles: ALL },
  'PATCH /api/programmes/{id}/enrolment': { roles: ALL },
  'DELETE /api/programmes/{id}/enrolment': { roles: ALL },
  'GET /api/programmes/{id}/enrolments': { roles: MANAGERS },
  'GET /api/programmes/{id}/suggestions': { roles: ALL, note: 'for the enrolled caller' },

  'POST /api/programmes/{id}/requests': { roles: ALL },
  'GET /api/requests': { roles: ALL },
  'GET /api/requests/{id}': { roles: ALL, partiesOnly: true, note: 'either side' },
  'POST /api/requests/{id}/messages': { roles: ALL, partiesOnly: true, note: 'either side' },
  'POST /api/requests/{id}/accept': { roles: ALL, partiesOnly: true, note: 'the receiver' },
  'POST /api/requests/{id}/decline': { roles: ALL, partiesOnly: true, note: 'the receiver' },
  'POST /api/requests/{id}/withdraw': { roles: ALL, partiesOnly: true, note: 'the sender' },
  'GET /api/relationships': { roles: ALL },
  'GET /api/relationships/{id}': { roles: ALL, partiesOnly: true, note: 'participants only' },
  'GET /api/relationships/{id}/messages': { roles: ALL, partiesOnly: true },
  'POST /api/relationships/{id}/messages': { roles: ALL, partiesOnly: true },
  'POST /api/relationships/{id}/read': { roles: ALL, partiesOnly: true },
  'POST /api/relationships/{id}/pause': { roles: ALL, partiesOnly: true },
  'POST /api/relationships/{id}/resume': { roles: ALL, partiesOnly: true },
  'POST /api/relationships/{id}/end': { roles: ALL, partiesOnly: true },
  'GET /api/outcome-surveys': { roles: ALL, note: 'the caller’s own surveys' },
  'GET /api/check-ins': { roles: ALL, note: 'the caller’s own check-ins' },
  'GET /api/check-ins/{id}': { roles: ALL, partiesOnly: true, note: 'its person alone' },
  'POST /api/check-ins/{id}/answers': {
    roles: ALL,
    partiesOnly: true,
    note: 'its person alone, once',
  },
  'GET /api/programmes/{programmeId}/check-in-questions': { roles: MANAGERS },
  'PUT /api/programmes/{programmeId}/check-in-questions': { roles: MANAGERS },
  'GET /api/outcome-surveys/{id}': { roles: ALL, partiesOnly: true, note: 'its owner alone' },
  'POST /api/outcome-surveys/{id}/answers': {
    roles: ALL,
    partiesOnly: true,
    note: 'its owner alone, once',
  },
  'GET /api/relationships/{id}/agreement': { roles: ALL, partiesOnly: true },
  'PUT /api/relationships/{id}/agreement': { roles: ALL, partiesOnly: true },
  'POST /api/relationships/{id}/agreement/confirm': { roles: ALL, partiesOnly: true },
  'GET /api/relationships/{id}/ratings': { roles: ALL, partiesOnly: true },
  'PUT /api/relationships/{id}/ratings': {
    roles: ALL,
    partiesOnly: true,
    note: 'the learner of the skill',
  },
  'GET /api/relationships/{id}/goals': { roles: ALL, partiesOnly: true },
  'POST /api/relationships/{id}/goals': { roles: ALL, partiesOnly: true },
  'PATCH /api/relationships/{id}/goals/{goalId}': { roles: ALL, partiesOnly: true },
  'DELETE /api/relationships/{id}/goals/{goalId}': {
    roles: ALL,
    partiesOnly: true,
    note: 'who added it',
  },
  'POST /api/relationships/{id}/goals/{goalId}/notes': { roles: ALL, partiesOnly: true },
  'GET /api/relationships/{id}/notes': {
    roles: ALL,
    partiesOnly: true,
    note: 'shared notes, and the caller’s own private ones',
  },
  'POST /api/relationships/{id}/notes': { roles: ALL, partiesOnly: true },
  'PATCH /api/relationships/{id}/notes/{noteId}': {
    roles: ALL,
    partiesOnly: true,
    note: 'the author',
  },
  'DELETE /api/relationships/{id}/notes/{noteId}': {
    roles: ALL,
    partiesOnly: true,
    note: 'the author',
  },
  'GET /api/attention': { roles: ALL, note: 'the caller’s own items only' },
  'GET /api/relationships/{id}/meetings': { roles: ALL, partiesOnly: true },
  'POST /api/relationships/{id}/meetings': {
    roles: ALL,
    partiesOnly: true,
    body: () => ({
      date: '2099-07-01',
      time: '10:00',
      timeZone: 'Europe/Amsterdam',
      durationMinutes: 60,
    }),
  },
  'PATCH /api/relationships/{id}/meetings/{meetingId}': { roles: ALL, partiesOnly: true },
  'POST /api/relationships/{id}/meetings/{meetingId}/cancel': { roles: ALL, partiesOnly: true },
  'POST /api/relationships/{id}/meetings/{meetingId}/outcome': { roles: ALL, partiesOnly: true },
  'GET /api/relationships/{id}/meetings/{meetingId}/ics': { roles: ALL, partiesOnly: true },
  'GET /api/calendar-feed': { roles: ALL, note: 'the caller’s own feed' },
  'POST /api/calendar-feed': { roles: ALL, note: 'the caller’s own feed' },
  'DELETE /api/calendar-feed': { roles: ALL, note: 'the caller’s own feed' },
  'GET /calendar/{file}': {
    public: true,
    roles: ALL,
    platformAdmin: true,
    note: 'the secret address is the key (seeded: a replaced one, 404 to all)',
  },
  'GET /api/notifications': { roles: ALL },
  'POST /api/notifications/read': { roles: ALL },

  'POST /api/programmes/{id}/preview': { roles: MANAGERS },
  'POST /api/programmes/{id}/proposals/run': { roles: MANAGERS },
  'POST /api/programmes/{id}/proposals/send': { roles: MANAGERS },
  'GET /api/programmes/{id}/introductions': { roles: MANAGERS },
  'GET /api/programmes/{id}/pair-rules': { roles: MANAGERS },
  'POST /api/programmes/{id}/pair-rules': { roles: MANAGERS },
  'DELETE /api/programmes/{id}/pair-rules/{ruleId}': { roles: MANAGERS },
  'GET /api/programmes/{programmeId}/health': { roles: MANAGERS },
  'GET /api/programmes/{programmeId}/health/{relationshipId}/nudge-template': {
    roles: MANAGERS,
    params: { relationshipId: 'relationship' },
    note: 'the relationship’s space itself stays closed to managers',
  },
  'POST /api/programmes/{programmeId}/health/{relationshipId}/nudges': {
    roles: MANAGERS,
    params: { relationshipId: 'relationship' },
    body: () => ({ recipients: 'both', bodyNl: 'Hoe gaat het?', bodyEn: 'How is it going?' }),
  },
  'GET /api/programmes/{id}/feedback-actions': {
    roles: ALL,
    note: 'whoever may see the programme (its participants, people who may discover it)',
  },
  'POST /api/programmes/{id}/feedback-actions': { roles: MANAGERS },
  'PATCH /api/programmes/{id}/feedback-actions/{actionId}': { roles: MANAGERS },
  'DELETE /api/programmes/{id}/feedback-actions/{actionId}': { roles: MANAGERS },
  'GET /api/programmes/{programmeId}/leaders': {
    roles: ALL,
    note: 'whoever may see the programme; leaders only with their own consent',
  },
  'PUT /api/programmes/{programmeId}/sponsors': {
    roles: MANAGERS,
    body: () => ({ personIds: [] }),
  },
  'GET /api/programmes/{programmeId}/my-leadership': {
    roles: ALL,
    note: 'the caller’s own consent as a leader',
  },
  'PUT /api/programmes/{programmeId}/my-leadership': {
    roles: ALL,
    body: () => ({ shown: false, line: '' }),
    note: 'enrolled leaders; anyone else gets 422',
  },
  'GET /api/programmes/{programmeId}/invitations': { roles: MANAGERS },
  'POST /api/programmes/{programmeId}/invitations': { roles: MANAGERS },
  'GET /api/stories/mine': { roles: ALL, note: 'the caller’s own stories' },
  'GET /api/stories/mentions': { roles: ALL, note: 'stories that name the caller' },
  'GET /api/stories/feed': { roles: ALL, note: 'published stories of the caller’s audiences' },
  'GET /api/stories/options': { roles: ALL, note: 'the caller’s own programmes' },
  'POST /api/stories': { roles: ALL, note: 'participants of the programme (422 otherwise)' },
  'GET /api/stories/{storyId}': {
    roles: ALL,
    partiesOnly: true,
    note: 'author, managers, the people named, its audience once published (a programme story)',
  },
  'PATCH /api/stories/{storyId}': { roles: ALL, partiesOnly: true, note: 'the author' },
  'DELETE /api/stories/{storyId}': { roles: ALL, partiesOnly: true, note: 'the author' },
  'GET /api/stories/{storyId}/photo': {
    roles: ALL,
    partiesOnly: true,
    note: 'whoever may read the story (the seeded one has no photo: 404)',
  },
  'PUT /api/stories/{storyId}/photo': { roles: ALL, partiesOnly: true, note: 'the author' },
  'DELETE /api/stories/{storyId}/photo': { roles: ALL, partiesOnly: true, note: 'the author' },
  'POST /api/stories/{storyId}/submit': { roles: ALL, partiesOnly: true, note: 'the author' },
  'POST /api/stories/{storyId}/withdraw': { roles: ALL, partiesOnly: true, note: 'the author' },
  'POST /api/stories/{storyId}/review': {
    roles: MANAGERS,
    body: () => ({ decision: 'request_changes', message: 'Graag korter' }),
  },
  'POST /api/stories/{storyId}/mention': { roles: ALL, partiesOnly: true, note: 'the named' },
  'GET /api/programmes/{programmeId}/stories': {
    roles: ALL,
    note: 'published stories the caller may read',
  },
  'GET /api/programmes/{programmeId}/stories/review': { roles: MANAGERS },
  // Exports of the outcome report: whoever may read the report (org admins, programme managers,
  // org sponsors; a programme's named sponsor too).
  'GET /api/programmes/{programmeId}/outcomes/export.csv': { roles: REPORT_READERS },
  'GET /api/programmes/{programmeId}/outcomes/export.xlsx': { roles: REPORT_READERS },
  'GET /api/programmes/{programmeId}/outcomes/export.pdf': { roles: REPORT_READERS },
  'GET /api/outcomes/export.csv': { roles: REPORT_READERS },
  'GET /api/outcomes/export.xlsx': { roles: REPORT_READERS },
  'GET /api/outcomes/export.pdf': { roles: REPORT_READERS },
  'GET /api/programmes/{programmeId}/outcomes': {
    roles: REPORT_READERS,
    note: 'and a member named the programme’s sponsor (outcome-report.int.test.ts)',
  },
  'GET /api/outcomes': { roles: REPORT_READERS },
  'GET /api/outcomes/sponsored': { roles: ALL, note: 'the programmes the caller sponsors' },
  'GET /api/programmes/{programmeId}/cohorts': {
    roles: REPORT_READERS,
    note: 'and a member named the programme’s sponsor',
  },
  'POST /api/programmes/{programmeId}/cohorts': {
    roles: MANAGERS,
    body: () => ({ name: 'Najaar', startsOn: '2031-09-01' }),
  },
  'PATCH /api/programmes/{programmeId}/cohorts/{cohortId}': { roles: MANAGERS },
  'DELETE /api/programmes/{programmeId}/cohorts/{cohortId}': { roles: MANAGERS },
  'GET /api/introductions': { roles: ALL },
  'POST /api/introductions/{id}/accept': { roles: ALL, partiesOnly: true, note: 'either side' },
  'POST /api/introductions/{id}/decline': { roles: ALL, partiesOnly: true, note: 'either side' },
};

/** The record a path parameter names, from the segment before it (`/people/{id}` → person). */
const KIND_OF_SEGMENT: Record<string, IdKind> = {
  people: 'person',
  programmes: 'programme',
  requests: 'request',
  relationships: 'relationship',
  goals: 'goal',
  notes: 'note',
  meetings: 'meeting',
  calendar: 'calendarFile',
  runs: 'run',
  introductions: 'introduction',
  notifications: 'notification',
  'outcome-surveys': 'outcomeSurvey',
  skills: 'skill',
  'check-ins': 'checkIn',
  domains: 'domain',
  'pair-rules': 'pairRule',
  'feedback-actions': 'feedbackAction',
  cohorts: 'cohort',
  stories: 'story',
  jobs: 'job',
};

let ctx: TestContext;
let one: SeededOrganisation;
let two: Awaited<ReturnType<typeof seedCallers>>;
let platformAdminCookie: string;
let operations: Operation[];

beforeAll(async () => {
  // Load shedding measures this (shared, busy) machine, not the app: out of reach, so that
  // no check sees a 503.
  ctx = await createTestContext({
    overload: { maxEventLoopDelayMs: 60_000, maxDatabaseQueue: 1_000_000 },
  });
  one = await seedOrganisation(ctx.app);
  // A cohort of the seeded programme, for the cohort routes' paths.
  const [seededCohort] = await ctx.db
    .insert(programmeCohort)
    .values({
      programmeId: one.ids.programme,
      organisationId: one.organisationId,
      name: 'Voorjaar',
      startsOn: '2030-01-01',
    })
    .returning({ id: programmeCohort.id });
  one.extraIds.cohort = seededCohort!.id;
  // The other organisation needs callers only: what is checked is what they see of the first.
  two = await seedCallers(ctx.app);
  const admin = await createPlatformAdmin(ctx.app);
  platformAdminCookie = await signIn(ctx.app, admin.email);
  operations = listOperations(ctx.app);
}, 600_000);
afterAll(async () => ctx.close());

function pathValues(operation: Operation, seed: SeededOrganisation): Record<string, string> {
  const expectation = EXPECTATIONS[operation.key];
  const values: Record<string, string> = {};
  const segments = operation.path.split('/');
  for (const { name } of operation.pathParams) {
    const before = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
    const kind = expectation?.params?.[name] ?? KIND_OF_SEGMENT[before];
    const ids: Record<string, string> = { ...seed.ids, ...seed.extraIds };
    const value = kind ? ids[kind] : undefined;
    if (!value) {
      throw new Error(
        `${operation.key}: no seeded record for path parameter {${name}}: name its kind in the ` +
          `table's params (and seed it in seed-organisation.ts)`,
      );
    }
    values[name] = value;
  }
  return values;
}

interface Call {
  url: string;
  payload: unknown;
}

function buildCall(operation: Operation, seed: SeededOrganisation): Call {
  const expectation = EXPECTATIONS[operation.key]!;
  const query: Record<string, unknown> = {};
  for (const param of operation.queryParams) {
    if (param.required) query[param.name] = sampleValue(param.schema);
  }
  const url = fillPath(operation.path, pathValues(operation, seed)) + queryString(query);
  const payload = expectation.body
    ? expectation.body(seed)
    : operation.body
      ? sampleValue(operation.body)
      : undefined;
  return { url, payload };
}

describe('route matrix', () => {
  it('has an expectation for every operation, and an operation for every expectation', () => {
    const keys = operations.map((o) => o.key);
    const missing = keys.filter((key) => !(key in EXPECTATIONS));
    const stale = Object.keys(EXPECTATIONS).filter((key) => !keys.includes(key));
    expect(
      missing,
      'These routes have no entry in EXPECTATIONS (src/test/route-matrix.int.test.ts): add one ' +
        'saying which roles may call each (read its service), so the matrix checks it',
    ).toEqual([]);
    expect(
      stale,
      'These EXPECTATIONS entries name routes that no longer exist: remove them',
    ).toEqual([]);
  });

  it('answers every operation signed out with 401 in the error shape', async () => {
    const problems: string[] = [];
    for (const operation of operations) {
      const expectation = EXPECTATIONS[operation.key];
      if (!expectation || expectation.public) continue;
      const { url, payload } = buildCall(operation, one);
      const response = await callApi(ctx.app, operation.method, url, null, payload);
      if (response.statusCode !== 401 || !isErrorShape(response.json())) {
        problems.push(`${operation.key}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
      const leaks = leakedSecrets(one, response.body, url + JSON.stringify(payload ?? null));
      if (leaks.length > 0)
        problems.push(`${operation.key}: signed out, shows ${leaks.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers each role without the right with 403, and a platform admin only where allowed', async () => {
    const problems: string[] = [];
    for (const operation of operations) {
      const expectation = EXPECTATIONS[operation.key];
      if (!expectation || expectation.public) continue;
      const refused = ORG_ROLES.filter((role) => !expectation.roles.includes(role)).map(
        (role) => [role, one.callers[role].cookie] as const,
      );
      if (!expectation.platformAdmin && !expectation.platformAdminOnly) {
        refused.push(['platform admin (no membership)' as OrgRole, platformAdminCookie]);
      }
      for (const [who, cookie] of refused) {
        const { url, payload } = buildCall(operation, one);
        const response = await callApi(ctx.app, operation.method, url, cookie, payload);
        if (response.statusCode !== 403 || !isErrorShape(response.json())) {
          problems.push(
            `${operation.key} as ${who}: ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('lets the allowed roles read (GET): no 401, 403 or 5xx', async () => {
    const problems: string[] = [];
    for (const operation of operations) {
      const expectation = EXPECTATIONS[operation.key];
      if (!expectation || operation.method !== 'GET') continue;
      const allowed = expectation.roles.map((role) => [role, one.callers[role].cookie] as const);
      if (expectation.platformAdmin || expectation.platformAdminOnly) {
        allowed.push(['platform admin' as OrgRole, platformAdminCookie]);
      }
      for (const [who, cookie] of allowed) {
        const { url, payload } = buildCall(operation, one);
        const response = await callApi(ctx.app, operation.method, url, cookie, payload);
        if ([401, 403].includes(response.statusCode) || response.statusCode >= 500) {
          problems.push(
            `${operation.key} as ${who}: ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers a member of the same organisation who is not a party with 404 or 403', async () => {
    const problems: string[] = [];
    for (const operation of operations) {
      const expectation = EXPECTATIONS[operation.key];
      if (!expectation?.partiesOnly) continue;
      const { url, payload } = buildCall(operation, one);
      // The seeded member sent and received nothing: not a party to any seeded record.
      const response = await callApi(
        ctx.app,
        operation.method,
        url,
        one.callers.member.cookie,
        payload,
      );
      if (![403, 404].includes(response.statusCode) || !isErrorShape(response.json())) {
        problems.push(`${operation.key}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers organisation 2 with 404 for organisation 1’s records, and never shows its data', async () => {
    const problems: string[] = [];
    for (const operation of operations) {
      const expectation = EXPECTATIONS[operation.key];
      if (!expectation || expectation.platformAdminOnly) continue;
      const role = expectation.roles[0] ?? 'member';
      const { url, payload } = buildCall(operation, one);
      const response = await callApi(
        ctx.app,
        operation.method,
        url,
        two.callers[role].cookie,
        payload,
      );
      const namesRecords = operation.pathParams.length > 0;
      if (namesRecords && (response.statusCode !== 404 || !isErrorShape(response.json()))) {
        problems.push(
          `${operation.key} as org 2's ${role}: ${response.statusCode} ${response.body.slice(0, 200)}`,
        );
      }
      if (response.statusCode >= 500) {
        problems.push(`${operation.key} as org 2's ${role}: ${response.statusCode}`);
      }
      const leaks = leakedSecrets(one, response.body, url + JSON.stringify(payload ?? null));
      if (leaks.length > 0) {
        problems.push(`${operation.key} as org 2's ${role}: shows ${leaks.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
