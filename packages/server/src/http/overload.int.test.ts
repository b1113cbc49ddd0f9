import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { createTestContext, type TestContext } from '../test/context.js';
import { RETRY_AFTER_SECONDS } from './overload.js';

describe('under database pressure', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      overload: { maxEventLoopDelayMs: 60_000, maxDatabaseQueue: 1 },
    });
  });
  afterAll(() => ctx.close());

  it('sheds requests with 503 + Retry-After; liveness stays fast, readiness says not ready', async () => {
    // Jam the database: more transactions than it has connections (PGlite: one; pg pool: 10),
    // each holding its connection until the gate opens, so the rest queue up.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const jam = Array.from({ length: 14 }, () =>
      ctx.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await gate;
      }),
    );
    try {
      await vi.waitFor(
        async () => {
          const shed = await ctx.app.inject({ url: '/api/programmes' });
          expect(shed.statusCode).toBe(503);
          expect(shed.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
          expect(shed.json()).toEqual({
            error: {
              code: 'overloaded',
              message: 'Klik heeft het nu erg druk. Probeer het over een paar seconden opnieuw.',
              details: null,
            },
          });
        },
        { timeout: 10_000, interval: 50 },
      );
      const english = await ctx.app.inject({
        url: '/api/me',
        headers: { 'x-klik-locale': 'en' },
      });
      expect(english.json().error.message).toMatch(/very busy/);

      const started = performance.now();
      const live = await ctx.app.inject({ url: '/health' });
      expect(live.statusCode).toBe(200);
      expect(performance.now() - started).toBeLessThan(200);

      const ready = await ctx.app.inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', database: ctx.database.kind });
    } finally {
      open();
      await Promise.all(jam);
    }
    // Once the queue drains, requests are served again.
    await vi.waitFor(
      async () => expect((await ctx.app.inject({ url: '/api/programmes' })).statusCode).toBe(401),
      { timeout: 10_000, interval: 50 },
    );
    expect((await ctx.app.inject({ url: '/health/ready' })).json()).toEqual({
      status: 'ok',
      database: ctx.database.kind,
    });
  });
});

describe('under event-loop pressure', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      overload: { maxEventLoopDelayMs: 10, maxDatabaseQueue: 1_000 },
    });
  });
  afterAll(() => ctx.close());

  it('sheds requests while the event loop lags, but never /health', async () => {
    await vi.waitFor(
      async () => {
        // Keep the loop busy for a while so the sampled delay exceeds the (tiny) limit.
        const until = performance.now() + 150;
        while (performance.now() < until) {
          // busy
        }
        await new Promise((resolve) => setImmediate(resolve));
        const shed = await ctx.app.inject({ url: '/api/me' });
        expect(shed.statusCode).toBe(503);
        expect(shed.json().error.code).toBe('overloaded');
        expect((await ctx.app.inject({ url: '/health' })).statusCode).toBe(200);
      },
      { timeout: 10_000, interval: 20 },
    );
  });
});

describe('a request whose client has gone', () => {
  // Builds its own app on an embedded database (slow to migrate on a busy machine).
  it('is not executed', async () => {
    const config = {
      ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' }),
      database: { kind: 'pglite' as const, dataDir: null },
      loadDemoData: false,
    };
    const database = await openDatabase(config.database);
    await migrateDatabase(database);
    const app = await buildApp(config, { database });
    // The request waits (as it would behind a queue) until the test lets it go on.
    let release!: () => void;
    const waiting = new Promise<void>((resolve) => (release = resolve));
    let serverSocketOfFirst: net.Socket | null = null;
    const arrived = new Promise<void>((resolve) => {
      app.addHook('onRequest', async (request) => {
        if (request.headers['x-test-first']) {
          serverSocketOfFirst = request.raw.socket;
          resolve();
          await waiting;
        }
      });
    });
    let executed = 0;
    app.get('/api/test/work', async () => {
      executed += 1;
      return { done: true };
    });
    app.post('/api/test/work', async () => {
      executed += 1;
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const client = net.connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => client.once('connect', () => resolve()));
      client.write(`GET /api/test/work HTTP/1.1\r\nhost: localhost\r\nx-test-first: 1\r\n\r\n`);
      await arrived;
      // The client goes away; wait until the server has seen it.
      const closed = new Promise<void>((resolve) => serverSocketOfFirst!.once('close', resolve));
      client.destroy();
      await closed;
      release();

      const second = await fetch(`http://127.0.0.1:${port}/api/test/work`);
      expect(second.status).toBe(200);
      expect(executed).toBe(1);
      // A request whose body has been read (its stream ended) is still executed.
      const posted = await fetch(`http://127.0.0.1:${port}/api/test/work`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: config.baseUrl },
        body: JSON.stringify({ some: 'body' }),
      });
      expect(posted.status).toBe(200);
      expect(executed).toBe(2);
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);
});
