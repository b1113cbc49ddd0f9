import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { acquireDataDirLock } from './lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The database or an open transaction: services and repositories take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The PostgreSQL pool (null on PGlite). */
  pool: pg.Pool | null;
  /** Statements sent through `db` since the database was opened (tests assert query counts). */
  stats: { queries: number };
  /**
   * Work waiting for the database: callers queued for a pool connection (PostgreSQL), or
   * statements and transactions queued behind the one PGlite connection. Load shedding reads it.
   */
  queueDepth(): number;
  close(): Promise<void>;
}

/** Counts every statement drizzle sends (a logger is the one hook both drivers call). */
function countingLogger(stats: { queries: number }) {
  return {
    logQuery: () => {
      stats.queries += 1;
    },
  };
}

/**
 * PGlite runs one statement or transaction at a time; the rest wait on its mutex. Counting the
 * calls that have not finished gives the length of that queue.
 */
function trackInFlight(client: PGlite): () => number {
  let inFlight = 0;
  const track =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      inFlight += 1;
      try {
        return await run(...args);
      } finally {
        inFlight -= 1;
      }
    };
  client.query = track(client.query.bind(client)) as typeof client.query;
  client.exec = track(client.exec.bind(client)) as typeof client.exec;
  client.transaction = track(client.transaction.bind(client)) as typeof client.transaction;
  return () => Math.max(0, inFlight - 1);
}

/**
 * Opens the configured database. PGlite keeps one connection in this process (and a lock file
 * so a second process cannot open the same directory); PostgreSQL uses a connection pool.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const statementTimeout = config.statementTimeoutMs ?? 15_000;
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      // A server that does not answer (down, or silent behind a frozen network) fails the
      // request within these bounds instead of holding it: PostgreSQL cancels a long statement
      // itself; the client gives up a second later when the server cannot even say so.
      connectionTimeoutMillis: config.connectTimeoutMs ?? 5_000,
      statement_timeout: statementTimeout,
      query_timeout: statementTimeout + 1_000,
      idle_in_transaction_session_timeout: statementTimeout * 2,
      // Klik's statements are short aggregates; PostgreSQL's JIT compiler, switched on by a cost
      // estimate on a large programme, spent seconds compiling what runs in milliseconds (the
      // dashboard benchmark, docs/benchmarks.md). Off for every connection of the pool.
      options: '-c jit=off',
    });
    // An idle connection can fail at any time (the server restarts, a proxy drops it): the pool
    // then opens a new one. Without a listener the pool's 'error' event would end the process.
    // After close, connections still shutting down may be terminated; that is expected.
    let closed = false;
    pool.on('error', (error) => {
      if (!closed) console.warn(`An idle PostgreSQL connection failed: ${error.message}`);
    });
    // Fail fast with a readable message when the server is unreachable.
    await pool.query('select 1');
    const stats = { queries: 0 };
    return {
      db: drizzlePostgres(pool, { schema, logger: countingLogger(stats) }) as unknown as Db,
      kind: 'postgres',
      pool,
      stats,
      queueDepth: () => pool.waitingCount,
      close: async () => {
        closed = true;
        await pool.end();
      },
    };
  }
  let releaseLock: (() => void) | null = null;
  let client: PGlite;
  if (config.dataDir) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    releaseLock = await acquireDataDirLock(config.dataDir);
    try {
      client = await PGlite.create(path.join(config.dataDir, 'pgdata'));
    } catch (error) {
      releaseLock();
      throw error;
    }
  } else {
    client = await PGlite.create();
  }
  const stats = { queries: 0 };
  const queueDepth = trackInFlight(client);
  return {
    db: drizzlePglite(client, { schema, logger: countingLogger(stats) }) as unknown as Db,
    kind: 'pglite',
    pool: null,
    stats,
    queueDepth,
    close: async () => {
      try {
        await client.close();
      } finally {
        releaseLock?.();
      }
    },
  };
}
