import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/context.js';
import { signedIn } from '../test/factories.js';

/** Input the database cannot store, or that Fastify refuses itself: a 400/413 in the error shape. */
let ctx: TestContext;
let headers: Record<string, string>;
beforeAll(async () => {
  // Load shedding measures this (shared, busy) machine, not the app: out of reach, so that
  // no check sees a 503.
  ctx = await createTestContext({
    overload: { maxEventLoopDelayMs: 60_000, maxDatabaseQueue: 1_000_000 },
  });
  const admin = await signedIn(ctx.app, 'org_admin');
  headers = { cookie: admin.cookie, origin: 'http://localhost:3000', 'x-klik-locale': 'en' };
});
afterAll(async () => ctx.close());

const NUL_MESSAGE = 'contains a NUL character (\\u0000), which cannot be stored';

function expectFieldError(response: { statusCode: number; json(): unknown }, field: string) {
  expect(response.statusCode).toBe(400);
  expect(response.json()).toEqual({
    error: {
      code: 'validation_failed',
      message: expect.stringContaining(field),
      details: [{ field, message: NUL_MESSAGE }],
    },
  });
}

describe('a NUL character', () => {
  it('in a text field of the body is a 400 naming the field', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers,
      payload: { name: 'Mentor\u0000ing', type: 'classic' },
    });
    expectFieldError(response, 'body.name');
  });

  it('deep in the body, or in a key, is a 400 naming where', async () => {
    const nested = await ctx.app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers,
      payload: {
        name: 'Mentoring',
        type: 'classic',
        audience: { departments: ['IT', 'H\u0000R'] },
      },
    });
    expectFieldError(nested, 'body.audience.departments.1');
    const key = await ctx.app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers,
      payload: { name: 'Mentoring', type: 'classic', ['we\u0000ights']: {} },
    });
    expectFieldError(key, 'body.we\\u0000ights');
  });

  it('in the query string or a path parameter is a 400 naming it', async () => {
    const query = await ctx.app.inject({ url: '/api/people?search=an%00na', headers });
    expectFieldError(query, 'querystring.search');
    const path = await ctx.app.inject({ url: '/api/programmes/ab%00cd', headers });
    expectFieldError(path, 'params.id');
  });

  it('at sign-in is a 400 too (the auth routes share the hook)', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers,
      payload: { email: 'a\u0000@example.test', password: 'whatever it is' },
    });
    expectFieldError(response, 'body.email');
  });
});

describe('input Fastify refuses before a route runs', () => {
  it('answers an over-long path parameter with a 400 in the error shape', async () => {
    const response = await ctx.app.inject({ url: `/api/people/${'x'.repeat(500)}`, headers });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'bad_request', message: 'A part of the address is too long', details: null },
    });
    const dutch = await ctx.app.inject({
      url: `/api/people/${'x'.repeat(500)}`,
      headers: { ...headers, 'x-klik-locale': 'nl' },
    });
    expect(dutch.json().error.message).toBe('Een deel van het adres is te lang');
  });

  it('answers a 1 MB string with a 400, a body over the limit with a 413, both in the shape', async () => {
    const long = await ctx.app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers,
      payload: { name: 'x'.repeat(1024 * 1024), type: 'classic' },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].field).toBe('body.name');
    const huge = await ctx.app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers,
      payload: { name: 'x'.repeat(6 * 1024 * 1024), type: 'classic' },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ message: 'The request is too large', details: null });
  });

  it('answers deeply nested JSON with a 400 in the shape, quickly', async () => {
    const depth = 100_000;
    for (const payload of [
      '['.repeat(depth) + ']'.repeat(depth),
      '{"name":'.repeat(depth) + '"x"' + '}'.repeat(depth),
    ]) {
      const started = Date.now();
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/programmes',
        headers: { ...headers, 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toMatch(/^(validation_failed|bad_request)$/);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});
