import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { Database } from './client.js';

/** Same folder from src/db (tests, dev) and dist/db (production). */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Brings the schema up to date; runs at every start, so an upgrade is "install and start". */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Several server processes may start at once: one migrates while the others wait.
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock(7201020)');
    await migratePostgres(drizzlePostgres(client) as unknown as NodePgDatabase, {
      migrationsFolder,
    });
  } finally {
    await client.query('select pg_advisory_unlock(7201020)').catch(() => undefined);
    client.release();
  }
}
