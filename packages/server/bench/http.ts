/**
 * HTTP throughput of Klik's core routes against a bare Fastify hello-world measured in the same
 * run, with autocannon (50 connections, 10 s per route by default), on the embedded database and
 * — when KLIK_BENCH_DATABASE_URL or DATABASE_URL is set — on PostgreSQL (a fresh database is
 * created and dropped).
 *
 *   npm run bench:http -w packages/server
 *   BENCH_DURATION=5 BENCH_CONNECTIONS=50 KLIK_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npm run bench:http -w packages/server
 *   BENCH_CPU_PROF=/tmp/prof npm run bench:http -w packages/server   # V8 CPU profiles of Klik
 *
 * Each server runs in its own child process, so that autocannon (in this process) does not share
 * the servers' event loop. The demo data is loaded (two organisations, their programmes); a
 * programme manager and a member sign in as the web app does (with an Origin header).
 * Results are printed and written to docs/benchmarks.md between the http-bench markers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const here = fileURLToPath(import.meta.url);
const docsFile = path.resolve(path.dirname(here), '../../../docs/benchmarks.md');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PG_URL = process.env.KLIK_BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? null;
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF ?? null;
const WRITE_DOCS = process.env.BENCH_WRITE_DOCS !== '0';
/** BENCH_ONLY=regex measures only the matching routes (with hello-world), e.g. for a profile. */
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
/** Issue 8's targets: the share of hello-world's req/s, and p99 under 100 ms. */
const targets: Record<string, { pglite: number; postgres: number }> = {
  'GET /api/me': { pglite: 0.05, postgres: 0.1 },
};
const otherTarget = { pglite: 0.02, postgres: 0.03 };

// ---------------------------------------------------------------------------------------------
// Child processes: `http.ts hello` or `http.ts klik <port> <pglite|postgres-url>`.

if (process.argv[2] === 'hello') {
  const { default: Fastify } = await import('fastify');
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
} else if (process.argv[2] === 'klik') {
  const port = Number(process.argv[3]);
  const database = process.argv[4]!;
  const { buildApp } = await import('../src/app.js');
  const { loadConfig } = await import('../src/config.js');
  const { openDatabase } = await import('../src/db/client.js');
  const { migrateDatabase } = await import('../src/db/migrate.js');
  const { loadDemoDataIfEmpty } = await import('../src/demo/seed.js');
  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
      PUBLIC_URL: `http://localhost:${port}`,
      PORT: String(port),
    }),
    database:
      database === 'pglite'
        ? { kind: 'pglite' as const, dataDir: null }
        : { kind: 'postgres' as const, url: database },
    loadDemoData: false,
    signInRateLimit: 10_000,
    signInAddressRateLimit: 1_000_000,
  };
  const db = await openDatabase(config.database);
  await migrateDatabase(db);
  const app = await buildApp(config, { database: db });
  await loadDemoDataIfEmpty(db.db, app.auth);
  await app.listen({ port, host: '127.0.0.1' });
  process.send!({ port });
  process.on('disconnect', () => {
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
} else {
  await main();
}

// ---------------------------------------------------------------------------------------------

interface Measured {
  route: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function start(args: string[], cpuProf: boolean): Promise<{ child: ChildProcess; port: number }> {
  const execArgv = ['--conditions=klik-source', '--import', 'tsx'];
  if (cpuProf && CPU_PROF_DIR) execArgv.push('--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`);
  const child = fork(here, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`${args[0]} server exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.disconnect();
  });
}

/** Signs in at `target` (127.0.0.1) as from the app's own page at `origin` (its public URL). */
async function signIn(target: string, origin: string, email: string): Promise<string> {
  const response = await fetch(`${target}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: 'klik-demo-2026' }),
  });
  if (!response.ok)
    throw new Error(`sign-in ${email}: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function getJson(base: string, url: string, cookie: string): Promise<unknown> {
  const response = await fetch(`${base}${url}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function measure(route: string, url: string, cookie?: string): Promise<Measured> {
  if (ONLY && !ONLY.test(route) && !route.startsWith('hello')) {
    return { route, rps: NaN, p50: NaN, p99: NaN, non2xx: 0, errors: 0 };
  }
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: cookie ? { cookie } : {},
  });
  const measured = {
    route,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  console.log(
    `  ${route.padEnd(36)} ${measured.rps.toFixed(0).padStart(7)} req/s  p50 ${measured.p50} ms  p99 ${measured.p99} ms` +
      (measured.non2xx || measured.errors
        ? `  (non-2xx ${measured.non2xx}, errors ${measured.errors})`
        : ''),
  );
  return measured;
}

/** Finds, through the API, a programme where the member can ask for suggestions. */
async function suggestionsUrl(base: string, member: string): Promise<string> {
  const { items } = (await getJson(base, '/api/programmes?limit=200', member)) as {
    items: { id: string; myEnrolment: { role: string } | null }[];
  };
  for (const p of items.filter((p) => p.myEnrolment && p.myEnrolment.role !== 'mentor')) {
    const url = `/api/programmes/${p.id}/suggestions`;
    const response = await fetch(`${base}${url}`, { headers: { cookie: member } });
    if (response.ok) return url;
  }
  throw new Error('no programme where the demo member gets suggestions');
}

async function runOne(kind: 'pglite' | 'postgres', database: string) {
  const hello = await start(['hello'], false);
  const port = 3700 + Math.floor(Math.random() * 200);
  const klik = await start(['klik', String(port), database], true);
  const base = `http://localhost:${port}`;
  const target = `http://127.0.0.1:${port}`;
  try {
    const manager = () => signIn(target, base, 'programma@noordzee.demo');
    const member = () => signIn(target, base, 'medewerker@noordzee.demo');
    const suggestions = await suggestionsUrl(target, await member());
    console.log(`\n${kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}:`);
    const results: Measured[] = [];
    results.push(await measure('hello-world (bare Fastify)', `http://127.0.0.1:${hello.port}/`));
    // A fresh sign-in before each route: the signed session cookie cache (20 s) then covers the
    // whole run, as a browser keeps it fresh from the Set-Cookie answers autocannon ignores.
    results.push(await measure('GET /api/me', `${target}/api/me`, await member()));
    results.push(
      await measure('GET /api/programmes (manager)', `${target}/api/programmes`, await manager()),
    );
    results.push(
      await measure('GET …/suggestions (member)', `${target}${suggestions}`, await member()),
    );
    results.push(
      await measure(
        'GET /api/people?search=de (manager)',
        `${target}/api/people?search=de`,
        await manager(),
      ),
    );
    results.push(
      await measure(
        'GET /api/requests?box=outbox (member)',
        `${target}/api/requests?box=outbox`,
        await member(),
      ),
    );
    return results;
  } finally {
    await stop(klik.child);
    await stop(hello.child);
  }
}

function table(kind: 'pglite' | 'postgres', results: Measured[]): string {
  const hello = results[0]!.rps;
  const lines = [
    '| route | req/s | p50 | p99 | × hello-world | target | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of results) {
    const ratio = r.rps / hello;
    const isHello = r === results[0];
    const goal = (targets[r.route.split(' (')[0]!] ?? otherTarget)[kind];
    const met = ratio >= goal && r.p99 < 100 && r.non2xx === 0 && r.errors === 0;
    const extra = r.non2xx || r.errors ? ` (non-2xx ${r.non2xx}, errors ${r.errors})` : '';
    lines.push(
      `| ${r.route} | ${r.rps.toFixed(0)}${extra} | ${r.p50} ms | ${r.p99} ms | ${
        isHello ? '1' : `${(ratio * 100).toFixed(1)} %`
      } | ${isHello ? '' : `≥ ${goal * 100} %, p99 < 100 ms`} | ${isHello ? '' : met ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const sections: string[] = [];
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const load = os.loadavg().map((l) => l.toFixed(1));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load average at start ${load.join(' / ')}`;
  console.log(`HTTP bench: ${CONNECTIONS} connections, ${DURATION} s per route. ${machine}`);

  sections.push(
    `### Embedded database (PGlite, in memory)\n\n${table('pglite', await runOne('pglite', 'pglite'))}`,
  );

  if (PG_URL) {
    const name = `klik_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    try {
      sections.push(
        `### PostgreSQL (${(await admin.query('show server_version')).rows[0].server_version}, same machine, loopback)\n\n${table(
          'postgres',
          await runOne('postgres', url.toString()),
        )}`,
      );
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    console.log('\n(PostgreSQL skipped: set KLIK_BENCH_DATABASE_URL or DATABASE_URL)');
  }

  if (!WRITE_DOCS) return;
  const block = [
    '<!-- http-bench:start -->',
    `Run of ${when} UTC: ${CONNECTIONS} connections, ${DURATION} s per route, autocannon in the bench process, each server in its own child process. ${machine}.`,
    '',
    ...sections.flatMap((s) => [s, '']),
    '<!-- http-bench:end -->',
  ].join('\n');
  const docs = fs.readFileSync(docsFile, 'utf8');
  const startAt = docs.indexOf('<!-- http-bench:start -->');
  const endAt = docs.indexOf('<!-- http-bench:end -->');
  const next =
    startAt >= 0 && endAt > startAt
      ? docs.slice(0, startAt) + block + docs.slice(endAt + '<!-- http-bench:end -->'.length)
      : `${docs.trimEnd()}\n\n## HTTP routes against hello-world (issue 8)\n\n${block}\n`;
  fs.writeFileSync(docsFile, next);
  console.log(`\nwritten to ${path.relative(process.cwd(), docsFile)}`);
}
