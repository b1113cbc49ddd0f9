import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { message } from '../i18n/messages.js';
import { registerErrorHandler } from './error-handler.js';

async function buildTestServer() {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.post(
    '/things',
    { schema: { body: z.object({ name: z.string().min(2), size: z.number().int() }) } },
    async () => ({ ok: true }),
  );
  app.get('/boom', async () => {
    throw new Error('database password is hunter2');
  });
  app.get('/missing', async () => {
    throw new AppError('not_found', message('notFound', { thing: { nl: 'Ding', en: 'Thing' } }));
  });
  await app.ready();
  return app;
}

describe('error handler', () => {
  it('answers invalid input with 400 naming every bad field', async () => {
    const app = await buildTestServer();
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { name: 'x', size: 1.5 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation_failed');
    const fields = body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['body.name', 'body.size']);
    expect(body.error.message).toContain('body.name');
  });

  it('answers malformed JSON with a 400 in the same shape', async () => {
    const app = await buildTestServer();
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_request');
  });

  it('maps AppError codes to their status', async () => {
    const app = await buildTestServer();
    const response = await app.inject({
      method: 'GET',
      url: '/missing',
      headers: { 'x-klik-locale': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'Thing not found', details: null },
    });
  });

  it('writes messages in the language of the request, Dutch by default', async () => {
    const app = await buildTestServer();
    const dutch = await app.inject({ method: 'GET', url: '/missing' });
    expect(dutch.json().error.message).toBe('Ding niet gevonden');
    const english = await app.inject({
      method: 'GET',
      url: '/missing',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(english.json().error.message).toBe('Thing not found');
  });

  it('writes zod’s own messages in the language of the request', async () => {
    const app = await buildTestServer();
    const send = (locale: string) =>
      app.inject({
        method: 'POST',
        url: '/things',
        headers: { 'x-klik-locale': locale },
        payload: { name: 'x', size: 1.5 },
      });
    const byField = (details: { field: string; message: string }[]) =>
      Object.fromEntries(details.map((d) => [d.field, d.message]));
    const english = byField((await send('en')).json().error.details);
    expect(english['body.name']).toBe('Too small: expected string to have >=2 characters');
    expect(english['body.size']).toBe('Invalid input: expected int, received number');
    const dutch = await send('nl');
    expect(dutch.json().error.message).toMatch(/^Ongeldige invoer — body\./);
    expect(byField(dutch.json().error.details)['body.name']).toBe(
      'Te kort: verwacht dat string >=2 tekens heeft',
    );
  });

  it('words an unreadable body in the language of the request', async () => {
    const app = await buildTestServer();
    const send = (locale: string) =>
      app.inject({
        method: 'POST',
        url: '/things',
        headers: { 'content-type': 'application/json', 'x-klik-locale': locale },
        payload: '{"name":',
      });
    expect((await send('nl')).json().error.message).toBe(
      'De inhoud van de aanvraag is geen geldige JSON',
    );
    expect((await send('en')).json().error.message).toBe('The request body is not valid JSON');
  });

  it('never leaks an unknown error: generic 500 with the request id', async () => {
    const app = await buildTestServer();
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('at ');
    const body = response.json();
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toBe('Er ging bij ons iets mis. Probeer het opnieuw.');
    expect(body.error.details.requestId).toBeTruthy();
  });
});
