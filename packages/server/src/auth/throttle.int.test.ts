import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, TEST_PASSWORD } from '../test/factories.js';
import { createTestContext, type TestContext } from '../test/context.js';

/**
 * Sign-in throttling: per account (whatever address the attempts come from) and per client address
 * (much higher), with the address taken only from trusted proxy hops. The app trusts one proxy hop,
 * as behind one reverse proxy: the right-most X-Forwarded-For entry is the client.
 */
const ACCOUNT_LIMIT = 3;
const ADDRESS_LIMIT = 8;
let now = new Date('2027-05-03T09:00:00Z');
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(
    { signInRateLimit: ACCOUNT_LIMIT, signInAddressRateLimit: ADDRESS_LIMIT, trustProxy: 1 },
    { clock: () => now },
  );
});
afterAll(async () => ctx.close());

let addressCounter = 0;
/** A fresh client address, so one test's attempts never count against another's. */
function newAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

function signInFrom(forwardedFor: string, email: string, password: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { 'x-forwarded-for': forwardedFor, 'x-klik-locale': 'en' },
    payload: { email, password },
  });
}

describe('per account', () => {
  it('throttles an account after N failures even when every attempt comes from another address', async () => {
    const person = await createPerson(ctx.app);
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT + 1; i++) {
      statuses.push((await signInFrom(newAddress(), person.email, 'wrong password!')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Now even the right password is refused, from yet another address, in another spelling.
    const blocked = await signInFrom(newAddress(), person.email.toUpperCase(), TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(blocked.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: 'Too many attempts. Try again in 15 minutes.',
        details: null,
      },
    });
    // After the window the account signs in again.
    now = new Date(now.getTime() + 15 * 60 * 1000);
    expect((await signInFrom(newAddress(), person.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown account exactly as a known one (no enumeration)', async () => {
    const known = await createPerson(ctx.app);
    const unknownEmail = `nobody-${Date.now()}@example.test`;
    const knownAnswers: string[] = [];
    const unknownAnswers: string[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT + 1; i++) {
      const k = await signInFrom(newAddress(), known.email, 'wrong password!');
      const u = await signInFrom(newAddress(), unknownEmail, 'wrong password!');
      knownAnswers.push(`${k.statusCode} ${k.body}`);
      unknownAnswers.push(`${u.statusCode} ${u.body}`);
    }
    expect(unknownAnswers).toEqual(knownAnswers);
    expect(knownAnswers.at(-1)).toMatch(/^429 /);
  });

  it('does not lock out the office: a colleague behind the same address still signs in', async () => {
    const office = newAddress();
    const typist = await createPerson(ctx.app);
    const colleague = await createPerson(ctx.app);
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      await signInFrom(office, typist.email, 'wrong password!');
    }
    expect((await signInFrom(office, typist.email, TEST_PASSWORD)).statusCode).toBe(429);
    expect((await signInFrom(office, colleague.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a successful sign-in clears the account’s failures', async () => {
    const person = await createPerson(ctx.app);
    const address = newAddress();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) {
        expect((await signInFrom(address, person.email, 'wrong password!')).statusCode).toBe(401);
      }
      expect((await signInFrom(address, person.email, TEST_PASSWORD)).statusCode).toBe(200);
    }
  });

  it('limits sign-in and reset mails per account as well', async () => {
    const person = await createPerson(ctx.app);
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT + 1; i++) {
      const path =
        i % 2 === 0 ? '/api/auth/sign-in/magic-link' : '/api/auth/request-password-reset';
      const response = await ctx.app.inject({
        method: 'POST',
        url: path,
        headers: { 'x-forwarded-for': newAddress() },
        payload: { email: person.email, redirectTo: '/reset-password' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('per address', () => {
  it('still applies: one address spraying many accounts is stopped', async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_LIMIT + 1; i++) {
      const response = await signInFrom(address, `spray-${i}@example.test`, 'wrong password!');
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, ADDRESS_LIMIT).every((s) => s === 401)).toBe(true);
    const last = await signInFrom(address, 'spray-last@example.test', 'wrong password!');
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(last.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(last.json().error.code).toBe('rate_limited');
    // The magic-link page counts towards the same address.
    const verify = await ctx.app.inject({
      url: '/api/auth/magic-link/verify?token=guess',
      headers: { 'x-forwarded-for': address },
    });
    expect(verify.statusCode).toBe(429);
  });

  it('takes the address from the trusted hop only: a spoofed left-most entry does not change the key', async () => {
    const client = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_LIMIT + 1; i++) {
      // The client writes its own X-Forwarded-For; the proxy appends the address it saw.
      const spoofed = `203.0.113.${i}, ${client}`;
      statuses.push((await signInFrom(spoofed, `spoof-${i}@example.test`, 'wrong!')).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    // Someone else behind the proxy is unaffected.
    expect((await signInFrom(newAddress(), 'other@example.test', 'wrong!')).statusCode).toBe(401);
  });

  it('cannot be bypassed by odd spellings of the path', async () => {
    const address = newAddress();
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      await signInFrom(address, `spelling-${i}@example.test`, 'wrong!');
    }
    for (const url of [
      '/api/auth/sign-in/email/',
      '/api/auth/Sign-In/Email',
      '/api/auth//sign-in/email',
    ]) {
      const response = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { 'x-forwarded-for': address },
        payload: { email: 'spelling-x@example.test', password: 'wrong!' },
      });
      expect(response.statusCode, url).toBe(429);
    }
  });
});

describe('without a trusted proxy', () => {
  it('ignores X-Forwarded-For altogether', async () => {
    const direct = await createTestContext({ signInRateLimit: 1000, signInAddressRateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await direct.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          headers: { 'x-forwarded-for': `192.0.2.${i}` },
          payload: { email: `direct-${i}@example.test`, password: 'wrong!' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await direct.close();
    }
  });
});
