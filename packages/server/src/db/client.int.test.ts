import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../test/context.js';

const adminUrl = process.env.DATABASE_URL;

describe.skipIf(!adminUrl)('the PostgreSQL pool', () => {
  it('outlives the server ending its idle connections, and answers with fresh ones', async () => {
    const ctx = await createTestContext();
    try {
      expect((await ctx.app.inject({ url: '/health' })).statusCode).toBe(200);
      if (ctx.config.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const name = new URL(ctx.config.database.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      const { rowCount } = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      await admin.end();
      expect(rowCount).toBeGreaterThan(0);
      // Give the terminated connections' errors time to arrive: unhandled, they end the process.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await ctx.app.inject({ url: '/health/ready' })).statusCode).toBe(200);
    } finally {
      await ctx.close();
    }
  });
});
