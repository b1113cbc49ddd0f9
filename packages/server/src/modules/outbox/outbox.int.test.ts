import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../db/schema.js';
import { createPerson, createPlatformAdmin, signedIn, signIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

/**
 * Sign-in and reset links are secrets: in the outbox, a platform admin reads them only in demo
 * mode (where following them is the point). Otherwise the mail is listed with its body withheld.
 */
async function askForLinks(ctx: TestContext, email: string) {
  for (const url of ['/api/auth/sign-in/magic-link', '/api/auth/request-password-reset']) {
    const response = await ctx.app.inject({
      method: 'POST',
      url,
      payload: { email, redirectTo: '/reset-password' },
    });
    expect(response.statusCode, url).toBe(200);
  }
}

type OutboxItem = {
  to: string;
  subject: string;
  text: string;
  isSecret: boolean;
  isHidden: boolean;
};

async function readOutbox(ctx: TestContext, cookie: string, locale: 'nl' | 'en' = 'en') {
  const response = await ctx.app.inject({
    url: '/api/outbox',
    headers: { cookie, 'x-klik-locale': locale },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { isDemo: boolean; items: OutboxItem[] };
}

describe('outside demo mode', () => {
  let ctx: TestContext;
  let adminCookie: string;
  beforeAll(async () => {
    ctx = await createTestContext({ loadDemoData: false });
    const admin = await createPlatformAdmin(ctx.app);
    adminCookie = await signIn(ctx.app, admin.email);
  });
  afterAll(async () => ctx.close());

  it('marks sign-in and reset mails secret and lists them without their link', async () => {
    const person = await createPerson(ctx.app);
    await askForLinks(ctx, person.email);
    const rows = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, person.email));
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.isSecret)).toBe(true);

    const outbox = await readOutbox(ctx, adminCookie);
    expect(outbox.isDemo).toBe(false);
    const mine = outbox.items.filter((item) => item.to === person.email);
    // Mail is written in the recipient's language (here the organisation's: Dutch).
    expect(mine.map((item) => item.subject).sort()).toEqual([
      'Een nieuw wachtwoord voor Klik',
      'Je inloglink voor Klik',
    ]);
    for (const item of mine) {
      expect(item).toMatchObject({ isSecret: true, isHidden: true });
      expect(item.text).toBe(
        'This message contains a sign-in link; it is hidden outside demo mode.',
      );
      expect(item.text).not.toMatch(/token|reset-password\//);
    }
    const inDutch = await readOutbox(ctx, adminCookie, 'nl');
    expect(inDutch.items.find((item) => item.to === person.email)?.text).toBe(
      'Dit bericht bevat een inloglink; buiten de demomodus is het verborgen.',
    );
  });

  it('still mails the link itself: only what the outbox API shows is withheld', async () => {
    const person = await createPerson(ctx.app);
    await askForLinks(ctx, person.email);
    const [row] = await ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, person.email))
      .orderBy(mailOutbox.createdAt)
      .limit(1);
    const token = /magic-link\?token=([^\s&]+)/.exec(row!.text)?.[1];
    expect(token).toBeTruthy();
  });

  it('shows mail without a link whole', async () => {
    await ctx.db.insert(mailOutbox).values({
      toAddress: 'plain@example.test',
      subject: 'A plain notification',
      text: 'Bram accepted your request.',
      transport: 'outbox',
    });
    const outbox = await readOutbox(ctx, adminCookie);
    expect(outbox.items.find((item) => item.to === 'plain@example.test')).toMatchObject({
      text: 'Bram accepted your request.',
      isSecret: false,
      isHidden: false,
    });
  });

  it('shows the headers and attachments sent with a mail', async () => {
    await ctx.app.mailer.send({
      to: 'invited@example.test',
      subject: 'Uitnodiging',
      text: 'Een afspraak.',
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      attachments: [
        {
          filename: 'invite.ics',
          contentType: 'text/calendar',
          content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
          method: 'REQUEST',
        },
        { filename: 'notes.txt', contentType: 'text/plain', content: 'Agenda' },
      ],
    });
    const outbox = await readOutbox(ctx, adminCookie);
    expect(outbox.items.find((item) => item.to === 'invited@example.test')).toMatchObject({
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      attachments: [
        {
          filename: 'invite.ics',
          contentType: 'text/calendar',
          method: 'REQUEST',
          content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
        },
        { filename: 'notes.txt', contentType: 'text/plain', method: null, content: 'Agenda' },
      ],
    });
    const hidden = outbox.items.find((item) => item.isHidden);
    expect(hidden).toMatchObject({ headers: {}, attachments: [] });
  });

  it('is for platform admins only', async () => {
    const orgAdmin = await signedIn(ctx.app, 'org_admin');
    const forbidden = await ctx.app.inject({
      url: '/api/outbox',
      headers: { cookie: orgAdmin.cookie },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body).not.toContain('token=');
    expect((await ctx.app.inject({ url: '/api/outbox' })).statusCode).toBe(401);
  });
});

describe('in demo mode', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // loadDemoData only says "demo mode" here: the test database stays empty.
    ctx = await createTestContext({ loadDemoData: true });
  });
  afterAll(async () => ctx.close());

  it('shows the links, so the demo can be followed', async () => {
    const admin = await createPlatformAdmin(ctx.app);
    const cookie = await signIn(ctx.app, admin.email);
    const person = await createPerson(ctx.app);
    await askForLinks(ctx, person.email);
    const outbox = await readOutbox(ctx, cookie);
    expect(outbox.isDemo).toBe(true);
    const link = outbox.items.find((item) => item.subject === 'Je inloglink voor Klik');
    expect(link).toMatchObject({ isSecret: true, isHidden: false });
    const token = /magic-link\?token=([^\s&]+)/.exec(link!.text)?.[1];
    expect(token).toBeTruthy();
    const verify = await ctx.app.inject({ url: `/api/auth/magic-link/verify?token=${token}` });
    expect(verify.statusCode).toBeLessThan(400);
  });
});
