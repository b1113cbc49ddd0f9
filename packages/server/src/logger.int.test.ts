import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mailOutbox } from './db/schema.js';
import { scrubText } from './logger.js';
import { createPerson } from './test/factories.js';
import { createTestContext, type TestContext } from './test/context.js';

/** Every log line the app writes, at the most talkative level. */
const lines: string[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

/** And whatever a library prints to the console itself (better-call prints failed requests). */
const consoleLines: string[] = [];

let ctx: TestContext;
beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((arg) => inspect(arg, { depth: 5 })).join(' '));
    });
  }
  ctx = await createTestContext({ logLevel: 'trace' }, { log: { stream: capture } });
});
afterAll(async () => {
  await ctx.close();
  vi.restoreAllMocks();
});

async function latestMailTo(email: string) {
  const [row] = await ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return row!;
}

async function magicLinkToken(email: string): Promise<string> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/magic-link',
    payload: { email },
  });
  expect(response.statusCode).toBe(200);
  return /magic-link\?token=([^\s&]+)/.exec((await latestMailTo(email)).text)![1]!;
}

describe('logs keep no secrets', () => {
  it('scrubs tokens from URLs, query parameters and database error parameters', () => {
    expect(scrubText('/api/auth/magic-link/verify?token=abc123&callbackURL=%2F')).toBe(
      '/api/auth/magic-link/verify?token=[redacted]&callbackURL=%2F',
    );
    expect(scrubText('/api/auth/reset-password/abcDEF123?callbackURL=/x')).toBe(
      '/api/auth/reset-password/[redacted]?callbackURL=/x',
    );
    expect(scrubText('GET /calendar/Zx9-_abc123.ics')).toBe('GET /calendar/[redacted].ics');
    expect(scrubText('Failed query: select * from "session" where "token" = $1\nparams: tok')).toBe(
      'Failed query: select * from "session" where "token" = $1\nparams: [redacted]',
    );
    expect(scrubText('Key (token)=(tok) already exists.')).toBe(
      'Key (token)=([redacted]) already exists.',
    );
  });

  it('never writes a magic-link, reset or session token, also when the database fails', async () => {
    const person = await createPerson(ctx.app);
    const secrets: string[] = [];

    // Sign in through a magic link.
    const token = await magicLinkToken(person.email);
    secrets.push(token);
    const verify = await ctx.app.inject({ url: `/api/auth/magic-link/verify?token=${token}` });
    expect(verify.statusCode).toBeLessThan(400);
    const sessionCookie = verify.cookies.find((c) => c.name.endsWith('session_token'))!;
    const sessionToken = decodeURIComponent(sessionCookie.value).split('.')[0]!;
    secrets.push(sessionToken);
    const cookie = `${sessionCookie.name}=${sessionCookie.value}`;
    expect((await ctx.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);

    // A reset link, followed.
    const reset = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: person.email, redirectTo: '/reset-password' },
    });
    expect(reset.statusCode).toBe(200);
    const resetToken = /reset-password\/([^\s?/]+)/.exec(
      (await latestMailTo(person.email)).text,
    )![1]!;
    secrets.push(resetToken);
    await ctx.app.inject({
      url: `/api/auth/reset-password/${resetToken}?callbackURL=%2Freset-password`,
    });

    // Forced errors: the tables better-auth looks tokens up in are gone for a moment, so its
    // queries fail with the token as a parameter.
    const unusedToken = await magicLinkToken(person.email);
    secrets.push(unusedToken);
    await ctx.db.execute(sql`alter table "session" rename to "session_away"`);
    await ctx.db.execute(sql`alter table "verification" rename to "verification_away"`);
    try {
      const me = await ctx.app.inject({ url: '/api/me', headers: { cookie } });
      expect(me.statusCode).toBeGreaterThanOrEqual(500);
      const failedVerify = await ctx.app.inject({
        url: `/api/auth/magic-link/verify?token=${unusedToken}`,
      });
      expect(failedVerify.statusCode).toBeGreaterThanOrEqual(300);
    } finally {
      await ctx.db.execute(sql`alter table "session_away" rename to "session"`);
      await ctx.db.execute(sql`alter table "verification_away" rename to "verification"`);
    }

    const log = lines.join('') + consoleLines.join('\n');
    // The log did see all of it: the requests and the database failure.
    expect(log).toContain('/api/auth/magic-link/verify?token=[redacted]');
    expect(log).toContain('/api/auth/reset-password/[redacted]');
    expect(log).toContain('42P01'); // undefined_table: the forced failures were logged
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(16);
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain(sessionCookie.value);
  });
});
