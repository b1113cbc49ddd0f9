import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../modules/jobs/runner.js';
import { createPerson, signedIn, signIn, type TestPerson } from '../test/factories.js';
import { createTestContext, type TestContext } from '../test/context.js';
import { headerLine, SmtpReceiver, type ReceivedMessage } from '../test/smtp-receiver.js';

/**
 * What people actually receive: mail sent through a real SMTP server started here
 * (`smtp-server`), parsed as a mail client would (`mailparser`). Request, acceptance, reminder
 * (with List-Unsubscribe), an English recipient, and an iCalendar invitation attachment.
 */
let ctx: TestContext;
const smtp = new SmtpReceiver();
let now = new Date('2031-05-05T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

type Caller = TestPerson & { cookie: string; givenName: string };
let org: string;
let programmeId: string;

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  cookie: string,
  payload?: unknown,
) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function participant(
  role: 'mentee' | 'mentor',
  givenName: string,
  profile: { offers?: string[]; wants?: string[]; hobbies?: string[] },
): Promise<Caller> {
  const p = await createPerson(ctx.app, { organisationId: org, givenName });
  const cookie = await signIn(ctx.app, p.email);
  const saved = await call('PUT', '/api/me/profile', cookie, {
    offers: (profile.offers ?? []).map((skill) => ({ skill, level: 4 })),
    wants: (profile.wants ?? []).map((skill) => ({ skill, level: 2 })),
    hobbies: profile.hobbies ?? [],
    experiences: [],
    values: [],
    tags: [],
    languages: ['nl', 'en'],
    availability: [[33, 36]],
    timeZone: 'Europe/Amsterdam',
    meetingMode: 'either',
    place: 'Utrecht',
    about: '',
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const enrolled = await call('POST', `/api/programmes/${programmeId}/enrolment`, cookie, {
    role,
    ...(role === 'mentor' ? { capacity: 3 } : {}),
    answers: {},
  });
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  return { ...p, cookie, givenName };
}

async function sendRequest(from: Caller, to: Caller, message: string, hopes = '') {
  const response = await call('POST', `/api/programmes/${programmeId}/requests`, from.cookie, {
    toPersonId: to.id,
    message,
    hopes,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

/** Lets the delivery job run: the kick after an answer, then anything due. */
async function deliver() {
  await ctx.app.jobs.idle();
  await runDueJobs(ctx.db, ctx.app.jobHandlers, now);
}

function only(messages: ReceivedMessage[]): ReceivedMessage {
  expect(messages).toHaveLength(1);
  return messages[0]!;
}

beforeAll(async () => {
  await smtp.start();
  ctx = await createTestContext({ smtpUrl: smtp.url }, { clock: () => now });
  const manager = await signedIn(ctx.app, 'programme_manager');
  org = manager.organisationId;
  const created = await call('POST', '/api/programmes', manager.cookie, {
    name: 'Presenteren met lef',
    type: 'classic',
    requestExpiryDays: 10,
  });
  expect(created.statusCode, created.body).toBe(201);
  programmeId = created.json().id;
  await call('POST', `/api/programmes/${programmeId}/publish`, manager.cookie);
});
afterAll(async () => {
  await ctx?.close();
  await smtp.close();
});

describe('mail as it arrives', () => {
  it('sends a Dutch request mail with the message, the reasons, one button and a text part, escaped', async () => {
    const mentee = await participant('mentee', 'Mila', {
      wants: ['public-speaking'],
      hobbies: ['Zeilen'],
    });
    const mentor = await participant('mentor', 'Anouk', {
      offers: ['public-speaking'],
      hobbies: ['Zeilen'],
    });
    const request = await sendRequest(
      mentee,
      mentor,
      'Ik wil <b>beter</b> leren presenteren & durven.',
      'Dat ik rustig voor een zaal sta.',
    );
    await deliver();
    const mail = only(smtp.to(mentor.email));
    const { parsed } = mail;
    if (process.env.KLIK_DUMP_MAIL) console.log(mail.raw);
    expect(parsed.subject).toMatch(/vraagt of je mentor wilt zijn in Presenteren met lef/);
    const link = `${ctx.config.baseUrl}/requests/${request.id}`;

    // The plain-text part, in Dutch.
    const text = parsed.text ?? '';
    expect(text).toContain('Hallo Anouk,');
    expect(text).toContain(parsed.subject!);
    expect(text).toContain('> Ik wil <b>beter</b> leren presenteren & durven.');
    expect(text).toContain('> Dat ik rustig voor een zaal sta.');
    expect(text).toContain('Waarom het zou kunnen klikken:');
    expect(text.toLowerCase()).toContain('zeilen');
    expect(text).toContain(link);
    expect(text).toContain('Je krijgt deze e-mail omdat je meedoet aan mentoring in Klik');
    expect(text).not.toMatch(/Hello|Why it could click/);

    // The HTML part: the same, escaped, with exactly one button to the request.
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    expect(html).toContain('lang="nl"');
    expect(html).toContain('Ik wil &#60;b&#62;beter&#60;/b&#62; leren presenteren &#38; durven.');
    expect(html).not.toContain('<b>beter</b>');
    expect(html).toContain('Bekijk het verzoek en antwoord</a>');
    expect(html.match(/font-weight:600;padding:12px 22px/g)).toHaveLength(1);
    expect(html).toContain(`href="${link}"`);
    expect(html.toLowerCase()).toContain('zeilen');

    // Not a reminder: no unsubscribe header or link.
    expect(headerLine(mail, 'List-Unsubscribe')).toBeUndefined();
    expect(text).not.toContain('/unsubscribe');

    // Accepting tells the asker (and both that the relationship started), also in Dutch.
    const accepted = await call('POST', `/api/requests/${request.id}/accept`, mentor.cookie);
    expect(accepted.statusCode, accepted.body).toBe(200);
    await deliver();
    const acceptance = smtp.find(mentee.email, 'heeft je verzoek geaccepteerd');
    expect(
      acceptance,
      smtp
        .to(mentee.email)
        .map((m) => m.parsed.subject)
        .join(' | '),
    ).toBeDefined();
    expect(acceptance!.parsed.text).toContain('Hallo Mila,');
    expect(acceptance!.parsed.text).toContain('Anouk');
    expect(acceptance!.parsed.text).toContain(`${ctx.config.baseUrl}/mentoring`);
    expect(acceptance!.parsed.html).toContain('Naar jullie mentorrelatie</a>');
    const started = smtp.find(mentor.email, 'Jullie klikken');
    expect(started?.parsed.text).toContain('Hallo Anouk,');
  });

  it('writes to an English recipient in English', async () => {
    const mentee = await participant('mentee', 'Noor', { wants: ['storytelling'] });
    const mentor = await participant('mentor', 'Oliver', { offers: ['storytelling'] });
    const saved = await call('PATCH', '/api/me', mentor.cookie, { locale: 'en' });
    expect(saved.statusCode, saved.body).toBe(200);
    const request = await sendRequest(mentee, mentor, 'Wil je me helpen met verhalen vertellen?');
    await deliver();
    const { parsed } = only(smtp.to(mentor.email));
    expect(parsed.subject).toMatch(/asks you to be their mentor in Presenteren met lef/);
    const text = parsed.text ?? '';
    expect(text).toContain('Hello Oliver,');
    // The sender's words are quoted as written; everything around them is English.
    expect(text).toContain('> Wil je me helpen met verhalen vertellen?');
    expect(text).toContain('Why it could click:');
    expect(text).toContain('You get this email because you take part in mentoring on Klik');
    expect(text).toContain(`${ctx.config.baseUrl}/requests/${request.id}`);
    expect(text).not.toMatch(/Hallo|Waarom het zou kunnen klikken|Je krijgt/);
    expect(parsed.html).toContain('lang="en"');
    expect(parsed.html).toContain('View the request and answer</a>');
  });

  it('sends a reminder with List-Unsubscribe (RFC 8058 one-click) and the original message', async () => {
    const mentee = await participant('mentee', 'Sem', { wants: ['public-speaking'] });
    const mentor = await participant('mentor', 'Tess', { offers: ['public-speaking'] });
    await sendRequest(mentee, mentor, 'Heb je tijd voor mij?');
    await deliver();
    const start = now;
    try {
      now = new Date(start.getTime() + 5 * DAY + 1000);
      await runDueJobs(ctx.db, ctx.app.jobHandlers, now);
      await deliver();
    } finally {
      now = start;
    }
    const reminder = smtp.find(mentor.email, 'Herinnering');
    expect(
      reminder,
      smtp
        .to(mentor.email)
        .map((m) => m.parsed.subject)
        .join(' | '),
    ).toBeDefined();
    const unsubscribe = headerLine(reminder!, 'List-Unsubscribe');
    if (process.env.KLIK_DUMP_MAIL) console.log(reminder!.raw.slice(0, 1500));
    expect(unsubscribe).toMatch(
      new RegExp(`^<${ctx.config.baseUrl}/api/unsubscribe\\?token=[A-Za-z0-9_%.-]+>$`),
    );
    expect(headerLine(reminder!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const text = reminder!.parsed.text ?? '';
    expect(text).toContain('> Heb je tijd voor mij?');
    expect(text).toContain('Je krijgt deze herinnering');
    expect(text).toMatch(/Geen herinneringen meer per e-mail\? Afmelden: \S+\/unsubscribe\?token=/);

    // The one-click POST, as a mail provider sends it: no session, no Origin, a form body.
    const url = new URL(unsubscribe!.slice(1, -1));
    const oneClick = await ctx.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { origin: undefined, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode, oneClick.body).toBe(200);
    expect(oneClick.json()).toMatchObject({ category: 'reminders', isUnsubscribed: true });
  });

  it('delivers an attachment with a method as an iCalendar invitation (text/calendar)', async () => {
    const person = await createPerson(ctx.app, { organisationId: org });
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Klik//test//EN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:meeting-123@klik.test',
      'SEQUENCE:0',
      'DTSTAMP:20310505T090000Z',
      'DTSTART:20310510T090000Z',
      'DTEND:20310510T100000Z',
      'SUMMARY:Mentorgesprek',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await ctx.app.mailer.send({
      to: person.email,
      subject: 'Uitnodiging: Mentorgesprek',
      text: 'Een uitnodiging.',
      attachments: [
        { filename: 'invite.ics', contentType: 'text/calendar', content: ics, method: 'REQUEST' },
      ],
    });
    await deliver();
    const mail = only(smtp.to(person.email));
    const calendars = mail.parsed.attachments.filter((a) => a.contentType === 'text/calendar');
    expect(calendars.length).toBeGreaterThanOrEqual(1);
    for (const calendar of calendars) {
      const content = calendar.content.toString('utf8');
      expect(content).toContain('UID:meeting-123@klik.test');
      expect(content).toContain('METHOD:REQUEST');
    }
    // The invitation part carries the method, so calendar clients act on it.
    expect(mail.raw).toMatch(/Content-Type: text\/calendar;[^\r\n]*method=REQUEST/i);
    expect(calendars.some((a) => a.filename === 'invite.ics')).toBe(true);
  });
});
