import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) are pure and fast; integration tests (*.int.test.ts) run against a
// real database: a fresh in-memory PGlite per file, or PostgreSQL when DATABASE_URL is set.
export default defineConfig({
  resolve: { conditions: ['klik-source'] },
  ssr: { resolve: { conditions: ['klik-source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'match',
          root: 'packages/match',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server-unit',
          root: 'packages/server',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server-int',
          root: 'packages/server',
          include: ['src/**/*.int.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          root: 'packages/web',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
        },
      },
    ],
  },
});
