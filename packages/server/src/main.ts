import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ensureRelationshipSweep } from './modules/relationships/lifecycle-service.js';
import { CHECKIN_SWEEP_JOB, ensureCheckInSweep } from './modules/checkins/service.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/lock.js';
import { migrateDatabase } from './db/migrate.js';
import { demoSignIns, loadDemoDataIfEmpty } from './demo/seed.js';
import type { LogOutput } from './logger.js';

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, {
      webDistDir: defaultWebDist,
      inContainer: fs.existsSync('/.dockerenv') || fs.existsSync('/run/.containerenv'),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let database;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(`Cannot open the database: ${(error as Error).message}`);
    process.exit(1);
  }
  await migrateDatabase(database);

  // A person at a terminal gets readable lines and a quiet request log; anything else gets JSON.
  let log: LogOutput = {};
  if (process.stdout.isTTY && config.logLevel !== 'silent') {
    const { default: pretty } = await import('pino-pretty');
    log = {
      stream: pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }),
      quietRequests: true,
    };
  }
  const app = await buildApp(config, { database, log });
  const seeded = config.loadDemoData ? await loadDemoDataIfEmpty(database.db, app.auth) : false;

  // Background jobs (request reminders and expiry, mail delivery). Every process may run this loop: jobs are
  // claimed with FOR UPDATE SKIP LOCKED.
  // The daily relationship sweep (completion at a programme's end date, pauses' return dates):
  // one job per day, so every process may ensure it.
  await ensureRelationshipSweep(database.db, app.clock());
  // The hourly check-in sweep (check-ins due, reminders), keyed by the hour in the same way.
  await ensureCheckInSweep(database.db, app.clock());
  app.jobs.start(30_000);
  // Check-ins due while the server was down go out now, not at the first interval.
  app.jobs.kick([CHECKIN_SWEEP_JOB]);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      console.error('Shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where =
    config.database.kind === 'pglite'
      ? `embedded database in ${config.database.dataDir}`
      : 'PostgreSQL';
  const lines = [
    '',
    `  Klik is running at ${config.baseUrl}  (${where})`,
    config.webDistDir ? '' : '  (web app not built: API only)',
  ];
  if (config.loadDemoData) {
    lines.push(seeded ? '  Demo data loaded. Demo sign-ins:' : '  Demo sign-ins:');
    const roleWidth = Math.max(...demoSignIns.map((s) => s.role.length));
    const emailWidth = Math.max(...demoSignIns.map((s) => s.email.length));
    for (const s of demoSignIns)
      lines.push(`    ${s.role.padEnd(roleWidth)}  ${s.email.padEnd(emailWidth)}  ${s.password}`);
    lines.push(
      '  Or ask for a magic link: without SMTP_URL it lands in the outbox (platform admin → Outbox).',
    );
  }
  console.log(lines.filter((l) => l !== '').join('\n') + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
