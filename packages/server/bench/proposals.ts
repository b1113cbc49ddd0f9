/**
 * How long the manager's "propose introductions" run takes for a programme of 1,000 mentees and
 * 400 mentors, end to end through HTTP on the embedded database (the web app's path): loading the
 * pool, scoring, the exactly optimal assignment and the answer with reasons.
 *
 *   npm run bench -w packages/server
 *
 * With BENCH_BROWSER=1 (after `npm run build`), it also serves the built web app and times the
 * same run in headless Chromium (/usr/bin/chromium, or BENCH_CHROMIUM): from the manager's click
 * on "Voorstel berekenen" until the proposal board shows its totals and the table of pairs, and
 * reports that against the API time measured in the same run.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { skillCatalogue } from '../src/modules/skills/catalogue.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { enrolment, organisation, person, profile, programme, user } from '../src/db/schema.js';
import { createPerson, signIn, TEST_PASSWORD } from '../src/test/factories.js';

const MENTEES = Number(process.env.BENCH_MENTEES ?? 1000);
const MENTORS = Number(process.env.BENCH_MENTORS ?? 400);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BROWSER = process.env.BENCH_BROWSER === '1';
const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const skills = skillCatalogue.map((s) => s.id);
// Skewed popularity: a few skills are wanted by many.
const popularSkill = () => skills[Math.floor(skills.length * random() ** 2.5)]!;
const hobbies = [
  'Zeilen',
  'Hardlopen',
  'Koken',
  'Fietsen',
  'Schaken',
  'Fotografie',
  'Tuinieren',
  'Voetbal',
  'Muziek',
  'Lezen',
  'Yoga',
  'Gamen',
];

const config = {
  ...loadConfig(
    { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent', PUBLIC_URL: 'http://127.0.0.1:3600' },
    { webDistDir: BROWSER ? webDist : undefined },
  ),
  database: { kind: 'pglite' as const, dataDir: null },
  loadDemoData: false,
};
const database = await openDatabase(config.database);
await migrateDatabase(database);
const app = await buildApp(config, { database });
await app.ready();
const db = database.db;

const [org] = await db.insert(organisation).values({ name: 'Bench BV', slug: 'bench' }).returning();
const manager = await createPerson(app, { organisationId: org!.id, role: 'programme_manager' });
const cookie = await signIn(app, manager.email);
const [prog] = await db
  .insert(programme)
  .values({
    organisationId: org!.id,
    name: 'Bench',
    type: 'classic',
    status: 'published',
    matchingMode: 'manager_proposes',
    conflictRules: {
      reportingLineLevels: 2,
      excludeSameTeam: true,
      excludeSameDepartment: false,
      excludeEarlierPairs: true,
    },
  })
  .returning();

const total = MENTEES + MENTORS;
const ids = Array.from({ length: total }, () => crypto.randomUUID());
const departments = ['IT', 'Finance', 'HR', 'Sales', 'Claims', 'Service'];
for (let start = 0; start < total; start += 200) {
  const slice = ids.slice(start, start + 200);
  await db
    .insert(user)
    .values(
      slice.map((id) => ({ id: `u-${id}`, email: `${id}@bench.test`, name: id.slice(0, 8) })),
    );
  await db.insert(person).values(
    slice.map((id, i) => {
      const n = start + i;
      return {
        id,
        organisationId: org!.id,
        userId: `u-${id}`,
        email: `${id}@bench.test`,
        givenName: `P${n}`,
        familyName: 'Bench',
        department: departments[n % departments.length]!,
        team: `T${n % 60}`,
        managerId:
          n >= MENTEES && n % 10 !== 0 ? ids[MENTEES + Math.floor((n - MENTEES) / 10) * 10] : null,
      };
    }),
  );
  await db.insert(profile).values(
    slice.map((id, i) => {
      const isMentor = start + i >= MENTEES;
      const s = Array.from({ length: 3 }, popularSkill);
      return {
        personId: id,
        organisationId: org!.id,
        offers: isMentor ? [...new Set(s)].map((skill) => ({ skill, level: 4 })) : [],
        wants: isMentor ? [] : [...new Set(s)].map((skill) => ({ skill, level: 3 })),
        hobbies: [
          hobbies[Math.floor(random() * hobbies.length)]!,
          hobbies[Math.floor(random() * hobbies.length)]!,
        ],
        languages: random() < 0.8 ? ['nl', 'en'] : ['nl'],
        availability: [
          ((from) => [from, from + 2 + Math.floor(random() * 6)] as [number, number])(
            Math.floor(random() * 150),
          ),
        ],
      };
    }),
  );
  await db.insert(enrolment).values(
    slice.map((id, i) => {
      const isMentor = start + i >= MENTEES;
      return {
        programmeId: prog!.id,
        organisationId: org!.id,
        personId: id,
        role: isMentor ? ('mentor' as const) : ('mentee' as const),
        capacity: isMentor ? 1 + Math.floor(random() * 4) : null,
      };
    }),
  );
}

const times: number[] = [];
let last: { totals: Record<string, number | null> } | null = null;
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  const response = await app.inject({
    method: 'POST',
    url: `/api/programmes/${prog!.id}/proposals/run`,
    headers: { cookie, origin: config.baseUrl },
    payload: { mode: 'optimal' },
  });
  times.push(performance.now() - t0);
  if (response.statusCode !== 200)
    throw new Error(`run failed: ${response.statusCode} ${response.body}`);
  last = response.json();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(
  `| proposals run, ${MENTEES} mentees × ${MENTORS} mentors (HTTP, PGlite) | median ${(median / 1000).toFixed(2)} s | min ${(times[0]! / 1000).toFixed(2)} s | max ${(times.at(-1)! / 1000).toFixed(2)} s | ${RUNS} runs |`,
);
console.log(`totals: ${JSON.stringify(last?.totals)}`);

if (BROWSER) {
  const { chromium } = await import('playwright-core');
  await app.listen({ host: '127.0.0.1', port: 3600 });
  const browser = await chromium.launch({
    executablePath: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  await page.goto('http://127.0.0.1:3600/sign-in');
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(manager.email);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
  await page.goto(`http://127.0.0.1:3600/programmes/${prog!.id}/proposals`);
  const pageTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const button = page.getByRole('button', { name: /^(Voorstel berekenen|Opnieuw berekenen)$/ });
    const responded = page.waitForResponse(
      (r) => r.url().endsWith('/proposals/run') && r.request().method() === 'POST',
      { timeout: 60_000 },
    );
    const t0 = performance.now();
    await button.click();
    await responded;
    // Done when every proposed pair's row is on screen, nothing is loading, and a frame is drawn.
    // (Written as strings: they run in the page, and this package is not compiled for the DOM.)
    const matched = Number(last?.totals.matched ?? 0);
    await page.waitForFunction(
      `document.querySelectorAll('section[aria-labelledby="proposal-pairs"] tbody tr').length === ${matched} && document.querySelector('button[data-loading]') === null`,
      undefined,
      { timeout: 60_000 },
    );
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
    pageTimes.push(performance.now() - t0);
  }
  await browser.close();
  pageTimes.sort((a, b) => a - b);
  const pageMedian = pageTimes[Math.floor(pageTimes.length / 2)]!;
  console.log(
    `| the same run in the web app (click to every pair on screen, Chromium) | median ${(pageMedian / 1000).toFixed(2)} s | min ${(pageTimes[0]! / 1000).toFixed(2)} s | max ${(pageTimes.at(-1)! / 1000).toFixed(2)} s | ${RUNS} runs; ${(pageMedian / median).toFixed(1)}× the API median |`,
  );
}
await app.close();
await database.close();
