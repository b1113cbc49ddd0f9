import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { InjectOptions, LightMyRequestCallback } from 'fastify';
import { buildApp, type App } from '../app.js';
import type { LogOutput } from '../logger.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database, type Db } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import type { TxtResolver } from '../modules/organisations/domains.js';

export interface TestContext {
  app: App;
  db: Db;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/**
 * Injected requests come from Klik's own page, as the browser's would: an `Origin` of the public
 * URL is added unless the test names one. `headers: { origin: undefined }` sends none (CSRF tests).
 */
function sendOriginByDefault(app: App, origin: string): void {
  const inject = app.inject.bind(app);
  const withOrigin = (opts: InjectOptions | string): InjectOptions => {
    const options = typeof opts === 'string' ? { url: opts } : opts;
    const headers: NonNullable<InjectOptions['headers']> = { ...options.headers };
    const named = Object.keys(headers).find((key) => key.toLowerCase() === 'origin');
    if (named === undefined) headers.origin = origin;
    else if (headers[named] === undefined) delete headers[named];
    return { ...options, headers };
  };
  app.inject = ((opts?: InjectOptions | string, callback?: LightMyRequestCallback) => {
    if (opts === undefined) return inject();
    return callback ? inject(withOrigin(opts), callback) : inject(withOrigin(opts));
  }) as App['inject'];
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or — when DATABASE_URL is set —
 * a new PostgreSQL database created for this file and dropped afterwards.
 */
export async function createTestContext(
  overrides: Partial<Config> = {},
  options: { clock?: () => Date; resolveTxt?: TxtResolver; log?: LogOutput } = {},
): Promise<TestContext> {
  const adminUrl = process.env.DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | null = null;
  let databaseConfig: Config['database'] = { kind: 'pglite', dataDir: null };
  if (adminUrl) {
    const name = `klik_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseConfig = { kind: 'postgres', url: url.toString() };
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  const config: Config = {
    // KLIK_TEST_LOG_LEVEL=error shows the server's log while debugging a test.
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.KLIK_TEST_LOG_LEVEL ?? 'silent',
      PUBLIC_URL: 'http://localhost:3000',
    }),
    database: databaseConfig,
    loadDemoData: false,
    signInRateLimit: 1000,
    signInAddressRateLimit: 100_000,
    // Tests block the event loop on purpose (PGlite runs in this thread, factories hash
    // passwords): no shedding unless a test asks for it (http/overload.int.test.ts).
    overload: { maxEventLoopDelayMs: 60_000, maxDatabaseQueue: 1_000_000 },
    ...overrides,
  };
  const database = await openDatabase(config.database);
  await migrateDatabase(database);
  const app = await buildApp(config, {
    database,
    clock: options.clock,
    log: options.log,
    // No DNS server is reachable from tests: every lookup finds nothing unless a test says so.
    resolveTxt: options.resolveTxt ?? (async () => []),
  });
  await app.ready();
  sendOriginByDefault(app, config.baseUrl);
  return {
    app,
    db: database.db,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
      await dropDatabase?.();
    },
  };
}
