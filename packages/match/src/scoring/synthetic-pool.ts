import type {
  MatchPool,
  MeetingMode,
  Participant,
  ProgrammeRulesInput,
  SkillLevel,
  WeeklySlot,
} from './types.js';

/** Deterministic PRNG (mulberry32) so that generated pools are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples 0..n-1 with probability ∝ 1/(i+1)^s (Zipf), by binary search on the CDF. */
function zipfSampler(n: number, s: number, rnd: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cdf[i] = total += 1 / Math.pow(i + 1, s);
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface SyntheticPoolOptions {
  size: number;
  seed?: number;
  skills?: number;
  interests?: number;
  organisations?: number;
  rules?: ProgrammeRulesInput;
}

const PLACES = [
  'Amsterdam',
  'Rotterdam',
  'Utrecht',
  'Den Haag',
  'Eindhoven',
  'Groningen',
  'Antwerpen',
  'Berlin',
];
const LANGS = ['nl', 'en', 'de', 'fr', 'tr', 'ar', 'pl'];

/**
 * A realistic synthetic pool for benchmarks and demos: skill and interest popularity follow Zipf
 * laws (a few very common, a long tail of rare ones), 60% mentors/mentees/peers, managers form
 * trees of about 8 reports per team, most people speak Dutch and/or English, availability comes
 * in office-hour blocks. Not used by the engine itself.
 */
export function generateSyntheticPool(options: SyntheticPoolOptions): MatchPool {
  const rnd = mulberry32(options.seed ?? 1);
  const nSkills = options.skills ?? 200;
  const nInterests = options.interests ?? 600;
  const nOrgs = options.organisations ?? 20;
  const skill = zipfSampler(nSkills, 1.0, rnd);
  const interest = zipfSampler(nInterests, 0.9, rnd);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const participants: Participant[] = [];
  const levels = (count: number, lo: number, hi: number): SkillLevel[] => {
    const seen = new Set<number>();
    const out: SkillLevel[] = [];
    for (let i = 0; i < count; i++) {
      const s = skill();
      if (seen.has(s)) continue;
      seen.add(s);
      out.push({ skill: `skill-${s}`, level: int(lo, hi) });
    }
    return out;
  };
  for (let i = 0; i < options.size; i++) {
    const org = Math.floor(Math.pow(rnd(), 2) * nOrgs);
    const roleDraw = rnd();
    const eligibleAs: Participant['eligibleAs'] =
      roleDraw < 0.6 ? ['mentee'] : roleDraw < 0.9 ? ['mentor'] : ['mentee', 'mentor'];
    const langDraw = rnd();
    const languages =
      langDraw < 0.5
        ? ['nl', 'en']
        : langDraw < 0.75
          ? ['nl']
          : langDraw < 0.9
            ? ['en']
            : [LANGS[int(2, 6)], 'en'];
    const interests = new Set<string>();
    const nInt = int(2, 8);
    for (let j = 0; j < nInt; j++) interests.add(`interest-${interest()}`);
    const start = int(0, 4) * 24 + int(8, 16);
    const availability: WeeklySlot[] = [[start, start + int(1, 3)]];
    if (rnd() < 0.5) {
      const s2 = int(0, 4) * 24 + int(8, 18);
      availability.push([s2, s2 + int(1, 2)]);
    }
    const modeDraw = rnd();
    const meetingMode: MeetingMode =
      modeDraw < 0.3 ? 'online' : modeDraw < 0.5 ? 'in_person' : 'either';
    const team = Math.floor(i / 8);
    participants.push({
      id: `p${i}`,
      name: `Person ${i}`,
      organisationId: `org-${org}`,
      // Team leads report to a lead of a team 8 teams up; members to their lead.
      managerId: i % 8 === 0 ? (team >= 8 ? `p${(team >> 3) * 8}` : undefined) : `p${team * 8}`,
      department: `dept-${org}-${team % 12}`,
      team: `team-${team}`,
      languages,
      utcOffsetMinutes: rnd() < 0.9 ? 60 : int(-5, 9) * 60,
      availability,
      meetingMode,
      place: PLACES[Math.floor(Math.pow(rnd(), 1.5) * PLACES.length)],
      offers: levels(int(1, 5), 2, 5),
      wants: levels(int(1, 4), 1, 4),
      interests: [...interests],
      capacity: int(1, 4),
      activeMentees: rnd() < 0.15 ? 4 : 0,
      pendingRequests: Math.floor(Math.pow(rnd(), 6) * 20),
      eligibleAs,
      conflicts: rnd() < 0.02 ? [`p${int(0, options.size - 1)}`] : [],
      earlierPartners: rnd() < 0.05 ? [`p${int(0, options.size - 1)}`] : [],
    });
  }
  return {
    participants,
    rules: {
      excludeSameTeam: true,
      competingOrganisations: [['org-0', 'org-1']],
      ...options.rules,
    },
  };
}
