import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, signedIn } from '../test/factories.js';
import { createTestContext, type TestContext } from '../test/context.js';

/** Every message the server writes for a user comes back in the language the screen shows. */
let ctx: TestContext;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx.app, 'org_admin');
});
afterAll(async () => ctx.close());

type Locale = 'nl' | 'en';
interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  fields: Record<string, string>;
}

async function call(
  locale: Locale,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
): Promise<ErrorAnswer> {
  const response = await ctx.app.inject({
    method,
    url,
    headers: { cookie: admin.cookie, 'x-klik-locale': locale },
    ...(payload ? { payload } : {}),
  });
  const { error } = response.json();
  const details: { field: string; message: string }[] = Array.isArray(error.details)
    ? error.details
    : [];
  return {
    status: response.statusCode,
    code: error.code,
    message: error.message,
    fields: Object.fromEntries(details.map((d) => [d.field, d.message])),
  };
}

describe('error messages in Dutch and English', () => {
  it('names each bad field in the request’s language: our own and zod’s messages (400)', async () => {
    const payload = {
      email: `new-${randomUUID()}@example.test`,
      givenName: '   ',
      familyName: 'x'.repeat(101),
    };
    const nl = await call('nl', 'POST', '/api/people', payload);
    expect(nl.status).toBe(400);
    expect(nl.code).toBe('validation_failed');
    expect(nl.fields).toEqual({
      'body.givenName': 'is verplicht',
      'body.familyName': 'Te lang: verwacht dat string <=100 tekens heeft',
    });
    expect(nl.message).toBe(
      'Ongeldige invoer — body.givenName: is verplicht; body.familyName: Te lang: verwacht dat string <=100 tekens heeft',
    );

    const en = await call('en', 'POST', '/api/people', payload);
    expect(en.status).toBe(400);
    expect(en.code).toBe('validation_failed');
    expect(en.fields).toEqual({
      'body.givenName': 'is required',
      'body.familyName': 'Too big: expected string to have <=100 characters',
    });
    expect(en.message).toMatch(/^Invalid input — body\.givenName: is required; /);
  });

  it('fills the numbers of a schema message in from the rule', async () => {
    const someone = await createPerson(ctx.app, { organisationId: admin.organisationId });
    const url = `/api/people/${someone.id}`;
    expect((await call('nl', 'PATCH', url, { jobLevel: 25 })).fields).toEqual({
      'body.jobLevel': 'hoogstens 20',
    });
    expect((await call('en', 'PATCH', url, { jobLevel: 0 })).fields).toEqual({
      'body.jobLevel': 'at least 1',
    });
    expect((await call('en', 'PATCH', url, { startDate: '1 May' })).fields).toEqual({
      'body.startDate': 'use YYYY-MM-DD',
    });
  });

  it('writes the messages of schemas declared beside their routes in the request’s language', async () => {
    const programme = `/api/programmes/${randomUUID()}`;
    const request = { toPersonId: randomUUID(), message: '   ' };
    expect((await call('nl', 'POST', `${programme}/requests`, request)).fields).toEqual({
      'body.message': 'schrijf een persoonlijk bericht van minstens 10 tekens',
    });
    expect((await call('en', 'POST', `${programme}/requests`, request)).fields).toEqual({
      'body.message': 'write a personal message of at least 10 characters',
    });
    const question = await call('nl', 'POST', `/api/requests/${randomUUID()}/messages`, {
      body: ' ',
    });
    expect(question).toMatchObject({ status: 400, fields: { 'body.body': 'is verplicht' } });
    const suggestions = await call('nl', 'GET', `${programme}/suggestions?language=Dutch`);
    expect(suggestions).toMatchObject({
      status: 400,
      fields: { 'querystring.language': 'een taalcode zoals nl of en' },
    });
  });

  it('writes a service’s refusal in the request’s language, naming the field (422)', async () => {
    const org = admin.organisationId;
    const boss = await createPerson(ctx.app, { organisationId: org });
    const report = await createPerson(ctx.app, { organisationId: org, managerId: boss.id });
    const url = `/api/people/${boss.id}`;

    const nl = await call('nl', 'PATCH', url, { managerId: report.id });
    expect(nl).toEqual({
      status: 422,
      code: 'unprocessable',
      message: 'body.managerId: zou een kringloop in de rapportagelijn maken',
      fields: { 'body.managerId': 'zou een kringloop in de rapportagelijn maken' },
    });
    const en = await call('en', 'PATCH', url, { managerId: report.id });
    expect(en).toEqual({
      status: 422,
      code: 'unprocessable',
      message: 'body.managerId: would make a reporting-line cycle',
      fields: { 'body.managerId': 'would make a reporting-line cycle' },
    });
  });

  it('says what was not found in the request’s language (404)', async () => {
    const url = `/api/people/${randomUUID()}`;
    expect(await call('nl', 'GET', url)).toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'Persoon niet gevonden',
    });
    expect(await call('en', 'GET', url)).toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'Person not found',
    });
  });

  it('answers an unknown route and an unreadable body in the request’s language', async () => {
    expect(await call('nl', 'GET', '/api/nothing-here?x=1')).toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'Geen route GET /api/nothing-here',
    });
    expect((await call('en', 'GET', '/api/nothing-here')).message).toBe(
      'No route GET /api/nothing-here',
    );
    const unreadable = (locale: Locale) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/people',
        headers: {
          cookie: admin.cookie,
          'x-klik-locale': locale,
          'content-type': 'application/json',
        },
        payload: '{"email":',
      });
    const nl = await unreadable('nl');
    expect(nl.statusCode).toBe(400);
    expect(nl.json().error).toMatchObject({
      code: 'bad_request',
      message: 'De inhoud van de aanvraag is geen geldige JSON',
    });
    expect((await unreadable('en')).json().error.message).toBe(
      'The request body is not valid JSON',
    );
  });

  it('follows the browser’s language when the screen does not say', async () => {
    const response = await ctx.app.inject({
      url: '/api/me',
      headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Sign in first');
  });
});
