import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { job, mailOutbox } from '../db/schema.js';
import { runDueJobs, retryDelayMs } from '../modules/jobs/runner.js';
import {
  createPlatformAdmin,
  signedIn,
  signIn,
  verifyDomain,
  type TestPerson,
} from '../test/factories.js';
import { createTestContext, type TestContext } from '../test/context.js';
import { decodeBody, TestSmtpServer } from '../test/smtp-server.js';
import { MAIL_DELIVERY_JOB, MAIL_MAX_ATTEMPTS } from './mailer.js';

/**
 * Mail through a real SMTP conversation (a small server inside the test) that first refuses, is
 * then unreachable, and then accepts: saved changes answer as usual, and the outbox delivers later.
 */
let ctx: TestContext;
const smtp = new TestSmtpServer();
let now = new Date('2030-03-01T09:00:00Z');
let admin: TestPerson & { cookie: string };
let domain: string;

beforeAll(async () => {
  await smtp.start();
  ctx = await createTestContext({ smtpUrl: smtp.url }, { clock: () => now });
  admin = await signedIn(ctx.app, 'org_admin');
  domain = await verifyDomain(ctx.db, admin.organisationId);
});
afterAll(async () => {
  await ctx?.close();
  await smtp.close();
});

async function mailTo(email: string) {
  const [row] = await ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return row!;
}

async function invite(email: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/people',
    headers: { cookie: admin.cookie, origin: ctx.config.baseUrl },
    payload: { email, givenName: 'Mila', familyName: 'Jansen', sendInvitation: true },
  });
}

/** Moves the clock past a mail's next attempt and runs the due jobs, as the loop would. */
async function runLater(attempts: number) {
  now = new Date(now.getTime() + retryDelayMs(attempts));
  await runDueJobs(ctx.db, ctx.app.jobHandlers, now);
}

describe('mail through the outbox', () => {
  it('saves an invitation although the SMTP server refuses, and delivers it once it accepts', async () => {
    smtp.mode = 'refuse';
    const email = `mila-${Date.now()}@${domain}`;
    const response = await invite(email);
    expect(response.statusCode).toBe(201);
    // The kicked delivery after the answer tried once and was refused.
    await ctx.app.jobs.idle();
    const refused = await mailTo(email);
    expect(refused).toMatchObject({ transport: 'smtp', status: 'pending', attempts: 1 });
    expect(refused.error).toContain('550');
    expect(smtp.received).toHaveLength(0);

    // Trying again before the back-off has passed sends nothing.
    await runDueJobs(ctx.db, ctx.app.jobHandlers, now);
    expect((await mailTo(email)).attempts).toBe(1);

    smtp.mode = 'accept';
    await runLater(1);
    const sent = await mailTo(email);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(sent.sentAt?.getTime()).toBe(now.getTime());
    const arrived = smtp.received.filter((m) => m.to.includes(email));
    expect(arrived).toHaveLength(1);
    expect(decodeBody(arrived[0]!.data)).toContain(`Subject: ${sent.subject}`);

    // Nothing is sent twice.
    await runLater(8);
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('answers and keeps the mail when the SMTP server is unreachable', async () => {
    const port = smtp.port;
    await smtp.close();
    try {
      const email = `noor-${Date.now()}@${domain}`;
      const response = await invite(email);
      expect(response.statusCode).toBe(201);
      await ctx.app.jobs.idle();
      const row = await mailTo(email);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.error).toMatch(/ECONNREFUSED|connect/i);
      expect(response.json().email).toBe(email);
    } finally {
      await smtp.start(port);
    }
    smtp.mode = 'accept';
    await runLater(1);
    expect(smtp.received.some((m) => m.to.some((to) => to.startsWith('noor-')))).toBe(true);
  });

  it('delivers a magic link right after the answer, and clears the link from the database once sent', async () => {
    smtp.mode = 'accept';
    const person = await signedIn(ctx.app, 'member', admin.organisationId);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/magic-link',
      headers: { origin: ctx.config.baseUrl },
      payload: { email: person.email },
    });
    expect(response.statusCode).toBe(200);
    // No clock moved, no runner called: the kick after the answer delivered it.
    await ctx.app.jobs.idle();
    const mail = smtp.received.find((m) => m.to.includes(person.email));
    expect(mail).toBeDefined();
    const token = /magic-link\?token=([A-Za-z0-9_-]+)/.exec(decodeBody(mail!.data))?.[1];
    expect(token).toBeTruthy();
    const row = await mailTo(person.email);
    expect(row).toMatchObject({ status: 'sent', isSecret: true, text: '', html: null });
    const verify = await ctx.app.inject({ url: `/api/auth/magic-link/verify?token=${token}` });
    expect(verify.cookies.some((c) => c.name.endsWith('session_token') && c.value)).toBe(true);
  });

  it('marks a mail failed with the reason after its last attempt; platform admins see it', async () => {
    smtp.mode = 'refuse';
    const email = `sam-${Date.now()}@${domain}`;
    expect((await invite(email)).statusCode).toBe(201);
    await ctx.app.jobs.idle();
    for (let attempts = 1; attempts < MAIL_MAX_ATTEMPTS; attempts++) await runLater(attempts);
    const failed = await mailTo(email);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS });
    expect(failed.error).toContain('550');
    const [delivery] = await ctx.db
      .select()
      .from(job)
      .where(eq(job.kind, MAIL_DELIVERY_JOB))
      .orderBy(desc(job.updatedAt))
      .limit(1);
    expect(delivery).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS });

    const platform = await createPlatformAdmin(ctx.app);
    const cookie = await signIn(ctx.app, platform.email);
    const outbox = await ctx.app.inject({ url: '/api/outbox', headers: { cookie } });
    expect(outbox.statusCode).toBe(200);
    const item = outbox.json().items.find((m: { to: string }) => m.to === email);
    expect(item).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS });
    expect(item.error).toContain('550');
    const jobs = await ctx.app.inject({ url: '/api/admin/jobs', headers: { cookie } });
    expect(jobs.json().items.some((j: { kind: string }) => j.kind === MAIL_DELIVERY_JOB)).toBe(
      true,
    );
    const forbidden = await ctx.app.inject({
      url: '/api/outbox',
      headers: { cookie: admin.cookie },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
