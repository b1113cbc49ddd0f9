import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from './error-handler.js';
import { registerRequestDeadline } from './request-deadline.js';

describe('request deadline', () => {
  it('answers a request still running after the deadline with 503 in the error shape', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    registerRequestDeadline(app, 150);
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    app.get('/stuck', async () => {
      await stuck;
      return { late: true };
    });
    app.get('/quick', async () => ({ ok: true }));
    const answer = await app.inject({ url: '/stuck', headers: { 'x-klik-locale': 'en' } });
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['retry-after']).toBe('5');
    expect(answer.json()).toEqual({
      error: { code: 'timeout', message: expect.stringMatching(/too long/), details: null },
    });
    release();
    expect((await app.inject({ url: '/quick' })).json()).toEqual({ ok: true });
    await app.close();
  });
});
