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
  close(): Promise<void>;
}

/**
 * Opens the configured database. PGlite keeps one connection in this process (and a lock file
 * so a second process cannot open the same directory); PostgreSQL uses a connection pool.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle connection can fail at any time (the server restarts, a proxy drops it): the pool
    // then opens a new one. Without a listener the pool's 'error' event would end the process.
    // After close, connections still shutting down may be terminated; that is expected.
    let closed = false;
    pool.on('error', (error) => {
      if (!closed) console.warn(`An idle PostgreSQL connection failed: ${error.message}`);
    });
    // Fail fast with a readable message when the server is unreachable.
    await pool.query('select 1');
    return {
      db: drizzlePostgres(pool, { schema }) as unknown as Db,
      kind: 'postgres',
      pool,
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
    releaseLock = acquireDataDirLock(config.dataDir);
    try {
      client = await PGlite.create(path.join(config.dataDir, 'pgdata'));
    } catch (error) {
      releaseLock();
      throw error;
    }
  } else {
    client = await PGlite.create();
  }
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    pool: null,
    close: async () => {
      try {
        await client.close();
      } finally {
        releaseLock?.();
      }
    },
  };
}
