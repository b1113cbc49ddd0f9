import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgRole } from '../auth/actor.js';
import { createTestContext, type TestContext } from './context.js';
import { createPerson, createPlatformAdmin, signIn } from './factories.js';
import { hostileValue, schemaArbitrary } from './json-schema-arbitrary.js';
import { isErrorShape, listOperations, queryString, type Operation } from './openapi-operations.js';
import { callApi, seedOrganisation, type SeededOrganisation } from './seed-organisation.js';

/**
 * Schema-driven fuzzing: for every operation of the OpenAPI document, inputs built from its own
 * JSON schema (path, query, body) — mostly valid, with hostile values mixed in at every level
 * (NUL, 1 MB strings, deep nesting, `__proto__`/`constructor` keys, wrong types, huge numbers,
 * unicode) — sent by an org admin and a member of a seeded organisation (and a platform admin to
 * the platform's routes). Whatever comes in: no 5xx, every 4xx in the error shape (a validation
 * error names its fields), every answer within 2 s.
 *
 * `npm test` runs a few inputs per operation and caller with a fixed seed; `npm run test:fuzz`
 * runs many (KLIK_FUZZ_RUNS, KLIK_FUZZ_SEED to replay).
 */
const RUNS = Number(process.env.KLIK_FUZZ_RUNS ?? 4);
const SEED = Number(process.env.KLIK_FUZZ_SEED ?? 7_2026);
const MAX_MS = Number(process.env.KLIK_FUZZ_MAX_MS ?? 2000);

let ctx: TestContext;
let seed: SeededOrganisation;
let knownIds: string[];
const cookies = new Map<string, string>();

beforeAll(async () => {
  // Load shedding measures this (shared, busy) machine, not the app: out of reach, so that
  // no input is answered 503 for the machine's sake.
  ctx = await createTestContext({
    overload: { maxEventLoopDelayMs: 60_000, maxDatabaseQueue: 1_000_000 },
  });
  seed = await seedOrganisation(ctx.app);
  knownIds = [...Object.values(seed.ids), ...Object.values(seed.participants).map((p) => p.id)];
  cookies.set('org_admin', seed.callers.org_admin.cookie);
  cookies.set('member', seed.callers.member.cookie);
  const admin = await createPlatformAdmin(ctx.app);
  cookies.set('platform admin', await signIn(ctx.app, admin.email));
}, 600_000);
afterAll(async () => ctx.close());

/**
 * The fuzz may deactivate a caller or change their role (both are allowed inputs): before each
 * operation the caller is checked and, when needed, replaced by a fresh person with the role.
 */
async function cookieFor(who: string): Promise<string> {
  const cookie = cookies.get(who)!;
  if (who === 'platform admin') return cookie;
  const me = await callApi(ctx.app, 'GET', '/api/me', cookie);
  const role = me.statusCode === 200 ? me.json().membership?.role : null;
  if (role === who) return cookie;
  const fresh = await createPerson(ctx.app, {
    organisationId: seed.organisationId,
    role: who as OrgRole,
  });
  const next = await signIn(ctx.app, fresh.email);
  cookies.set(who, next);
  return next;
}

/** A path segment for any value, even one encodeURIComponent refuses (a lone surrogate). */
function pathSegment(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  // Through UTF-8 and back: a lone surrogate becomes U+FFFD, as a browser would send it.
  return encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));
}

/** A path parameter that is not a seeded id: a random uuid, or something hostile. */
const otherPathValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.uuid(),
  fc.constantFrom('\u0000', 'a\u0000b', 'x'.repeat(500), 'not-a-uuid', '..', ' ', 'ü', '%'),
  hostileValue.filter((v) => typeof v !== 'string' || v.length < 10_000),
);

interface Input {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

function inputArbitrary(operation: Operation): fc.Arbitrary<Input> {
  const ids = fc.constantFrom(...knownIds);
  const path: Record<string, fc.Arbitrary<unknown>> = {};
  for (const param of operation.pathParams) {
    path[param.name] = fc.oneof(
      { weight: 3, arbitrary: ids },
      { weight: 2, arbitrary: otherPathValue },
    );
  }
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  for (const param of operation.queryParams) {
    query[param.name] = schemaArbitrary(param.schema, { hostile: true, knownIds });
  }
  return fc.record({
    path: fc.record(path),
    query: fc.record(query, { requiredKeys: [] }),
    body: operation.body
      ? schemaArbitrary(operation.body, { hostile: true, knownIds })
      : fc.constant(undefined),
  });
}

function urlOf(operation: Operation, input: Input): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    pathSegment(input.path[name]),
  );
  return path + queryString(input.query);
}

/** What is wrong with an answer, or null. */
function problemWith(status: number, body: string, elapsedMs: number): string | null {
  if (status >= 500) return `answered ${status}`;
  if (elapsedMs > MAX_MS) return `took ${Math.round(elapsedMs)} ms`;
  if (status < 400) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `answered ${status} with a body that is not JSON`;
  }
  if (!isErrorShape(parsed)) return `answered ${status} outside the error shape`;
  const error = (parsed as { error: { code: string; details: unknown } }).error;
  if (error.code === 'validation_failed') {
    const details = error.details;
    const namesFields =
      Array.isArray(details) &&
      details.length > 0 &&
      details.every(
        (d: { field?: unknown; message?: unknown }) =>
          typeof d.field === 'string' &&
          /^(body|querystring|params)\b/.test(d.field) &&
          typeof d.message === 'string' &&
          d.message.length > 0,
      );
    if (!namesFields) return 'a validation error without details naming each field';
  }
  return null;
}

function seedFor(key: string, who: string): number {
  return SEED ^ createHash('sha1').update(`${key} ${who}`).digest().readInt32BE(0);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
}

describe('schema-driven fuzz', () => {
  it(
    `answers hostile and valid input without 5xx, in the error shape, within ${MAX_MS} ms`,
    async () => {
      const operations = listOperations(ctx.app);
      expect(operations.length).toBeGreaterThan(40);
      const failures: string[] = [];
      let requests = 0;
      for (const operation of operations) {
        const isPlatform = /^\/api\/(admin|outbox)\b/.test(operation.path);
        const callers = isPlatform ? ['platform admin', 'org_admin'] : ['org_admin', 'member'];
        for (const who of callers) {
          const cookie = await cookieFor(who);
          try {
            await fc.assert(
              fc.asyncProperty(inputArbitrary(operation), async (input) => {
                const url = urlOf(operation, input);
                const started = performance.now();
                const response = await callApi(ctx.app, operation.method, url, cookie, input.body);
                requests += 1;
                const problem = problemWith(
                  response.statusCode,
                  response.body,
                  performance.now() - started,
                );
                if (problem) {
                  throw new Error(
                    `${operation.key} as ${who}: ${problem}\n  ${operation.method} ${url.slice(0, 300)}\n` +
                      `  body ${show(input.body)}\n  → ${response.statusCode} ${response.body.slice(0, 300)}`,
                  );
                }
              }),
              { seed: seedFor(operation.key, who), numRuns: RUNS, endOnFailure: true },
            );
          } catch (error) {
            // fast-check's report names the seed and the input; the cause says what was wrong.
            const report = error instanceof Error ? error.message : String(error);
            const cause =
              error instanceof Error && error.cause instanceof Error ? error.cause : null;
            const seedLine = report.split('\n').find((line) => line.startsWith('{ seed'));
            failures.push(
              cause
                ? `${cause.message}\n  replay: ${seedLine ?? ''}`
                : report.split('\n').slice(0, 12).join('\n'),
            );
          }
        }
      }
      expect(requests).toBeGreaterThan(0);
      expect(failures, failures.join('\n\n')).toEqual([]);
    },
    Math.max(300_000, RUNS * 60_000),
  );
});
