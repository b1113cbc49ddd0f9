import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../db/schema.js';
import { createPerson, signIn, TEST_PASSWORD } from '../test/factories.js';
import { createTestContext, type TestContext } from '../test/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

async function latestMailTo(email: string) {
  const [row] = await ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return row;
}

describe('sign-in with email and password', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie (not Secure over plain http)', async () => {
    const person = await createPerson(ctx.app);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name.endsWith('session_token'))!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = await ctx.app.inject({
      url: '/api/me',
      headers: { cookie: `${cookie.name}=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().membership.personId).toBe(person.id);
  });

  it('refuses a wrong password with 401 in the API error shape', async () => {
    const person = await createPerson(ctx.app);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: person.email, password: 'not the password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBeTruthy();
  });

  it('refuses a deactivated person', async () => {
    const person = await createPerson(ctx.app, { isActive: false });
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
  });

  it('does not allow signing up', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { email: 'new@example.test', password: 'long enough password', name: 'New' },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(await latestMailTo('new@example.test')).toBeUndefined();
  });

  it('signs out: the browser drops its cookies and the session itself is gone', async () => {
    const person = await createPerson(ctx.app);
    const cookie = await signIn(ctx.app, person.email);
    expect(cookie).toMatch(/session_data=/);
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie },
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    // Both the token and the signed session cache are cleared in the browser.
    const cleared = out.cookies.filter((c) => c.value === '' || c.maxAge === 0).map((c) => c.name);
    expect(cleared).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/session_token$/),
        expect.stringMatching(/session_data$/),
      ]),
    );
    // A copied token no longer works: the session is deleted. (A copy of the signed cache cookie
    // would carry it for at most SESSION_COOKIE_CACHE_SECONDS; docs/operations.md says so.)
    const tokenOnly = cookie
      .split('; ')
      .filter((c) => c.includes('session_token='))
      .join('; ');
    const me = await ctx.app.inject({ url: '/api/me', headers: { cookie: tokenOnly } });
    expect(me.statusCode).toBe(401);
  });

  it('answers /api routes without a session with 401', async () => {
    const response = await ctx.app.inject({ url: '/api/me', headers: { 'x-klik-locale': 'en' } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in first', details: null },
    });
    const dutch = await ctx.app.inject({ url: '/api/me' });
    expect(dutch.json().error.message).toBe('Log eerst in');
  });
});

describe('magic link', () => {
  it('mails a one-time link to the outbox that signs the person in', async () => {
    const person = await createPerson(ctx.app);
    const request = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/magic-link',
      payload: { email: person.email },
    });
    expect(request.statusCode).toBe(200);
    const mail = await latestMailTo(person.email);
    expect(mail?.subject).toBe('Je inloglink voor Klik');
    const token = /magic-link\?token=([^\s&]+)/.exec(mail!.text)![1]!;
    const verify = await ctx.app.inject({ url: `/api/auth/magic-link/verify?token=${token}` });
    expect(verify.statusCode).toBeLessThan(400);
    const cookie = verify.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await ctx.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json().user.email).toBe(person.email);
    const again = await ctx.app.inject({ url: `/api/auth/magic-link/verify?token=${token}` });
    expect(again.cookies.filter((c) => c.value)).toHaveLength(0);
  });

  it('sends nothing for an unknown address, and says the same', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/magic-link',
      payload: { email: 'stranger@example.test' },
    });
    expect(response.statusCode).toBe(200);
    expect(await latestMailTo('stranger@example.test')).toBeUndefined();
  });
});

describe('password reset', () => {
  it('mails a reset link; the new password works and the old one does not', async () => {
    const person = await createPerson(ctx.app);
    const request = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: person.email, redirectTo: '/reset-password' },
    });
    expect(request.statusCode).toBe(200);
    const mail = await latestMailTo(person.email);
    const token = /reset-password\/([^\s?]+)/.exec(mail!.text)![1]!;
    const reset = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: 'a brand new secret' },
    });
    expect(reset.statusCode).toBe(200);
    await expect(signIn(ctx.app, person.email, 'a brand new secret')).resolves.toContain(
      'session_token',
    );
    await expect(signIn(ctx.app, person.email, TEST_PASSWORD)).rejects.toThrow(/401/);
  });
});

describe('rate limit', () => {
  it('answers repeated failed sign-ins with 429', async () => {
    const limited = await createTestContextWithLimit();
    try {
      const person = await createPerson(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          payload: { email: person.email, password: 'wrong password!' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

async function createTestContextWithLimit() {
  const { createTestContext } = await import('../test/context.js');
  return createTestContext({ signInRateLimit: 3 });
}

describe('secure cookies over TLS', () => {
  it('marks the session cookie Secure when the public URL is https', async () => {
    const { createTestContext } = await import('../test/context.js');
    const tls = await createTestContext({ baseUrl: 'https://klik.example.test' });
    try {
      const person = await createPerson(tls.app);
      const response = await tls.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: 'https://klik.example.test' },
        payload: { email: person.email, password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name.endsWith('session_token'))!;
      expect(cookie.secure).toBe(true);
      expect(cookie.httpOnly).toBe(true);
    } finally {
      await tls.close();
    }
  });
});
