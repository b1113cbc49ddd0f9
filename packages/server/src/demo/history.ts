import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { checkIn, meeting, outcomeSurvey, skillRating } from '../db/schema.js';
import {
  enrolment,
  feedbackAction,
  mentoringRequest,
  person,
  programme,
  programmeCohort,
  programmeInvitation,
  programmeSponsor,
  relationship,
  relationshipEnding,
  relationshipMentee,
  story,
  storyMention,
  user,
  type CheckInAnswer,
  type KeptReason,
} from '../db/schema.js';
import { GAIN_OPTIONS, STANDARD_QUESTIONS } from '../modules/checkins/questions.js';
import { rebuildReportingLines } from '../modules/people/repository.js';

/**
 * Two years of history for the corporate demo organisation (issue 11, rule 7), so every figure of
 * the outcome report has something real to show right after `npm start`: three past runs
 * (cohorts) of the reverse and the classic programme with completed and ended relationships,
 * meetings, check-ins (answered and not), outcome surveys from both sides with skill ratings at
 * the start and the end, "you said, we did" changes between the runs, invitations, people who left
 * (participants less often than comparable colleagues), sponsors, leaders who agreed to be shown,
 * and published stories — the CEO's among them. All dates are relative to `now`; every choice
 * comes from a seeded random, so the demo is the same on every machine (only ids differ).
 *
 * Past participants are people no current programme has enrolled (the reverse programme) or the
 * classic programme's enrolled people who are in no running relationship or pending request;
 * Daan, Ingrid and the other demo sign-ins take no part in the history.
 */

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Person = typeof person.$inferSelect;
type Side = 'mentor' | 'mentee';

const DAY = 24 * 60 * 60 * 1000;
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The same moment `months` calendar months earlier, at 09:00 UTC. */
function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  d.setUTCDate(Math.min(now.getUTCDate(), 28));
  d.setUTCHours(9, 0, 0, 0);
  return d;
}

const seasonsNl = [
  'winter',
  'winter',
  'voorjaar',
  'voorjaar',
  'voorjaar',
  'zomer',
  'zomer',
  'zomer',
  'najaar',
  'najaar',
  'najaar',
  'winter',
];
const seasonNl = (d: Date) => seasonsNl[d.getUTCMonth()]!;

/** Months before now that each past run started (oldest first), and the current run. */
const PAST_RUNS = [24, 16, 8] as const;
const CURRENT_RUN = 2;

const givenNames = [
  'Lisa',
  'Tim',
  'Sara',
  'Nick',
  'Kim',
  'Rick',
  'Demi',
  'Bas',
  'Julia',
  'Mark',
  'Amira',
  'Tarik',
  'Sevgi',
  'Vikram',
  'Linh',
  'Jamal',
  'Roos',
  'Floor',
  'Niels',
  'Sophie',
  'Hugo',
  'Marit',
  'Kai',
  'Zeynep',
  'Dennis',
  'Naima',
  'Pim',
  'Vera',
];
const familyNames = [
  'Verhoeven',
  'Kuipers',
  'Postma',
  'Willems',
  'Hoekstra',
  'van Dam',
  'Blom',
  'Koster',
  'Prins',
  'Huisman',
  'Maas',
  'Boukhari',
  'Aydın',
  'Ramsaran',
  'Tran',
  'Osei',
  'Lindeman',
  'Zwart',
  'Sap',
  'Evers',
];

/** What each side of a relationship learns (skill ids of the catalogue). */
const learns = {
  reverse: {
    mentee: [
      'artificial-intelligence',
      'generative-ai-tools',
      'social-media',
      'inclusive-language',
    ],
    mentor: ['building-a-network', 'navigating-politics', 'stakeholder-management'],
  },
  classic: {
    mentee: ['first-time-management', 'giving-feedback', 'difficult-conversations', 'delegating'],
    mentor: ['coaching-others'],
  },
} as const;

const otherGave = [
  'Een frisse blik op hoe jongere collega’s werken.',
  'Durf om zelf met AI-tools te experimenteren.',
  'Een netwerk buiten mijn eigen afdeling.',
  'Eerlijke feedback die ik van mijn eigen team niet zo snel krijg.',
  'Rust: ik hoef niet alles meteen zelf op te lossen.',
  'Inzicht in hoe besluiten in de directie tot stand komen.',
  'Praktische tips voor lastige gesprekken met mijn team.',
  'Het gevoel dat mijn stem gehoord wordt.',
  'Een klankbord voor mijn eerste maanden als leidinggevende.',
  'Nieuwe ideeën om ons werk slimmer te organiseren.',
];
const comments = [
  'Meer tijd om af te spreken zou helpen.',
  'Goed georganiseerd, ik raad het iedereen aan.',
  'De kick-off hielp ons meteen op weg.',
  'Soms lastig om agenda’s op elkaar af te stemmen.',
  'Fijn dat je zelf je mentor kiest.',
  'Graag een terugkomdag halverwege.',
  'Een aanrader voor elke nieuwe teamleider.',
  'De check-ins hielden ons scherp.',
];
const checkInNotes = [
  'We vinden moeilijk tijd in de agenda.',
  'Graag meer voorbeelden van onderwerpen.',
  'Het loopt goed!',
];
const endingReasons = ['Te weinig tijd door drukte op het werk', 'Andere functie gekregen'];

const reasonsFor = (type: 'reverse' | 'classic'): KeptReason[] =>
  type === 'reverse'
    ? [
        {
          code: 'reverse_learning',
          nl: 'Ze leren allebei iets van de ander: technologie en netwerken',
          en: 'They both learn from each other: technology and networking',
        },
        {
          code: 'language',
          nl: 'Ze spreken allebei Nederlands',
          en: 'They both speak Dutch',
        },
      ]
    : [
        {
          code: 'learning',
          nl: 'De mentor heeft ervaring met wat de mentee wil leren: leidinggeven',
          en: 'The mentor has experience in what the mentee wants to learn: leading people',
        },
        {
          code: 'language',
          nl: 'Ze spreken allebei Nederlands',
          en: 'They both speak Dutch',
        },
      ];

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Inserts many rows in one statement with a single parameter (the rows as JSON): on PGlite this is
 * several times faster than a multi-row VALUES list with thousands of parameters. `columns` maps
 * each (camelCase) field of the rows to its SQL type.
 */
async function insertJson<T extends object>(
  db: Db,
  table: string,
  columns: Partial<Record<keyof T & string, string>>,
  rows: T[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns) as (keyof T & string)[];
  const list = sql.raw(names.map(snake).join(', '));
  const types = sql.raw(names.map((n) => `${snake(n)} ${columns[n]}`).join(', '));
  const data = rows.map((row) =>
    Object.fromEntries(names.map((n) => [snake(n), (row as Record<string, unknown>)[n] ?? null])),
  );
  await db.execute(sql`
    insert into ${sql.raw(table)} (${list})
    select ${list} from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as x(${types})`);
}

/** Inserts in slices, so no statement has too many parameters. */
async function insertAll<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>, size = 400) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function loadDemoHistory(db: Db, organisationId: string, now: Date): Promise<void> {
  const random = mulberry32(20240601);
  const chance = (p: number) => random() < p;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  const pickOne = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const pickSome = <T>(list: readonly T[], n: number): T[] => shuffle(list).slice(0, n);

  const people = await db.select().from(person).where(eq(person.organisationId, organisationId));
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const ceo = byEmail.get('directie@noordzee.demo')!;
  const daan = byEmail.get('medewerker@noordzee.demo')!;
  const manager = byEmail.get('programma@noordzee.demo')!;
  const managerUser = manager.userId;
  const programmes = await db
    .select()
    .from(programme)
    .where(eq(programme.organisationId, organisationId));
  const reverse = programmes.find((p) => p.type === 'reverse')!;
  const classic = programmes.find((p) => p.type === 'classic' && p.audience.jobLevelMin === 10)!;
  const peer = programmes.find((p) => p.type === 'peer')!;
  const buddies = programmes.find((p) => p.matchingMode === 'manager_proposes')!;
  const enrolments = await db
    .select()
    .from(enrolment)
    .where(eq(enrolment.organisationId, organisationId));
  const running = await db
    .select({
      programmeId: relationship.programmeId,
      a: relationship.mentorId,
      b: relationshipMentee.menteeId,
    })
    .from(relationship)
    .innerJoin(relationshipMentee, eq(relationshipMentee.relationshipId, relationship.id))
    .where(eq(relationship.organisationId, organisationId));
  const pending = await db
    .select({
      programmeId: mentoringRequest.programmeId,
      a: mentoringRequest.mentorId,
      b: mentoringRequest.menteeId,
    })
    .from(mentoringRequest)
    .where(eq(mentoringRequest.organisationId, organisationId));
  const busyInClassic = new Set(
    [...running, ...pending].filter((r) => r.programmeId === classic.id).flatMap((r) => [r.a, r.b]),
  );
  const demoEmails = new Set([
    'directie@noordzee.demo',
    'medewerker@noordzee.demo',
    'manager@noordzee.demo',
    'hr@noordzee.demo',
    'programma@noordzee.demo',
  ]);
  const enrolledAnywhere = new Set(enrolments.map((e) => e.personId));
  const free = people.filter((p) => !enrolledAnywhere.has(p.id) && !demoEmails.has(p.email));

  const runStarts = PAST_RUNS.map((m) => monthsBefore(now, m));
  const currentStart = monthsBefore(now, CURRENT_RUN);
  const startedBy = (p: Person, d: Date) => (p.startDate ?? '9999') <= isoDay(addDays(d, -30));

  // ---- People who left (made as each run needs them, and beside non-participants below).
  const usedEmails = new Set(people.map((p) => p.email));
  const newPeople: Person[] = [];
  let number = 1;
  const former = (template: Person, startDate: string, leaveDate: Date): Person => {
    const givenName = pickOne(givenNames);
    const familyName = pickOne(familyNames);
    const local = `${givenName}.${familyName}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ı/g, 'i')
      .toLowerCase()
      .replace(/[^a-z.]/g, '');
    let email = `${local}@noordzee.demo`;
    for (let i = 2; usedEmails.has(email); i++) email = `${local}${i}@noordzee.demo`;
    usedEmails.add(email);
    const id = crypto.randomUUID();
    const row = {
      ...template,
      id,
      userId: `u-${id}`,
      email,
      givenName,
      familyName,
      preferredName: null,
      employeeId: `NZ-OUD-${number++}`,
      role: 'member' as const,
      isLeadership: false,
      startDate,
      leaveDate: isoDay(leaveDate),
      // As the people import sets it: a leave date on or before today deactivates.
      isActive: false,
      createdAt: now,
      updatedAt: now,
    };
    newPeople.push(row);
    return row;
  };
  const startBefore = (d: Date, minYears: number, maxYears: number) =>
    `${d.getUTCFullYear() - between(minYears, maxYears)}-${String(between(1, 12)).padStart(2, '0')}-01`;
  // ---- Cohorts: three past runs and the current one, of the reverse and the classic programme.
  const cohortRows: (typeof programmeCohort.$inferInsert)[] = [];
  for (const p of [reverse, classic]) {
    [...runStarts, currentStart].forEach((start, i) =>
      cohortRows.push({
        programmeId: p.id,
        organisationId,
        name: `Ronde ${i + 1} · ${seasonNl(start)} ${start.getUTCFullYear()}`,
        startsOn: isoDay(start),
        createdAt: addDays(start, -30),
      }),
    );
  }

  // ---- Past participants and their relationships.
  interface Pair {
    programmeId: string;
    type: 'reverse' | 'classic';
    run: number;
    mentee: Person;
    mentor: Person;
    /** Set when one side left the organisation during the relationship. */
    leaver?: Person;
  }
  const pairs: Pair[] = [];
  const newEnrolments: (typeof enrolment.$inferInsert)[] = [];
  const movedEnrolments = new Map<string, Date>();
  const enrolledAt = new Map<string, Date>();
  const enrolPast = (
    programmeId: string,
    p: Person,
    role: 'mentee' | 'mentor' | 'both',
    at: Date,
  ) => {
    const key = `${programmeId}:${p.id}`;
    if (enrolledAt.has(key)) return;
    enrolledAt.set(key, at);
    const existing = enrolments.find((e) => e.programmeId === programmeId && e.personId === p.id);
    if (existing) {
      movedEnrolments.set(existing.id, at);
      return;
    }
    newEnrolments.push({
      programmeId,
      organisationId,
      personId: p.id,
      role,
      capacity: role === 'mentee' ? null : 2,
      createdAt: at,
      updatedAt: at,
      // Their run is over: they are no longer looking for a match.
      isActive: false,
    });
  };

  // Reverse: experienced colleagues (leads, managers, a director) learn from young colleagues.
  const reversePairs = [8, 9, 10];
  const used = new Set<string>();
  runStarts.forEach((start, run) => {
    const seniors = shuffle(
      free.filter(
        (p) =>
          !used.has(p.id) &&
          startedBy(p, start) &&
          ((p.jobLevel ?? 0) >= 10 || (p.startDate ?? '9999') < '2015-01-01'),
      ),
    );
    const young = shuffle(
      free.filter(
        (p) =>
          !used.has(p.id) &&
          startedBy(p, start) &&
          (p.startDate ?? '') >= '2019-01-01' &&
          (p.jobLevel ?? 99) <= 8,
      ),
    );
    for (const mentee of seniors.slice(0, reversePairs[run])) {
      const mentor = young.find((y) => !used.has(y.id) && y.department !== mentee.department);
      if (!mentor) break;
      used.add(mentee.id);
      used.add(mentor.id);
      pairs.push({ programmeId: reverse.id, type: 'reverse', run, mentee, mentor });
    }
    // One young mentor of each run left the organisation later (the last one during the run).
    const template = young.find((y) => !used.has(y.id)) ?? young[0]!;
    const leaveDate = run === 2 ? addDays(start, 120) : addDays(start, between(220, 330));
    const leaver = former(template, startBefore(start, 1, 4), leaveDate);
    const mentee = seniors.find((s) => !used.has(s.id) && s.department !== leaver.department);
    if (mentee) {
      used.add(mentee.id);
      pairs.push({ programmeId: reverse.id, type: 'reverse', run, mentee, mentor: leaver, leaver });
    }
  });

  // Classic: team leads enrolled now who are in no running relationship or request, and a former
  // team lead per run, each with a manager or director of another department.
  const classicEnrolled = enrolments.filter((e) => e.programmeId === classic.id);
  const byId = new Map(people.map((p) => [p.id, p]));
  // Longest-serving first, so each run's leads were there when it began.
  const idleLeads = classicEnrolled
    .filter((e) => e.role === 'mentee' && !busyInClassic.has(e.personId))
    .map((e) => byId.get(e.personId)!)
    .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''));
  const classicMentors = classicEnrolled
    .filter((e) => e.role !== 'mentee')
    .map((e) => byId.get(e.personId)!);
  const leads = people.filter((p) => p.jobTitle?.startsWith('Teamleider'));
  runStarts.forEach((start, run) => {
    const mentees = idleLeads.splice(0, [5, 5, 5][run]).filter((p) => startedBy(p, start));
    // A team lead of each run left later: after their mentoring, the first a year on.
    const leaveDate = addDays(start, [between(400, 470), between(330, 360), 200][run]!);
    mentees.push(former(pickOne(leads), startBefore(start, 1, 6), leaveDate));
    const taken = new Set<string>();
    for (const mentee of mentees) {
      const mentor = shuffle(classicMentors).find(
        (m) => !taken.has(m.id) && m.department !== mentee.department,
      );
      if (!mentor) continue;
      taken.add(mentor.id);
      pairs.push({
        programmeId: classic.id,
        type: 'classic',
        run,
        mentee,
        mentor,
        ...(mentee.isActive ? {} : { leaver: mentee }),
      });
    }
  });
  // Colleagues who never took part left more often than participants (the rest of the leavers
  // are participants, above): per department and job-level band, about a fifth of those who
  // were never in a relationship have a former colleague beside them who left in the past two
  // years, so the comparison group of each stratum has leavers as well as stayers.
  const inRelationship = new Set([
    ...running.flatMap((r) => [r.a, r.b]),
    ...pairs.flatMap((p) => [p.mentee.id, p.mentor.id]),
  ]);
  const band = (level: number | null) =>
    level === null ? '?' : level <= 3 ? '1-3' : level <= 6 ? '4-6' : level <= 9 ? '7-9' : '10+';
  const strata = new Map<string, Person[]>();
  for (const p of people) {
    if (p.role === 'sponsor' || demoEmails.has(p.email) || p.managerId === null) continue;
    if (inRelationship.has(p.id)) continue;
    const key = `${p.department}|${band(p.jobLevel)}`;
    strata.set(key, [...(strata.get(key) ?? []), p]);
  }
  for (const [key, group] of strata) {
    // Small strata (a few leads) lose one colleague in about half the departments: enough for a
    // comparison with leavers, not so many that one leaver makes it absurd.
    const leavers = key.endsWith('10+')
      ? Number(chance(0.5))
      : Math.floor(group.length * 0.24 + 0.3);
    for (let i = 0; i < leavers; i++) {
      const leaveDate = addDays(now, -between(5, 720));
      former(pickOne(group), startBefore(leaveDate, 1, 9), leaveDate);
    }
  }

  // Classic mentors have been enrolled since the first run.
  for (const mentor of classicMentors) {
    enrolPast(classic.id, mentor, 'mentor', addDays(runStarts[0]!, between(0, 10)));
  }

  // ---- Relationships, meetings, check-ins, surveys, ratings, endings.
  const relationships: (typeof relationship.$inferInsert)[] = [];
  const mentees: (typeof relationshipMentee.$inferInsert)[] = [];
  const meetings: (typeof meeting.$inferInsert)[] = [];
  const checkIns: (typeof checkIn.$inferInsert)[] = [];
  const surveys: (typeof outcomeSurvey.$inferInsert)[] = [];
  const ratings: (typeof skillRating.$inferInsert)[] = [];
  const endings: (typeof relationshipEnding.$inferInsert)[] = [];
  const alumni: { person: Person; programmeId: string; run: number; side: Side }[] = [];
  const seenInRun = new Map<string, number>();
  for (const pair of pairs) {
    // The first four pairs of each run answer their survey: every run passes the threshold of 5.
    const runKey = `${pair.programmeId}:${pair.run}`;
    const nthInRun = (seenInRun.get(runKey) ?? 0) + 1;
    seenInRun.set(runKey, nthInRun);
    const start = runStarts[pair.run]!;
    // Each run goes a little better after the changes made before it.
    const better = pair.run * 0.1;
    const menteeRole = pair.type === 'reverse' ? 'both' : 'mentee';
    const menteeAt = addDays(start, between(0, 12));
    const mentorAt = addDays(start, between(0, 12));
    enrolPast(pair.programmeId, pair.mentee, menteeRole, menteeAt);
    enrolPast(pair.programmeId, pair.mentor, pair.type === 'reverse' ? 'both' : 'mentor', mentorAt);
    const startedAt = addDays(
      new Date(Math.max(menteeAt.getTime(), mentorAt.getTime())),
      between(3, 24 - pair.run * 6),
    );
    const leftEarly =
      pair.leaver?.leaveDate && pair.leaver.leaveDate < isoDay(addDays(startedAt, 182));
    const endedEarly = leftEarly || chance(0.08);
    const endedAt = leftEarly
      ? new Date(`${pair.leaver!.leaveDate}T09:00:00Z`)
      : addDays(startedAt, endedEarly ? between(60, 110) : between(175, 190));
    const id = crypto.randomUUID();
    const endedBy = endedEarly ? (pair.leaver ?? pair.mentee).id : null;
    relationships.push({
      id,
      programmeId: pair.programmeId,
      organisationId,
      mentorId: pair.mentor.id,
      status: endedEarly ? 'ended_early' : 'completed',
      startedAt,
      endedAt,
      endedBy,
    });
    mentees.push({
      relationshipId: id,
      menteeId: pair.mentee.id,
      joinedAt: startedAt,
      reasons: reasonsFor(pair.type),
      strength: between(55, 92),
    });
    endings.push({
      relationshipId: id,
      organisationId,
      programmeId: pair.programmeId,
      personId: endedBy,
      kind: endedEarly ? 'ended' : 'completed',
      reason: leftEarly ? 'Vertrokken bij Noordzee' : endedEarly ? pickOne(endingReasons) : null,
      createdAt: endedAt,
    });
    // Meetings: every two to four weeks, more after "an hour a month set aside".
    const every = 28 - pair.run * 5;
    for (
      let at = addDays(startedAt, between(4, 10));
      at < endedAt;
      at = addDays(at, every + between(-3, 6))
    ) {
      const startsAt = new Date(at);
      startsAt.setUTCHours(between(7, 14), 0, 0, 0);
      const held = chance(0.88 + better / 2);
      meetings.push({
        relationshipId: id,
        organisationId,
        startsAt,
        durationMinutes: pickOne([45, 60, 60, 90]),
        timeZone: 'Europe/Amsterdam',
        place: chance(0.5) ? pair.mentor.location : null,
        agenda: '',
        outcome: held ? 'held' : 'not_held',
        outcomeBy: pair.mentor.id,
        outcomeAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
        createdBy: pair.mentee.id,
        createdAt: addDays(startsAt, -7),
        updatedAt: startsAt,
      });
    }
    const sides: [Person, Side][] = [
      [pair.mentee, 'mentee'],
      [pair.mentor, 'mentor'],
    ];
    // Check-ins: every 30 days for both sides while it ran.
    for (let k = 1; addDays(startedAt, 30 * k) < endedAt; k++) {
      const due = addDays(startedAt, 30 * k);
      for (const [who, side] of sides) {
        const sentAt = new Date(`${isoDay(due)}T07:00:00Z`);
        const answered = chance(0.66 + better);
        const answers: Record<string, CheckInAnswer> = {
          met: chance(0.82 + better),
          usefulness: Math.min(5, between(2, 5) + (chance(better * 2) ? 1 : 0)),
          gains: pickSome(GAIN_OPTIONS, between(1, 3)),
        };
        if (chance(0.15)) answers.programme = pickOne(checkInNotes);
        checkIns.push({
          organisationId,
          programmeId: pair.programmeId,
          relationshipId: id,
          personId: who.id,
          side,
          dueOn: isoDay(due),
          questions: STANDARD_QUESTIONS.map((q) => ({ ...q })),
          answers: answered ? answers : null,
          sentAt,
          remindedAt: answered && chance(0.6) ? null : addDays(sentAt, 3),
          answeredAt: answered ? addDays(sentAt, between(0, 4)) : null,
        });
      }
    }
    // Outcome survey for both sides; ratings of what each side set out to learn.
    for (const [who, side] of sides) {
      const skills = pickSome(learns[pair.type][side], side === 'mentee' ? 2 : 1);
      const rates = pair.type === 'reverse' || side === 'mentee';
      const ratedStart = addDays(startedAt, between(1, 6));
      const startRatings = skills.map((skill) => ({ skill, rating: between(1, 3) }));
      if (rates) {
        for (const r of startRatings) {
          ratings.push({
            relationshipId: id,
            organisationId,
            programmeId: pair.programmeId,
            personId: who.id,
            skill: r.skill,
            phase: 'start',
            rating: r.rating,
            ratedAt: ratedStart,
          });
        }
      }
      const gone = pair.leaver?.id === who.id;
      const answered = !gone && (chance(0.84 + better / 2) || nthInRun <= 4);
      const answeredAt = addDays(endedAt, between(1, 9));
      const learned = chance(0.5 + better);
      const steps = chance(0.28 + better)
        ? pickSome(['new_role', 'promotion', 'project', 'network'], between(1, 2))
        : [];
      surveys.push({
        organisationId,
        programmeId: pair.programmeId,
        relationshipId: id,
        personId: who.id,
        side,
        closing: endedEarly ? 'ended' : 'completed',
        sentAt: endedAt,
        remindedAt: addDays(endedAt, 3),
        answeredAt: answered ? answeredAt : null,
        ...(answered
          ? {
              learnedSkills: learned,
              skillsLearned: learned ? skills : [],
              careerSteps: steps,
              inspired: chance(0.62 + better),
              recommend: Math.min(10, between(5 + pair.run, 10) + (chance(better) ? 1 : 0)),
              otherGave: chance(0.7) ? pickOne(otherGave) : null,
              comment: chance(0.55) ? pickOne(comments) : null,
            }
          : {}),
      });
      if (answered && rates) {
        for (const r of startRatings) {
          ratings.push({
            relationshipId: id,
            organisationId,
            programmeId: pair.programmeId,
            personId: who.id,
            skill: r.skill,
            phase: 'end',
            rating: Math.min(5, r.rating + between(0, 1) + (learned ? 1 : 0)),
            ratedAt: answeredAt,
          });
        }
      }
      if (!gone && who.isActive)
        alumni.push({ person: who, programmeId: pair.programmeId, run: pair.run, side });
    }
  }

  // ---- "You said, we did" between the runs.
  const actions: (typeof feedbackAction.$inferInsert)[] = [
    {
      programmeId: reverse.id,
      createdAt: addDays(runStarts[1]!, -35),
      saidNl: 'We vonden weinig tijd om af te spreken.',
      saidEn: 'We found little time to meet.',
      didNl: 'Elke deelnemer krijgt een uur per maand vrij geroosterd voor mentoring.',
      didEn: 'Every participant has an hour a month set aside for mentoring.',
      resultKeys: ['met'],
    },
    {
      programmeId: reverse.id,
      createdAt: addDays(runStarts[2]!, -30),
      saidNl: 'Het eerste gesprek was onwennig: wat verwachten we van elkaar?',
      saidEn: 'The first conversation felt awkward: what do we expect of each other?',
      didNl: 'Een kick-off voor elke ronde, met een leidraad voor het eerste gesprek.',
      didEn: 'A kick-off for every run, with a guide for the first conversation.',
      resultKeys: ['usefulness'],
    },
    {
      programmeId: classic.id,
      createdAt: addDays(runStarts[1]!, -28),
      saidNl: 'Ik wist niet goed waar ik het met mijn mentor over kon hebben.',
      saidEn: 'I did not quite know what to talk about with my mentor.',
      didNl: 'Een lijst met gespreksonderwerpen voor nieuwe leidinggevenden.',
      didEn: 'A list of conversation topics for new managers.',
      resultKeys: ['usefulness'],
    },
    {
      programmeId: classic.id,
      createdAt: addDays(runStarts[2]!, -21),
      saidNl: 'Mentoren uit mijn eigen directie lagen te dichtbij.',
      saidEn: 'Mentors from my own directorate were too close.',
      didNl: 'Mentoren komen nu altijd uit een andere afdeling.',
      didEn: 'Mentors now always come from another department.',
      resultKeys: ['met'],
    },
  ].map((a) => ({ ...a, organisationId, createdByUserId: managerUser }));

  // ---- Invitations: each run's audience, before it starts (one invitation per person).
  const invited = new Map<string, Map<string, Date>>([
    [reverse.id, new Map()],
    [classic.id, new Map()],
  ]);
  const everyone = [...people, ...newPeople];
  const employedAt = (p: Person, d: Date) =>
    (p.startDate ?? '9999') <= isoDay(d) && (p.leaveDate === null || p.leaveDate > isoDay(d));
  const invite = (programmeId: string, ids: Iterable<string>, at: Date) => {
    const sent = invited.get(programmeId)!;
    for (const personId of ids) if (!sent.has(personId)) sent.set(personId, at);
  };
  const runsWithCurrent = [...runStarts, currentStart];
  runsWithCurrent.forEach((start, run) => {
    const at = addDays(start, -14);
    const inRun = (programmeId: string) =>
      run < runStarts.length
        ? pairs
            .filter((p) => p.programmeId === programmeId && p.run === run)
            .flatMap((p) => [p.mentee.id, p.mentor.id])
        : enrolments.filter((e) => e.programmeId === programmeId).map((e) => e.personId);
    invite(reverse.id, inRun(reverse.id), at);
    invite(
      reverse.id,
      pickSome(
        everyone.filter((p) => employedAt(p, at) && p.role !== 'org_admin'),
        30,
      ).map((p) => p.id),
      at,
    );
    invite(classic.id, inRun(classic.id), at);
    invite(
      classic.id,
      everyone.filter((p) => employedAt(p, at) && (p.jobLevel ?? 0) >= 10).map((p) => p.id),
      at,
    );
  });
  const invitations: (typeof programmeInvitation.$inferInsert)[] = [...invited].flatMap(
    ([programmeId, sent]) =>
      [...sent].map(([personId, sentAt]) => ({
        programmeId,
        personId,
        organisationId,
        sentByUserId: managerUser,
        sentAt,
      })),
  );

  // ---- Sponsors.
  const director = (title: string) => people.find((p) => p.jobTitle === title)!;
  const hrDirector = director('Directeur HR');
  const sponsors = (
    [
      [reverse.id, ceo],
      [reverse.id, hrDirector],
      [classic.id, hrDirector],
      [classic.id, director('Directeur Klant')],
      [peer.id, director('Chief Information Officer')],
      [buddies.id, hrDirector],
    ] as const
  ).map(([programmeId, sponsor]) => ({
    programmeId,
    personId: sponsor.id,
    organisationId,
    createdAt: addDays(runStarts[0]!, -60),
  }));

  // ---- Stories: the CEO's (naming Daan, who approved) and three from earlier runs.
  const stories: (Omit<typeof story.$inferInsert, 'organisationId'> & { mention?: string })[] = [
    {
      programmeId: reverse.id,
      authorId: ceo.id,
      audience: 'organisation',
      titleNl: 'Wat een jonge engineer mij over AI leert',
      titleEn: 'What a young engineer teaches me about AI',
      bodyNl:
        'Ik dacht dat ik wist wat AI voor ons betekent: ik las de rapporten en zat bij de presentaties. Sinds ik mentee ben van Daan Jansen, software engineer bij IT, weet ik hoe weinig dat was. Daan liet me zelf een schadeclaim samenvatten met een AI-tool en daarna precies zien waar het misging. Nu stel ik betere vragen in de directie, en ik vraag vaker wie het al uitgeprobeerd heeft. Ik raad elke leidinggevende aan: laat je mentoren door iemand die het dagelijks doet.',
      bodyEn:
        'I thought I knew what AI means for us: I read the reports and sat through the presentations. Since I became a mentee of Daan Jansen, a software engineer in IT, I know how little that was. Daan had me summarise an insurance claim with an AI tool and then showed me exactly where it went wrong. Now I ask better questions in the board, and more often ask who has already tried it. My advice to every leader: let someone who does it every day mentor you.',
      submittedAt: addDays(now, -6),
      reviewedAt: addDays(now, -4),
      publishedAt: addDays(now, -4),
      mention: daan.id,
    },
  ];
  const alumnus = (programmeId: string, run: number, side: Side) =>
    alumni.find((a) => a.programmeId === programmeId && a.run === run && a.side === side)?.person;
  const storyFrom = [
    {
      who: alumnus(reverse.id, 0, 'mentor'),
      programmeId: reverse.id,
      audience: 'organisation' as const,
      titleNl: 'Mijn netwerk groeide door een manager te mentoren',
      titleEn: 'My network grew by mentoring a manager',
      bodyNl:
        'Ik was twee jaar in dienst toen ik een manager ging helpen met social media. Wat ik er zelf uithaalde, had ik niet verwacht: ik begrijp nu hoe beslissingen hier genomen worden en ik weet bij wie ik moet aankloppen. Inmiddels werk ik mee aan een project dat ik anders nooit had gezien.',
      bodyEn:
        'I had been here two years when I started helping a manager with social media. What I got out of it myself came as a surprise: I now understand how decisions are made here and I know whose door to knock on. I now work on a project I would never have heard of otherwise.',
      daysAgo: 420,
    },
    {
      who: alumnus(classic.id, 1, 'mentee'),
      programmeId: classic.id,
      audience: 'programme' as const,
      titleNl: 'Mijn eerste jaar als teamleider',
      titleEn: 'My first year as a team lead',
      bodyNl:
        'Als nieuwe teamleider durfde ik lastige gesprekken niet goed aan. Mijn mentor kwam uit een heel andere afdeling en liet me oefenen met echte situaties. Na een half jaar voer ik die gesprekken eerder, en rustiger.',
      bodyEn:
        'As a new team lead I shied away from difficult conversations. My mentor came from a completely different department and had me practise with real situations. Six months on, I have those conversations sooner, and more calmly.',
      daysAgo: 170,
    },
    {
      who: alumnus(reverse.id, 2, 'mentee'),
      programmeId: reverse.id,
      audience: 'organisation' as const,
      titleNl: 'Oud leert van jong, en andersom',
      titleEn: 'Old learns from young, and the other way round',
      bodyNl:
        'Ik werk hier al meer dan tien jaar en dacht dat ik mijn collega’s kende. Mijn jonge mentor liet me zien hoe anders zij naar werk en balans kijken. Ik gebruik nu AI-tools in mijn eigen werk en ik luister beter naar de nieuwe mensen in mijn team.',
      bodyEn:
        'I have worked here for more than ten years and thought I knew my colleagues. My young mentor showed me how differently they look at work and balance. I now use AI tools in my own work and listen better to the new people in my team.',
      daysAgo: 40,
    },
  ];
  for (const s of storyFrom) {
    if (!s.who) continue;
    const { who, daysAgo, ...rest } = s;
    stories.push({
      ...rest,
      authorId: who.id,
      submittedAt: addDays(now, -daysAgo - 3),
      reviewedAt: addDays(now, -daysAgo),
      publishedAt: addDays(now, -daysAgo),
    });
  }

  // ---- Leaders who take part and agreed to be shown, with their own line.
  const consent = [
    {
      programmeId: reverse.id,
      personId: ceo.id,
      line: 'Ik leer van een jonge engineer hoe AI ons werk verandert. Als CEO wil ik technologie niet alleen goedkeuren, maar ook zelf begrijpen.',
    },
    ...enrolments
      .filter(
        (e) =>
          e.programmeId === reverse.id &&
          e.personId !== ceo.id &&
          byId.get(e.personId)?.role === 'sponsor',
      )
      .slice(0, 2)
      .map((e, i) => ({
        programmeId: reverse.id,
        personId: e.personId,
        line: [
          'Jonge collega’s zien dingen die ik over het hoofd zie. Daar wil ik van leren.',
          'Ik wil weten hoe de nieuwe generatie werkt, zodat mijn besluiten ook voor hen kloppen.',
        ][i]!,
      })),
    ...classicMentors
      .filter((m) => m.role === 'sponsor')
      .slice(0, 1)
      .map((m) => ({
        programmeId: classic.id,
        personId: m.id,
        line: 'Ik geef door wat ik zelf had willen weten toen ik voor het eerst leiding gaf.',
      })),
  ];

  // ---- Writes: a handful of multi-row statements.
  await insertAll(newPeople, async (slice) => {
    await db.insert(user).values(
      slice.map((p) => ({
        id: p.userId,
        email: p.email,
        name: `${p.givenName} ${p.familyName}`,
        emailVerified: true,
      })),
    );
    await db.insert(person).values(slice);
  });
  await rebuildReportingLines(db, organisationId);
  await db.insert(programmeCohort).values(cohortRows);
  await insertAll(newEnrolments, (slice) => db.insert(enrolment).values(slice));
  if (movedEnrolments.size > 0) {
    const rows = [...movedEnrolments].map(
      ([id, at]) => sql`(${id}::uuid, ${at.toISOString()}::timestamptz)`,
    );
    await db.execute(sql`
      update enrolment e set created_at = v.at, updated_at = v.at
      from (values ${sql.join(rows, sql`, `)}) as v(id, at) where e.id = v.id`);
  }
  await insertAll(relationships, (slice) => db.insert(relationship).values(slice));
  await insertAll(mentees, (slice) => db.insert(relationshipMentee).values(slice));
  await insertAll(endings, (slice) => db.insert(relationshipEnding).values(slice));
  await insertJson(
    db,
    'meeting',
    {
      relationshipId: 'uuid',
      organisationId: 'uuid',
      startsAt: 'timestamptz',
      durationMinutes: 'integer',
      timeZone: 'text',
      place: 'text',
      agenda: 'text',
      outcome: 'meeting_outcome',
      outcomeBy: 'uuid',
      outcomeAt: 'timestamptz',
      createdBy: 'uuid',
      createdAt: 'timestamptz',
      updatedAt: 'timestamptz',
    },
    meetings,
  );
  await insertJson(
    db,
    'check_in',
    {
      organisationId: 'uuid',
      programmeId: 'uuid',
      relationshipId: 'uuid',
      personId: 'uuid',
      side: 'text',
      dueOn: 'date',
      questions: 'jsonb',
      answers: 'jsonb',
      sentAt: 'timestamptz',
      remindedAt: 'timestamptz',
      answeredAt: 'timestamptz',
    },
    checkIns,
  );
  await insertJson(
    db,
    'outcome_survey',
    {
      organisationId: 'uuid',
      programmeId: 'uuid',
      relationshipId: 'uuid',
      personId: 'uuid',
      side: 'text',
      closing: 'text',
      sentAt: 'timestamptz',
      remindedAt: 'timestamptz',
      answeredAt: 'timestamptz',
      learnedSkills: 'boolean',
      skillsLearned: 'jsonb',
      careerSteps: 'jsonb',
      inspired: 'boolean',
      recommend: 'integer',
      otherGave: 'text',
      comment: 'text',
    },
    surveys,
  );
  await insertJson(
    db,
    'skill_rating',
    {
      relationshipId: 'uuid',
      organisationId: 'uuid',
      programmeId: 'uuid',
      personId: 'uuid',
      skill: 'text',
      phase: 'rating_phase',
      rating: 'integer',
      ratedAt: 'timestamptz',
    },
    ratings,
  );
  await db.insert(feedbackAction).values(actions);
  await insertAll(invitations, (slice) => db.insert(programmeInvitation).values(slice));
  await db.insert(programmeSponsor).values(sponsors);
  const inserted = await db
    .insert(story)
    .values(
      stories.map(({ mention: _mention, ...s }) => ({
        ...s,
        organisationId,
        status: 'published' as const,
        reviewedByUserId: managerUser,
        createdAt: s.submittedAt!,
        updatedAt: s.publishedAt!,
      })),
    )
    .returning({ id: story.id, authorId: story.authorId });
  const mentions = stories.flatMap((s) =>
    s.mention
      ? [
          {
            storyId: inserted.find((i) => i.authorId === s.authorId)!.id,
            personId: s.mention,
            approvedAt: addDays(now, -5),
          },
        ]
      : [],
  );
  if (mentions.length > 0) await db.insert(storyMention).values(mentions);
  for (const c of consent) {
    await db
      .update(enrolment)
      .set({ leaderShownAt: addDays(now, -20), leaderLine: c.line })
      .where(and(eq(enrolment.programmeId, c.programmeId), eq(enrolment.personId, c.personId)));
  }
}
