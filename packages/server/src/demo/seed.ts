import { count, eq, sql } from 'drizzle-orm';
import type { Auth } from '../auth/auth.js';
import type { OrgRole } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { account, organisation, organisationDomain, person, user } from '../db/schema.js';
import { rebuildReportingLines } from '../modules/people/repository.js';
import { loadDemoHistory } from './history.js';
import { loadDemoProgrammes } from './programmes.js';

/** The same password for every demo account; printed at start and listed in the README. */
export const DEMO_PASSWORD = 'klik-demo-2026';

export const demoSignIns: { role: string; email: string; password: string }[] = [
  { role: 'Platform admin', email: 'admin@klik.demo', password: DEMO_PASSWORD },
  {
    role: 'Org admin — Noordzee Verzekeringen',
    email: 'hr@noordzee.demo',
    password: DEMO_PASSWORD,
  },
  {
    role: 'Programme manager — Noordzee',
    email: 'programma@noordzee.demo',
    password: DEMO_PASSWORD,
  },
  { role: 'Sponsor (CEO) — Noordzee', email: 'directie@noordzee.demo', password: DEMO_PASSWORD },
  { role: 'Member — Noordzee', email: 'medewerker@noordzee.demo', password: DEMO_PASSWORD },
  {
    role: 'Member, senior manager — Noordzee',
    email: 'manager@noordzee.demo',
    password: DEMO_PASSWORD,
  },
  {
    role: 'Org admin — Groenveld Installatietechniek',
    email: 'admin@groenveld.demo',
    password: DEMO_PASSWORD,
  },
  { role: 'Member — Groenveld', email: 'monteur@groenveld.demo', password: DEMO_PASSWORD },
];

/** Small deterministic PRNG so the demo is the same on every machine. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const givenNames = [
  'Daan',
  'Sanne',
  'Lotte',
  'Bram',
  'Eva',
  'Thijs',
  'Femke',
  'Ruben',
  'Anouk',
  'Jesse',
  'Noor',
  'Sem',
  'Lieke',
  'Milan',
  'Iris',
  'Lars',
  'Fleur',
  'Joris',
  'Maartje',
  'Koen',
  'Esther',
  'Wouter',
  'Marloes',
  'Gijs',
  'Ilse',
  'Pieter',
  'Hanneke',
  'Stijn',
  'Yara',
  'Mohamed',
  'Fatima',
  'Youssef',
  'Samira',
  'Mehmet',
  'Ayşe',
  'Emre',
  'Elif',
  'Priya',
  'Arjun',
  'Wei',
  'Mei',
  'Kwame',
  'Ama',
  'Olga',
  'Piotr',
  'Agnieszka',
  'Sofia',
  'Mateo',
  'Lucía',
  'João',
  'Ana',
  'Rajesh',
  'Anita',
  'Tomasz',
  'Giulia',
  'Luca',
  'Chidi',
  'Ngozi',
  'Dewi',
  'Rangi',
  'Shanti',
  'Kofi',
  'Hamza',
  'Nadia',
  'Omar',
  'Laila',
  'Jan',
  'Kees',
];
const familyNames = [
  'de Vries',
  'Jansen',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van Dijk',
  'Schouten',
  'El Amrani',
  'Bouzid',
  'Yılmaz',
  'Kaya',
  'Demir',
  'Ramdin',
  'Sewdien',
  'Kartosen',
  'Nguyen',
  'Chen',
  'Kowalski',
  'Nowak',
  'Patel',
  'Sharma',
  'Mensah',
  'Okafor',
  'Rossi',
  'García',
  'Silva',
  'Haddad',
  'Wijaya',
  'Tjon',
  'Pinas',
  'Fernandes',
  'Santos',
  'Ivanova',
  'Müller',
  'Lindqvist',
  "O'Brien",
];

interface DemoPerson {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  managerId: string | null;
  department: string | null;
  team: string | null;
  jobTitle: string;
  location: string;
  preferredLanguage: 'nl' | 'en';
  startDate: string;
  employeeId: string;
  role: OrgRole;
}

/**
 * Job levels (HR grades, higher is more senior) by job title, so the hierarchy reads the same in
 * the level as in the reporting lines: CEO 18 … leerling-monteur 2.
 */
const jobLevelByTitle: Record<string, number> = {
  'Chief Executive Officer': 18,
  'Chief Information Officer': 16,
  'Chief Financial Officer': 16,
  'Directeur Schade': 16,
  'Directeur HR': 16,
  'Directeur Klant': 16,
  'Commercieel directeur': 16,
  'HR business partner': 9,
  'Programmamanager mentoring': 9,
  'Product owner': 8,
  'Senior schadebehandelaar': 8,
  'Senior klantadviseur': 7,
  Actuaris: 8,
  Controller: 8,
  Jurist: 8,
  Expert: 8,
  'Software engineer': 7,
  'Data analist': 7,
  'Security specialist': 7,
  'Fraude-onderzoeker': 7,
  'Financieel analist': 7,
  'Compliance officer': 7,
  'HR adviseur': 7,
  'L&D specialist': 7,
  Accountmanager: 7,
  Marketeer: 6,
  Recruiter: 6,
  Kwaliteitscoach: 6,
  Schadebehandelaar: 6,
  Inkoper: 6,
  Verkoopadviseur: 5,
  Klantadviseur: 5,
  'Servicedesk medewerker': 5,
  'Administratief medewerker': 4,
  // Groenveld
  'Directeur-eigenaar': 14,
  'Hoofd service': 10,
  'Hoofd bedrijfsbureau': 10,
  Projectleider: 10,
  'Office manager': 8,
  Werkvoorbereider: 7,
  Calculator: 7,
  Planner: 6,
  Servicemonteur: 6,
  Storingsmonteur: 6,
  Monteur: 5,
  'Leerling-monteur': 2,
};

/** Managers 13 and team leads 10 in every department; every other title is in the table. */
export function demoJobLevel(jobTitle: string): number {
  if (jobTitle.startsWith('Manager ')) return 13;
  if (jobTitle.startsWith('Teamleider ')) return 10;
  const level = jobLevelByTitle[jobTitle];
  if (level === undefined) throw new Error(`No demo job level for "${jobTitle}"`);
  return level;
}

function emailLocal(given: string, family: string): string {
  return `${given}.${family}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ş/g, 's')
    .toLowerCase()
    .replace(/[^a-z.]/g, '');
}

function makePeopleFactory(domain: string, prefix: string, seed: number) {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const usedEmails = new Set<string>();
  let number = 1000;
  return {
    random,
    pick,
    make(fields: Partial<DemoPerson> & { jobTitle: string; location: string }): DemoPerson {
      const givenName = fields.givenName ?? pick(givenNames);
      const familyName = fields.familyName ?? pick(familyNames);
      let email = fields.email;
      if (!email) {
        const base = emailLocal(givenName, familyName);
        email = `${base}@${domain}`;
        for (let i = 2; usedEmails.has(email); i++) email = `${base}${i}@${domain}`;
      }
      usedEmails.add(email);
      const year = 2008 + Math.floor(random() * 18);
      const month = 1 + Math.floor(random() * 12);
      return {
        id: crypto.randomUUID(),
        email,
        givenName,
        familyName,
        managerId: null,
        department: null,
        team: null,
        preferredLanguage: random() < 0.82 ? 'nl' : 'en',
        startDate: `${year}-${String(month).padStart(2, '0')}-01`,
        employeeId: `${prefix}${number++}`,
        role: 'member',
        ...fields,
      };
    },
  };
}

/** Noordzee Verzekeringen: an insurer, ~300 people, CEO → directors → managers → team leads → staff. */
function corporatePeople(): DemoPerson[] {
  const f = makePeopleFactory('noordzee.demo', 'NZ', 20260101);
  const people: DemoPerson[] = [];
  const locations = ['Amsterdam', 'Rotterdam', 'Eindhoven', 'Groningen'];
  const ceo = f.make({
    givenName: 'Pieter',
    familyName: 'van den Berg',
    email: 'directie@noordzee.demo',
    jobTitle: 'Chief Executive Officer',
    location: 'Amsterdam',
    department: 'Directie',
    role: 'sponsor',
    preferredLanguage: 'nl',
  });
  people.push(ceo);
  const departments: { name: string; director: string; teams: string[]; staffTitle: string[] }[] = [
    {
      name: 'IT',
      director: 'Chief Information Officer',
      teams: ['Platform', 'Data & Analytics', 'Security', 'Digitale Kanalen', 'Werkplek'],
      staffTitle: [
        'Software engineer',
        'Data analist',
        'Security specialist',
        'Product owner',
        'Servicedesk medewerker',
      ],
    },
    {
      name: 'Schade',
      director: 'Directeur Schade',
      teams: ['Particulier', 'Zakelijk', 'Letsel', 'Fraudebestrijding'],
      staffTitle: ['Schadebehandelaar', 'Senior schadebehandelaar', 'Expert', 'Fraude-onderzoeker'],
    },
    {
      name: 'Finance',
      director: 'Chief Financial Officer',
      teams: ['Control', 'Actuariaat', 'Treasury'],
      staffTitle: ['Controller', 'Actuaris', 'Financieel analist'],
    },
    {
      name: 'HR',
      director: 'Directeur HR',
      teams: ['HR Advies', 'Talent & Ontwikkeling'],
      staffTitle: ['HR adviseur', 'Recruiter', 'L&D specialist'],
    },
    {
      name: 'Klantenservice',
      director: 'Directeur Klant',
      teams: ['Telefonie', 'Chat & Mail', 'Klachten', 'Kwaliteit'],
      staffTitle: ['Klantadviseur', 'Senior klantadviseur', 'Kwaliteitscoach'],
    },
    {
      name: 'Sales',
      director: 'Commercieel directeur',
      teams: ['Intermediair', 'Direct', 'Zakelijke markt'],
      staffTitle: ['Accountmanager', 'Verkoopadviseur', 'Marketeer'],
    },
  ];
  const teamSize = [5, 6, 7, 8];
  for (const dept of departments) {
    const director = f.make({
      jobTitle: dept.director,
      location: 'Amsterdam',
      department: dept.name,
      managerId: ceo.id,
      role: 'sponsor',
    });
    people.push(director);
    const managersNeeded = Math.ceil(dept.teams.length / 2);
    const managers: DemoPerson[] = [];
    for (let m = 0; m < managersNeeded; m++) {
      const mgr = f.make({
        jobTitle: `Manager ${dept.name}`,
        location: f.pick(locations),
        department: dept.name,
        managerId: director.id,
      });
      managers.push(mgr);
      people.push(mgr);
    }
    dept.teams.forEach((team, t) => {
      const mgr = managers[Math.floor(t / 2)]!;
      const lead = f.make({
        jobTitle: `Teamleider ${team}`,
        location: mgr.location,
        department: dept.name,
        team,
        managerId: mgr.id,
      });
      people.push(lead);
      const size = f.pick(teamSize);
      for (let s = 0; s < size; s++) {
        people.push(
          f.make({
            jobTitle: f.pick(dept.staffTitle),
            location: f.random() < 0.7 ? lead.location : f.pick(locations),
            department: dept.name,
            team,
            managerId: lead.id,
          }),
        );
      }
    });
  }
  // Named demo roles.
  const hrDept = people.filter((p) => p.department === 'HR');
  const hrAdviser =
    hrDept.find((p) => p.team === 'HR Advies' && p.jobTitle === 'HR adviseur') ?? hrDept.at(-1)!;
  Object.assign(hrAdviser, {
    givenName: 'Sanne',
    familyName: 'de Vries',
    email: 'hr@noordzee.demo',
    role: 'org_admin',
    jobTitle: 'HR business partner',
  });
  const ld = hrDept.find(
    (p) =>
      p.team === 'Talent & Ontwikkeling' &&
      p.email !== 'hr@noordzee.demo' &&
      p.jobTitle !== 'Teamleider Talent & Ontwikkeling',
  )!;
  Object.assign(ld, {
    givenName: 'Fatima',
    familyName: 'El Amrani',
    email: 'programma@noordzee.demo',
    role: 'programme_manager',
    jobTitle: 'Programmamanager mentoring',
  });
  const member = people.find((p) => p.department === 'IT' && p.jobTitle === 'Software engineer')!;
  Object.assign(member, {
    givenName: 'Daan',
    familyName: 'Jansen',
    email: 'medewerker@noordzee.demo',
    jobTitle: 'Software engineer',
  });
  // A senior manager without any admin role: the reverse-mentoring mentee of the walkthrough.
  const senior = people.find((p) => p.jobTitle === 'Manager Klantenservice')!;
  Object.assign(senior, {
    givenName: 'Ingrid',
    familyName: 'Visser',
    email: 'manager@noordzee.demo',
  });
  // Fill up to ~300 with a shared-services pool reporting to the CFO's managers.
  const financeManagers = people.filter((p) => p.jobTitle === 'Manager Finance');
  while (people.length < 300) {
    const mgr = f.pick(financeManagers);
    people.push(
      f.make({
        jobTitle: f.pick(['Administratief medewerker', 'Inkoper', 'Jurist', 'Compliance officer']),
        location: f.pick(locations),
        department: 'Finance',
        team: 'Bedrijfsvoering',
        managerId: mgr.id,
      }),
    );
  }
  return people;
}

/** Groenveld Installatietechniek: an SME in Zwolle, ~40 people. */
function smePeople(): DemoPerson[] {
  const f = makePeopleFactory('groenveld.demo', 'G', 19870401);
  const people: DemoPerson[] = [];
  const owner = f.make({
    givenName: 'Henk',
    familyName: 'Groenveld',
    jobTitle: 'Directeur-eigenaar',
    location: 'Zwolle',
    department: 'Directie',
    role: 'sponsor',
    preferredLanguage: 'nl',
  });
  people.push(owner);
  const admin = f.make({
    givenName: 'Marieke',
    familyName: 'Kok',
    email: 'admin@groenveld.demo',
    jobTitle: 'Office manager',
    location: 'Zwolle',
    department: 'Bedrijfsbureau',
    managerId: owner.id,
    role: 'org_admin',
    preferredLanguage: 'nl',
  });
  people.push(admin);
  const depts = [
    {
      name: 'Service & Onderhoud',
      lead: 'Hoofd service',
      staff: ['Servicemonteur', 'Storingsmonteur', 'Planner'],
      size: 14,
    },
    {
      name: 'Projecten',
      lead: 'Projectleider',
      staff: ['Monteur', 'Leerling-monteur', 'Werkvoorbereider'],
      size: 14,
    },
    {
      name: 'Bedrijfsbureau',
      lead: 'Hoofd bedrijfsbureau',
      staff: ['Calculator', 'Administratief medewerker', 'Inkoper'],
      size: 6,
    },
  ];
  for (const dept of depts) {
    const lead = f.make({
      jobTitle: dept.lead,
      location: 'Zwolle',
      department: dept.name,
      managerId: owner.id,
    });
    people.push(lead);
    for (let i = 0; i < dept.size; i++) {
      people.push(
        f.make({
          jobTitle: f.pick(dept.staff),
          location: f.random() < 0.8 ? 'Zwolle' : 'Deventer',
          department: dept.name,
          managerId: lead.id,
        }),
      );
    }
  }
  const fitter = people.find((p) => p.jobTitle === 'Servicemonteur')!;
  Object.assign(fitter, {
    givenName: 'Emre',
    familyName: 'Yılmaz',
    email: 'monteur@groenveld.demo',
  });
  return people;
}

/** Each demo organisation's email domain, verified, so people can be invited and imported. */
const demoDomains = { noordzee: 'noordzee.demo', groenveld: 'groenveld.demo' } as const;

async function verifyDemoDomain(db: Db, organisationId: string, domain: string): Promise<void> {
  await db
    .insert(organisationDomain)
    .values({
      organisationId,
      domain,
      verificationToken: 'demo',
      verifiedAt: new Date(),
      verifiedBy: 'u-platform-admin',
    })
    .onConflictDoNothing();
}

/**
 * A demo database made before email domains existed: its demo organisations get their domains
 * verified, so `npm start` on an old data directory can still invite and import. Only an
 * organisation that still has the demo sign-in of that domain counts as a demo organisation.
 */
async function verifyDomainsOfEarlierDemo(db: Db): Promise<void> {
  for (const [slug, domain] of Object.entries(demoDomains)) {
    const [row] = await db
      .select({ id: organisation.id })
      .from(organisation)
      .innerJoin(person, eq(person.organisationId, organisation.id))
      .where(
        sql`${organisation.slug} = ${slug} and ${person.email} in (
          ${`hr@${domain}`}, ${`admin@${domain}`})`,
      )
      .limit(1);
    if (row) await verifyDemoDomain(db, row.id, domain);
  }
}

async function insertOrganisationWithPeople(
  db: Db,
  values: { name: string; slug: keyof typeof demoDomains; defaultLocale: string },
  people: DemoPerson[],
): Promise<void> {
  const [org] = await db.insert(organisation).values(values).returning({ id: organisation.id });
  const organisationId = org!.id;
  await verifyDemoDomain(db, organisationId, demoDomains[values.slug]);
  const chunk = 200;
  for (let i = 0; i < people.length; i += chunk) {
    const slice = people.slice(i, i + chunk);
    await db.insert(user).values(
      slice.map((p) => ({
        id: `u-${p.id}`,
        email: p.email,
        name: `${p.givenName} ${p.familyName}`,
        emailVerified: true,
      })),
    );
    await db.insert(person).values(
      slice.map((p) => ({
        id: p.id,
        organisationId,
        userId: `u-${p.id}`,
        email: p.email,
        givenName: p.givenName,
        familyName: p.familyName,
        employeeId: p.employeeId,
        managerId: p.managerId,
        department: p.department,
        team: p.team,
        jobTitle: p.jobTitle,
        jobLevel: demoJobLevel(p.jobTitle),
        location: p.location,
        preferredLanguage: p.preferredLanguage,
        startDate: p.startDate,
        role: p.role,
      })),
    );
  }
  await rebuildReportingLines(db, organisationId);
}

/**
 * Loads the two demo organisations and the demo sign-ins when the database has no organisation
 * yet. Returns whether it loaded anything.
 */
export async function loadDemoDataIfEmpty(db: Db, auth: Auth): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(organisation);
  if ((existing?.n ?? 0) > 0) {
    await verifyDomainsOfEarlierDemo(db);
    return false;
  }
  const context = await auth.$context;
  const passwordHash = await context.password.hash(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Two processes starting together on one PostgreSQL database both saw it empty: the lock
    // lets one load the demo; the other waits, looks again, and finds it loaded.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('klik:demo-seed'))`);
    const [again] = await tx.select({ n: count() }).from(organisation);
    if ((again?.n ?? 0) > 0) return false;
    await insertOrganisationWithPeople(
      tx,
      { name: 'Noordzee Verzekeringen', slug: 'noordzee', defaultLocale: 'nl' },
      corporatePeople(),
    );
    await insertOrganisationWithPeople(
      tx,
      { name: 'Groenveld Installatietechniek', slug: 'groenveld', defaultLocale: 'nl' },
      smePeople(),
    );
    const [noordzee] = await tx
      .select()
      .from(organisation)
      .where(eq(organisation.slug, 'noordzee'));
    const checkInEmails = await loadDemoProgrammes(tx, noordzee!.id, 'u-platform-admin');
    // Two years of past runs, surveys, leavers, sponsors and stories (issue 11), dated from now.
    await loadDemoHistory(tx, noordzee!.id, new Date());
    await tx.insert(user).values({
      id: 'u-platform-admin',
      email: 'admin@klik.demo',
      name: 'Klik Beheer',
      emailVerified: true,
      isPlatformAdmin: true,
    });
    const accounts = await tx.select({ id: user.id, email: user.email }).from(user);
    const demoEmails = new Set([...demoSignIns.map((s) => s.email), ...checkInEmails]);
    await tx.insert(account).values(
      accounts
        .filter((a) => demoEmails.has(a.email))
        .map((a) => ({
          id: `a-${a.id}`,
          accountId: a.id,
          providerId: 'credential',
          userId: a.id,
          password: passwordHash,
        })),
    );
    return true;
  });
}
