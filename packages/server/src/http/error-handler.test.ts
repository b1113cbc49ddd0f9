import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.js';
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
    throw new AppError('not_found', 'Thing not found');
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
    const response = await app.inject({ method: 'GET', url: '/missing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'Thing not found', details: null },
    });
  });

  it('never leaks an unknown error: generic 500 with the request id', async () => {
    const app = await buildTestServer();
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('at ');
    const body = response.json();
    expect(body.error.code).toBe('internal');
    expect(body.error.details.requestId).toBeTruthy();
  });
});
