import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { openDatabase, type Database } from '../db/client.js';
import { createTestContext, type TestContext } from './context.js';
import { createPerson, signIn } from './factories.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

/**
 * The database goes silent, then away, then comes back, between Klik and PostgreSQL (a TCP proxy
 * in the test): requests answer 503 in the error shape within their timeouts instead of hanging
 * or answering 500, and Klik recovers by itself. PostgreSQL only.
 */
const usesPostgres = Boolean(process.env.DATABASE_URL);

let ctx: TestContext;
let proxy: TcpProxy;
let proxied: { app: App; database: Database };
let cookie: string;

beforeAll(async () => {
  if (!usesPostgres) return;
  ctx = await createTestContext();
  if (ctx.config.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const url = new URL(ctx.config.database.url);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  const config = {
    ...ctx.config,
    database: {
      kind: 'postgres' as const,
      url: url.toString(),
      connectTimeoutMs: 500,
      statementTimeoutMs: 700,
    },
    requestTimeoutMs: 4_000,
  };
  const database = await openDatabase(config.database);
  const app = await buildApp(config, { database });
  await app.ready();
  proxied = { app, database };
  const member = await createPerson(ctx.app, { role: 'org_admin' });
  cookie = await signIn(ctx.app, member.email);
});

afterAll(async () => {
  if (!usesPostgres) return;
  await proxied.app.close();
  await proxied.database.close();
  await proxy.close();
  await ctx.close();
});

async function timed(url: string) {
  const started = Date.now();
  const response = await proxied.app.inject({ url, headers: { cookie } });
  return { response, ms: Date.now() - started };
}

describe.skipIf(!usesPostgres)('a database that hangs or goes away', () => {
  it('answers normally through the proxy', async () => {
    const { response } = await timed('/api/people');
    expect(response.statusCode).toBe(200);
  });

  it('answers 503 with Retry-After, in the error shape, when the database hangs', async () => {
    proxy.freeze();
    const { response, ms } = await timed('/api/people');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.json().error.code).toMatch(/database_unavailable|timeout/);
    expect(ms).toBeLessThan(4_500);
    // Readiness says so within its own timeout; liveness still answers at once.
    const ready = await timed('/health/ready');
    expect(ready.response.statusCode).toBe(503);
    expect(ready.ms).toBeLessThan(2_000);
    const live = await timed('/health');
    expect(live.response.statusCode).toBe(200);
    expect(live.ms).toBeLessThan(200);
    proxy.resume();
  });

  it('answers 503 when the database is down, and recovers by itself when it returns', async () => {
    proxy.cut();
    const down = await timed('/api/people');
    expect(down.response.statusCode).toBe(503);
    expect(down.response.json().error).toMatchObject({ code: 'database_unavailable' });
    expect(down.response.body).not.toMatch(/ECONNREFUSED|stack|at /);
    proxy.resume();
    const back = await timed('/api/people');
    expect(back.response.statusCode).toBe(200);
    expect((await timed('/health/ready')).response.statusCode).toBe(200);
  });
});
