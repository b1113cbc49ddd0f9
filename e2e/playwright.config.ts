import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3300);
// Point the tests at an already running server (e.g. while developing) instead of starting one.
const externalUrl = process.env.E2E_BASE_URL;
const baseURL = externalUrl ?? `http://localhost:${port}`;

export default defineConfig({
  testDir: './tests',
  // Separate runs on one machine must not share (and wipe) each other's traces.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One worker: the tests share one server and its sign-in rate limit, on a small machine.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // CI also writes a JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME) that .ci/run adds to its totals.
  reporter: process.env.CI
    ? [
        ['list'],
        ['html', { open: 'never' }],
        ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['json'] as ['json']] : []),
      ]
    : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: externalUrl
    ? undefined
    : {
        command: 'node start-server.mjs',
        url: `${baseURL}/health`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          PORT: String(port),
          HOST: 'localhost',
          PUBLIC_URL: baseURL,
          KLIK_DATA_DIR: path.join(os.tmpdir(), `klik-e2e-${port}`),
          KLIK_DEMO: 'true',
          LOG_LEVEL: 'warn',
          // e2e always runs on the embedded database, even when the shell points at PostgreSQL.
          DATABASE_URL: '',
          SMTP_URL: '',
          // Every test signs in from 127.0.0.1: a production-like limit would throttle the suite.
          KLIK_SIGN_IN_RATE_LIMIT: '200',
        },
      },
});
