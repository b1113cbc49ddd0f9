import { evaluatePair, type MatchIndex } from '@klik/match';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  enrolment,
  mentoringRequest,
  person,
  profile,
  programme,
  relationship,
  relationshipMentee,
  type SkillEntry,
} from '../db/schema.js';
import { scheduleJob } from '../modules/jobs/runner.js';
import type { ProgrammeRow } from '../modules/programmes/repository.js';
import { buildProgrammePool } from '../modules/suggestions/pool.js';

/**
 * Demo programmes in the corporate: reverse mentoring (young colleagues mentor leaders on
 * technology, diversity and work-life balance; experienced colleagues mentor them on
 * networking), a classic programme for new managers, and a peer programme — with enrolled
 * people, pending requests and running relationships.
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

const hobbies = [
  'Zeilen',
  'Hardlopen',
  'Koken',
  'Fietsen',
  'Schaken',
  'Fotografie',
  'Tuinieren',
  'Voetbal',
  'Muziek maken',
  'Lezen',
  'Wandelen',
  'Yoga',
  'Gamen',
  'Reizen',
  'Schilderen',
];
const experiences = [
  'Verhuisd naar Nederland',
  'Jong ouder geworden',
  'Mantelzorger',
  'Eigen bedrijf gehad',
  'In het buitenland gewoond',
  'Van studierichting gewisseld',
];
const values = ['Eerlijkheid', 'Nieuwsgierigheid', 'Duurzaamheid', 'Humor', 'Betrouwbaarheid'];
const youngOffers = [
  'artificial-intelligence',
  'social-media',
  'generative-ai-tools',
  'data-analysis',
  'inclusive-language',
  'neurodiversity',
  'work-life-balance',
  'setting-boundaries',
  'hybrid-working',
  'online-collaboration',
];
const seniorOffers = [
  'building-a-network',
  'internal-networking',
  'navigating-politics',
  'finding-sponsors',
  'stakeholder-management',
  'strategic-thinking',
  'leading-teams',
  'decision-making',
];
const managerWants = [
  'first-time-management',
  'giving-feedback',
  'delegating',
  'difficult-conversations',
  'performance-conversations',
  'coaching-others',
];
const peerSkills = [
  'public-speaking',
  'time-management',
  'stress-management',
  'writing',
  'assertiveness',
  'prioritising',
  'storytelling',
  'receiving-feedback',
];

type DemoPerson = typeof person.$inferSelect;

/**
 * Returns the emails of the people of the check-in pairs (issue 10): they get the demo password
 * too, so each can sign in and answer their first check-in.
 */
export async function loadDemoProgrammes(
  db: Db,
  organisationId: string,
  createdBy: string,
): Promise<string[]> {
  const random = mulberry32(424242);
  const pick = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length > 0)
      out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!);
    return out;
  };
  const people = await db.select().from(person).where(eq(person.organisationId, organisationId));
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const ceo = byEmail.get('directie@noordzee.demo')!;
  const daan = byEmail.get('medewerker@noordzee.demo')!;
  const isLeaderOrLead = (p: DemoPerson) =>
    p.role === 'sponsor' ||
    Boolean(p.jobTitle?.startsWith('Manager') || p.jobTitle?.startsWith('Teamleider'));
  const leaders = people.filter((p) => p.role === 'sponsor' || p.jobTitle?.startsWith('Manager'));
  const juniors = people
    .filter((p) => p.role === 'member' && !isLeaderOrLead(p) && (p.startDate ?? '') >= '2019-01-01')
    .filter((p) => p.id !== daan.id);
  const leads = people.filter((p) => p.jobTitle?.startsWith('Teamleider'));
  const staff = people.filter((p) => p.role === 'member' && !isLeaderOrLead(p) && p.id !== daan.id);

  const profiles = new Map<string, typeof profile.$inferInsert>();
  const skills = (ids: string[], level: number): SkillEntry[] =>
    ids.map((skill) => ({ skill, level }));
  const setProfile = (p: DemoPerson, offers: string[], wants: string[]) => {
    if (profiles.has(p.id)) return;
    const start = 8 + Math.floor(random() * 8);
    const day = Math.floor(random() * 5);
    profiles.set(p.id, {
      personId: p.id,
      organisationId,
      offers: skills(offers, 4),
      wants: skills(wants, 3),
      hobbies: pick(hobbies, 2),
      experiences: random() < 0.4 ? pick(experiences, 1) : [],
      values: pick(values, 1),
      tags: [],
      languages: p.preferredLanguage === 'en' ? ['en'] : random() < 0.7 ? ['nl', 'en'] : ['nl'],
      availability: [[day * 24 + start, day * 24 + start + 2]],
      timeZone: 'Europe/Amsterdam',
      meetingMode: random() < 0.5 ? 'either' : random() < 0.5 ? 'online' : 'in_person',
      place: p.location,
      about: '',
    });
  };

  const [reverse, classic, peer, buddies] = await db
    .insert(programme)
    .values([
      {
        organisationId,
        name: 'Reverse mentoring: jong leert oud, oud leert jong',
        goal: 'Leiders leren van jonge collega’s over technologie, diversiteit en balans; jonge collega’s bouwen een netwerk.',
        descriptionNl:
          'Jonge collega’s (onder de 35) nemen leidinggevenden mee in AI, social media, inclusie en werk-privébalans. Ervaren collega’s helpen hen met netwerken. Niemand wordt toegewezen: je kiest zelf.',
        descriptionEn:
          'Young colleagues (under 35) take leaders along in AI, social media, inclusion and work-life balance. Experienced colleagues help them build a network. Nobody is assigned: you choose.',
        type: 'reverse',
        status: 'published',
        matchingMode: 'participants_choose',
        conflictRules: {
          reportingLineLevels: 2,
          excludeSameTeam: true,
          excludeSameDepartment: false,
          excludeEarlierPairs: true,
        },
        defaultCapacity: 2,
        questions: [
          {
            id: 'hope',
            labelNl: 'Wat hoop je van de ander te leren?',
            labelEn: 'What do you hope to learn from the other?',
            required: false,
          },
        ],
        weights: { reverseLearning: 800 },
        // Running for two years (its earlier runs: history.ts).
        publishedAt: new Date(Date.now() - 790 * 24 * 60 * 60 * 1000),
        createdBy,
      },
      {
        organisationId,
        name: 'Mentoring voor nieuwe leidinggevenden',
        goal: 'Nieuwe teamleiders vinden een ervaren mentor buiten hun eigen lijn.',
        descriptionNl:
          'Ben je net teamleider? Vind een mentor die het al eens heeft meegemaakt — nooit iemand uit je eigen rapportagelijn.',
        descriptionEn:
          'New to leading a team? Find a mentor who has been there — never someone in your own reporting line.',
        type: 'classic',
        // Team leads (10) and the managers and directors above them who mentor.
        audience: { jobLevelMin: 10 },
        status: 'published',
        publishedAt: new Date(Date.now() - 790 * 24 * 60 * 60 * 1000),
        matchingMode: 'participants_choose',
        conflictRules: {
          reportingLineLevels: 2,
          excludeSameTeam: true,
          excludeSameDepartment: true,
          excludeEarlierPairs: true,
        },
        defaultCapacity: 2,
        createdBy,
      },
      {
        organisationId,
        name: 'Intervisie: peer mentoring',
        goal: 'Collega’s op gelijk niveau helpen elkaar verder.',
        descriptionNl:
          'Iedereen is mentor én mentee. Koppel met een collega van een andere afdeling.',
        descriptionEn:
          'Everyone is mentor and mentee. Pair with a colleague from another department.',
        type: 'peer',
        status: 'published',
        checkInCadenceDays: 30,
        publishedAt: new Date(),
        matchingMode: 'participants_choose',
        conflictRules: {
          reportingLineLevels: 1,
          excludeSameTeam: true,
          excludeSameDepartment: true,
          excludeEarlierPairs: true,
        },
        defaultCapacity: 1,
        createdBy,
      },
      {
        organisationId,
        name: 'Buddy’s voor nieuwe collega’s',
        goal: 'Wie net begint, krijgt een ervaren collega van een andere afdeling voorgesteld.',
        descriptionNl:
          'De programmamanager stelt introducties voor over het hele programma; allebei zeggen jullie ja of nee, zonder gevolgen.',
        descriptionEn:
          'The programme manager proposes introductions across the whole programme; both of you say yes or no, without consequences.',
        type: 'classic',
        status: 'published',
        publishedAt: new Date(),
        matchingMode: 'manager_proposes',
        conflictRules: {
          reportingLineLevels: 2,
          excludeSameTeam: true,
          excludeSameDepartment: true,
          excludeEarlierPairs: true,
        },
        defaultCapacity: 2,
        questions: [
          {
            id: 'first-months',
            labelNl: 'Waar wil je in je eerste maanden vooral hulp bij?',
            labelEn: 'What would you most like help with in your first months?',
            required: false,
          },
        ],
        createdBy,
      },
    ])
    .returning();

  const enrolments: (typeof enrolment.$inferInsert)[] = [];
  const enrolled = new Set<string>();
  const enrolIn = (
    programmeId: string,
    p: DemoPerson,
    role: 'mentee' | 'mentor' | 'both',
    capacity: number | null,
    answers: Record<string, string> = {},
  ) => {
    if (enrolled.has(`${programmeId}:${p.id}`)) return;
    enrolled.add(`${programmeId}:${p.id}`);
    enrolments.push({ programmeId, organisationId, personId: p.id, role, capacity, answers });
  };

  // Reverse: leaders learn technology etc. and mentor on networking; juniors the other way round.
  setProfile(
    ceo,
    ['building-a-network', 'strategic-thinking', 'finding-sponsors'],
    ['artificial-intelligence', 'social-media'],
  );
  setProfile(
    daan,
    ['artificial-intelligence', 'generative-ai-tools', 'social-media'],
    ['building-a-network', 'public-speaking'],
  );
  enrolIn(reverse!.id, ceo, 'both', 2);
  enrolIn(reverse!.id, daan, 'both', 2);
  for (const leader of leaders.filter((l) => l.id !== ceo.id).slice(0, 14)) {
    setProfile(leader, pick(seniorOffers, 3), pick(youngOffers, 2));
    enrolIn(reverse!.id, leader, 'both', 2);
  }
  for (const junior of juniors.slice(0, 24)) {
    setProfile(junior, pick(youngOffers, 3), pick(seniorOffers, 2));
    enrolIn(reverse!.id, junior, 'both', 2);
  }
  // Classic: new team leads (mentees) and experienced managers (mentors).
  for (const lead of leads.slice(0, 20)) {
    setProfile(lead, pick(peerSkills, 2), pick(managerWants, 3));
    enrolIn(classic!.id, lead, 'mentee', null);
  }
  for (const mentor of leaders.slice(0, 12)) {
    setProfile(mentor, pick(seniorOffers, 3), pick(youngOffers, 2));
    const withSkills = profiles.get(mentor.id)!;
    withSkills.offers = [...(withSkills.offers ?? []), ...skills(pick(managerWants, 3), 5)];
    enrolIn(classic!.id, mentor, 'mentor', 2);
  }
  // Peer.
  const peerPeople = staff.filter((s) => !profiles.has(s.id)).slice(0, 16);
  for (const p of peerPeople) {
    setProfile(p, pick(peerSkills, 2), pick(peerSkills, 2));
    enrolIn(peer!.id, p, 'both', 1);
  }
  // Buddies (manager proposes): newcomers and long-serving colleagues, nobody matched yet, so
  // the programme manager can run the proposal board straight away.
  const firstMonths = [
    'De weg vinden in de organisatie',
    'Weten wie ik waarvoor kan benaderen',
    'Onze klanten en producten leren kennen',
    'Werk en privé in balans houden',
  ];
  const free = staff.filter((s) => !profiles.has(s.id));
  const newcomers = free.filter((s) => (s.startDate ?? '') >= '2022-01-01').slice(0, 24);
  const veterans = free.filter((s) => (s.startDate ?? '9999') < '2016-01-01').slice(0, 12);
  for (const newcomer of newcomers) {
    setProfile(newcomer, pick(youngOffers, 1), pick(peerSkills, 2));
    enrolIn(buddies!.id, newcomer, 'mentee', null, { 'first-months': pick(firstMonths, 1)[0]! });
  }
  for (const veteran of veterans) {
    setProfile(veteran, pick(peerSkills, 3), pick(youngOffers, 1));
    enrolIn(buddies!.id, veteran, 'mentor', 2);
  }
  await db.insert(profile).values([...profiles.values()]);
  await db.insert(enrolment).values(enrolments);

  // Running relationships and pending requests, only between people the rules allow together.
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const used = new Set<string>();
  const pools = new Map<string, MatchIndex>();
  const evaluate = async (programmeRow: ProgrammeRow, menteeId: string, mentorId: string) => {
    let index = pools.get(programmeRow.id);
    if (!index) {
      index = (await buildProgrammePool(db, programmeRow)).index;
      pools.set(programmeRow.id, index);
    }
    return evaluatePair(index, menteeId, mentorId);
  };
  const allowed = async (programmeRow: ProgrammeRow, menteeId: string, mentorId: string) =>
    (await evaluate(programmeRow, menteeId, mentorId)).allowed;
  const pair = async (programmeRow: ProgrammeRow, mentees: DemoPerson[], mentors: DemoPerson[]) => {
    for (const mentee of mentees) {
      if (used.has(`${programmeRow.id}:${mentee.id}`)) continue;
      for (const mentor of mentors) {
        if (mentor.id === mentee.id || used.has(`${programmeRow.id}:${mentor.id}`)) continue;
        if (await allowed(programmeRow, mentee.id, mentor.id)) {
          used.add(`${programmeRow.id}:${mentee.id}`);
          used.add(`${programmeRow.id}:${mentor.id}`);
          return { mentee, mentor };
        }
      }
    }
    return null;
  };
  const open = async (
    programmeRow: ProgrammeRow,
    found: { mentee: DemoPerson; mentor: DemoPerson } | null,
    daysAgo: number,
  ) => {
    if (!found) return;
    // Why they clicked, kept as accepting in the app keeps it (both languages, third person).
    const evaluation = await evaluate(programmeRow, found.mentee.id, found.mentor.id);
    const kept = evaluation.allowed
      ? {
          strength: evaluation.strength,
          reasons: evaluation.reasons
            .slice(0, 5)
            .map((r) => ({ code: r.code, nl: r.sentence.nl, en: r.sentence.en })),
        }
      : { strength: null, reasons: [] };
    const [r] = await db
      .insert(relationship)
      .values({
        programmeId: programmeRow.id,
        organisationId,
        mentorId: found.mentor.id,
        startedAt: new Date(now - daysAgo * day),
      })
      .returning({ id: relationship.id });
    await db
      .insert(relationshipMentee)
      .values({ relationshipId: r!.id, menteeId: found.mentee.id, ...kept });
  };
  const ask = async (
    programmeRow: ProgrammeRow,
    found: { mentee: DemoPerson; mentor: DemoPerson } | null,
    message: string,
    hopes: string,
  ) => {
    if (!found) return;
    const [request] = await db
      .insert(mentoringRequest)
      .values({
        programmeId: programmeRow.id,
        organisationId,
        fromPersonId: found.mentee.id,
        toPersonId: found.mentor.id,
        menteeId: found.mentee.id,
        mentorId: found.mentor.id,
        message,
        hopes,
        expiresAt: new Date(now + 7 * day),
        createdAt: new Date(now - 3 * day),
      })
      .returning({ id: mentoringRequest.id });
    // Like a request sent in the app: a reminder halfway (day 5 of 10), expiry at the end, so a
    // demo left running for a week frees these mentees instead of leaving them stuck.
    await scheduleJob(db, 'request.remind', { requestId: request!.id }, new Date(now + 2 * day));
    await scheduleJob(db, 'request.expire', { requestId: request!.id }, new Date(now + 7 * day));
  };
  const reverseJuniors = juniors.slice(0, 24);
  const reverseLeaders = leaders.filter((l) => l.id !== ceo.id).slice(0, 14);
  const classicLeads = leads.slice(0, 20);
  const classicMentors = leaders.slice(0, 12);
  // The CEO learns AI from Daan: leaders take part first.
  await open(reverse!, await pair(reverse!, [ceo], [daan]), 21);
  await open(reverse!, await pair(reverse!, reverseLeaders, reverseJuniors), 35);
  await open(reverse!, await pair(reverse!, reverseJuniors, reverseLeaders), 12);
  await open(classic!, await pair(classic!, classicLeads, classicMentors), 50);
  await ask(
    reverse!,
    await pair(reverse!, reverseLeaders, reverseJuniors),
    'Ik wil graag begrijpen hoe jouw generatie social media gebruikt. Zullen we eens koffie drinken?',
    'Zelf durven experimenteren met AI-tools',
  );
  await ask(
    reverse!,
    await pair(reverse!, reverseJuniors, reverseLeaders),
    'Ik zou graag leren hoe je binnen Noordzee een netwerk opbouwt. Heb je tijd voor mij?',
    'Weten bij wie ik moet aankloppen',
  );
  await ask(
    classic!,
    await pair(classic!, classicLeads, classicMentors),
    'Sinds twee maanden ben ik teamleider en ik loop tegen moeilijke gesprekken aan. Wil je mijn mentor zijn?',
    'Rustiger feedback geven',
  );

  // Check-ins (issue 10): peer pairs from different departments that started five weeks ago.
  // With the programme's 30-day cadence their first check-ins are due, so the sweep at start-up
  // sends them. Daan and Ingrid (the e2e tests' people) are not among them.
  const checkInEmails: string[] = [];
  const kept = new Set(['medewerker@noordzee.demo', 'manager@noordzee.demo']);
  const candidates = peerPeople.filter((p) => !kept.has(p.email));
  for (const mentee of candidates) {
    if (checkInEmails.length >= 10) break;
    if (used.has(`${peer!.id}:${mentee.id}`)) continue;
    for (const mentor of candidates) {
      if (mentor.id === mentee.id || used.has(`${peer!.id}:${mentor.id}`)) continue;
      const evaluation = await evaluate(peer!, mentee.id, mentor.id);
      if (!evaluation.allowed || evaluation.strength <= 0 || evaluation.reasons.length === 0) {
        continue;
      }
      used.add(`${peer!.id}:${mentee.id}`);
      used.add(`${peer!.id}:${mentor.id}`);
      await open(peer!, { mentee, mentor }, 35);
      checkInEmails.push(mentee.email, mentor.email);
      break;
    }
  }
  return checkInEmails;
}
