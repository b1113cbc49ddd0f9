import type {
  InterestKind,
  Labels,
  MeetingMode,
  OrgChartEntry,
  Participant,
  ProgrammeRules,
  Role,
  ScoreWeights,
  SkillLevel,
  WeeklySlot,
} from './types.js';

/**
 * Default weights. Learning fit dominates (the programme's purpose), common ground comes next
 * (the *click*), practicalities break ties. Each weight multiplies a 0–1000 strength, so the
 * maximum score with these defaults is 150,000.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  learning: 40,
  reverseLearning: 20,
  commonGround: 30,
  language: 5,
  timeZone: 5,
  availability: 15,
  meeting: 10,
  preference: 25,
});

/** Default programme rules (reporting line two levels either way; shared language required). */
export const DEFAULT_RULES: Readonly<ProgrammeRules> = Object.freeze({
  weights: DEFAULT_WEIGHTS,
  reportingLineLevels: 2,
  excludeSameTeam: false,
  excludeSameDepartment: false,
  competingOrganisations: [],
  excludeEarlierPairs: true,
  requireSharedLanguage: true,
  requireCompatibleMeetingMode: false,
  defaultCapacity: 1,
});

/** Invalid engine input. `problems` names every field that is wrong, with a path. */
export class MatchInputError extends Error {
  override name = 'MatchInputError';
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1 ? problems[0] : `${problems.length} problems: ${problems.join('; ')}`,
    );
  }
}

const MAX_PROBLEMS = 20;

class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(`${path}: ${message}`);
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

function optString(o: Record<string, unknown>, key: string, path: string, p: Problems) {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') {
    p.add(`${path}.${key}`, 'must be a string');
    return undefined;
  }
  return v;
}

function stringArray(v: unknown, path: string, p: Problems, required: boolean): string[] {
  if (v === undefined || v === null) {
    if (required) p.add(path, 'is required (an array of strings)');
    return [];
  }
  if (!Array.isArray(v)) {
    p.add(path, 'must be an array of strings');
    return [];
  }
  // Clean input (the common case) is returned as is: no copy, no garbage.
  let clean = true;
  for (let i = 0; i < v.length && clean; i++) {
    const s: unknown = v[i];
    if (typeof s !== 'string' || s === '') clean = false;
    else for (let j = 0; j < i; j++) if (v[j] === s) clean = false;
  }
  if (clean) return v as string[];
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (typeof s !== 'string' || s === '') p.add(`${path}[${i}]`, 'must be a non-empty string');
    else if (!out.includes(s)) out.push(s);
  }
  return out;
}

function skillLevels(v: unknown, path: string, p: Problems): SkillLevel[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    p.add(path, 'must be an array of {skill, level}');
    return [];
  }
  let clean = true;
  for (let i = 0; i < v.length && clean; i++) {
    const s: unknown = v[i];
    if (!isRecord(s) || typeof s.skill !== 'string' || s.skill === '') clean = false;
    else if (!isInt(s.level) || s.level < 1 || s.level > 5) clean = false;
    else for (let j = 0; j < i; j++) if ((v[j] as SkillLevel).skill === s.skill) clean = false;
  }
  if (clean) return v as SkillLevel[];
  const out: SkillLevel[] = [];
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (!isRecord(s) || typeof s.skill !== 'string' || s.skill === '') {
      p.add(`${path}[${i}].skill`, 'must be a non-empty string');
      continue;
    }
    if (!isInt(s.level) || s.level < 1 || s.level > 5) {
      p.add(`${path}[${i}].level`, 'must be an integer from 1 to 5');
      continue;
    }
    const skill = s.skill;
    const seen = out.find((x) => x.skill === skill);
    if (seen === undefined) out.push({ skill, level: s.level });
    else seen.level = Math.max(seen.level, s.level);
  }
  return out;
}

function slots(v: unknown, path: string, p: Problems): WeeklySlot[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    p.add(path, 'must be an array of hour-of-week indices or [from, to] ranges');
    return [];
  }
  const out: WeeklySlot[] = [];
  v.forEach((s, i) => {
    if (isInt(s) && s >= 0 && s < 168) out.push(s);
    else if (
      Array.isArray(s) &&
      s.length === 2 &&
      isInt(s[0]) &&
      isInt(s[1]) &&
      s[0] >= 0 &&
      s[0] < s[1] &&
      s[1] <= 168
    ) {
      out.push([s[0], s[1]]);
    } else p.add(`${path}[${i}]`, 'must be an hour 0–167 or a range [from, to) within 0–168');
  });
  return out;
}

function intField(
  v: Record<string, unknown>,
  path: string,
  p: Problems,
  key: string,
  min: number,
  max: number,
  dflt: number | undefined,
): number | undefined {
  const x = v[key];
  if (x === undefined || x === null) return dflt;
  if (!isInt(x) || x < min || x > max) {
    p.add(`${path}.${key}`, `must be an integer from ${min} to ${max}`);
    return dflt;
  }
  return x;
}

const MODES: readonly MeetingMode[] = ['online', 'in_person', 'either'];
const ROLES: readonly Role[] = ['mentee', 'mentor'];
const KINDS: readonly InterestKind[] = ['hobby', 'experience', 'value', 'tag'];

function participant(
  v: unknown,
  path: string,
  p: Problems,
  defaultCapacity: number,
): NormalizedParticipant | null {
  if (!isRecord(v)) {
    p.add(path, 'must be an object');
    return null;
  }
  const before = p.list.length;
  if (typeof v.id !== 'string' || v.id === '') p.add(`${path}.id`, 'must be a non-empty string');
  if (typeof v.name !== 'string') p.add(`${path}.name`, 'must be a string');
  const meetingMode = v.meetingMode ?? 'either';
  if (!MODES.includes(meetingMode as MeetingMode)) {
    p.add(`${path}.meetingMode`, `must be one of ${MODES.join(', ')}`);
  }
  const eligibleAs =
    v.eligibleAs === undefined
      ? undefined
      : stringArray(v.eligibleAs, `${path}.eligibleAs`, p, false);
  if (eligibleAs?.some((r) => !ROLES.includes(r as Role))) {
    p.add(`${path}.eligibleAs`, 'may only contain "mentee" and "mentor"');
  }
  let prefer: string[] = [];
  let avoid: string[] = [];
  if (v.preferences !== undefined && v.preferences !== null) {
    if (!isRecord(v.preferences))
      p.add(`${path}.preferences`, 'must be an object {prefer?, avoid?}');
    else {
      prefer = stringArray(v.preferences.prefer, `${path}.preferences.prefer`, p, false);
      avoid = stringArray(v.preferences.avoid, `${path}.preferences.avoid`, p, false);
    }
  }
  if (v.group !== undefined && typeof v.group !== 'boolean')
    p.add(`${path}.group`, 'must be a boolean');
  const out: NormalizedParticipant = {
    id: v.id as string,
    name: v.name as string,
    organisationId: optString(v, 'organisationId', path, p),
    managerId: optString(v, 'managerId', path, p),
    department: optString(v, 'department', path, p),
    team: optString(v, 'team', path, p),
    languages: stringArray(v.languages, `${path}.languages`, p, true),
    utcOffsetMinutes: intField(v, path, p, 'utcOffsetMinutes', -720, 840, undefined),
    availability: slots(v.availability, `${path}.availability`, p),
    meetingMode: meetingMode as MeetingMode,
    place: optString(v, 'place', path, p),
    offers: skillLevels(v.offers, `${path}.offers`, p),
    wants: skillLevels(v.wants, `${path}.wants`, p),
    interests: stringArray(v.interests, `${path}.interests`, p, false),
    capacity: intField(v, path, p, 'capacity', 0, 1000, defaultCapacity) ?? defaultCapacity,
    activeMentees: intField(v, path, p, 'activeMentees', 0, 1000, 0) ?? 0,
    pendingRequests: intField(v, path, p, 'pendingRequests', 0, 1_000_000, 0) ?? 0,
    group: v.group === true,
    eligibleAs: (eligibleAs as Role[] | undefined) ?? ['mentee', 'mentor'],
    preferences: { prefer, avoid },
    conflicts: stringArray(v.conflicts, `${path}.conflicts`, p, false),
    earlierPartners: stringArray(v.earlierPartners, `${path}.earlierPartners`, p, false),
  };
  return p.list.length === before ? out : null;
}

function rules(v: unknown, p: Problems): ProgrammeRules {
  if (v === undefined || v === null) return { ...DEFAULT_RULES, weights: { ...DEFAULT_WEIGHTS } };
  if (!isRecord(v)) {
    p.add('rules', 'must be an object');
    return { ...DEFAULT_RULES, weights: { ...DEFAULT_WEIGHTS } };
  }
  const weights: ScoreWeights = { ...DEFAULT_WEIGHTS };
  if (v.weights !== undefined) {
    if (!isRecord(v.weights)) p.add('rules.weights', 'must be an object');
    else {
      for (const [key, w] of Object.entries(v.weights)) {
        if (!(key in DEFAULT_WEIGHTS)) p.add(`rules.weights.${key}`, 'is not a known score part');
        else if (!isInt(w) || w < 0 || w > 1000)
          p.add(`rules.weights.${key}`, 'must be an integer from 0 to 1000');
        else weights[key as keyof ScoreWeights] = w;
      }
    }
  }
  const bool = (key: keyof ProgrammeRules, dflt: boolean): boolean => {
    const x = v[key];
    if (x === undefined) return dflt;
    if (typeof x !== 'boolean') {
      p.add(`rules.${key}`, 'must be a boolean');
      return dflt;
    }
    return x;
  };
  const int = (key: keyof ProgrammeRules, min: number, max: number, dflt: number): number => {
    const x = v[key];
    if (x === undefined) return dflt;
    if (!isInt(x) || x < min || x > max) {
      p.add(`rules.${key}`, `must be an integer from ${min} to ${max}`);
      return dflt;
    }
    return x;
  };
  const competing: [string, string][] = [];
  if (v.competingOrganisations !== undefined) {
    if (!Array.isArray(v.competingOrganisations))
      p.add('rules.competingOrganisations', 'must be an array of [orgA, orgB]');
    else {
      v.competingOrganisations.forEach((pair, i) => {
        if (
          Array.isArray(pair) &&
          pair.length === 2 &&
          typeof pair[0] === 'string' &&
          typeof pair[1] === 'string'
        ) {
          competing.push([pair[0], pair[1]]);
        } else p.add(`rules.competingOrganisations[${i}]`, 'must be a pair of organisation ids');
      });
    }
  }
  return {
    weights,
    reportingLineLevels: int('reportingLineLevels', 0, 100, DEFAULT_RULES.reportingLineLevels),
    excludeSameTeam: bool('excludeSameTeam', DEFAULT_RULES.excludeSameTeam),
    excludeSameDepartment: bool('excludeSameDepartment', DEFAULT_RULES.excludeSameDepartment),
    competingOrganisations: competing,
    excludeEarlierPairs: bool('excludeEarlierPairs', DEFAULT_RULES.excludeEarlierPairs),
    requireSharedLanguage: bool('requireSharedLanguage', DEFAULT_RULES.requireSharedLanguage),
    requireCompatibleMeetingMode: bool(
      'requireCompatibleMeetingMode',
      DEFAULT_RULES.requireCompatibleMeetingMode,
    ),
    defaultCapacity: int('defaultCapacity', 0, 1000, DEFAULT_RULES.defaultCapacity),
  };
}

/** A validated participant: defaults filled in, duplicates removed. */
export type NormalizedParticipant = Participant & {
  availability: WeeklySlot[];
  meetingMode: MeetingMode;
  capacity: number;
  activeMentees: number;
  pendingRequests: number;
  group: boolean;
  eligibleAs: Role[];
  preferences: { prefer: string[]; avoid: string[] };
  conflicts: string[];
  earlierPartners: string[];
};

/** A validated pool: every optional field filled with its default, duplicates removed. */
export interface NormalizedPool {
  participants: NormalizedParticipant[];
  rules: ProgrammeRules;
  labels: Labels;
  orgChart: OrgChartEntry[];
}

/**
 * Validates a pool (typically parsed JSON) and fills in defaults. Throws {@link MatchInputError}
 * naming each bad field (up to 20) with its path, e.g. `participants[3].offers[0].level`.
 *
 * @example
 * const pool = normalizePool(JSON.parse(text)); // throws MatchInputError on bad input
 */
export function normalizePool(input: unknown): NormalizedPool {
  const p = new Problems();
  if (!isRecord(input))
    throw new MatchInputError([
      'pool: must be an object {participants, rules?, labels?, orgChart?}',
    ]);
  const r = rules(input.rules, p);
  const participants: NormalizedParticipant[] = [];
  if (!Array.isArray(input.participants)) p.add('participants', 'must be an array');
  else {
    const seen = new Set<string>();
    input.participants.forEach((raw, i) => {
      const x = participant(raw, `participants[${i}]`, p, r.defaultCapacity);
      if (x === null) return;
      if (seen.has(x.id)) p.add(`participants[${i}].id`, `duplicate id "${x.id}"`);
      seen.add(x.id);
      participants.push(x);
    });
  }
  const labels: Labels = {};
  if (input.labels !== undefined && input.labels !== null) {
    if (!isRecord(input.labels)) p.add('labels', 'must be an object {id: {nl, en, kind?}}');
    else {
      for (const [id, l] of Object.entries(input.labels)) {
        if (!isRecord(l) || typeof l.nl !== 'string' || typeof l.en !== 'string') {
          p.add(`labels.${id}`, 'must be {nl: string, en: string, kind?}');
        } else if (l.kind !== undefined && !KINDS.includes(l.kind as InterestKind)) {
          p.add(`labels.${id}.kind`, `must be one of ${KINDS.join(', ')}`);
        } else labels[id] = { nl: l.nl, en: l.en, kind: l.kind as InterestKind | undefined };
      }
    }
  }
  const orgChart: OrgChartEntry[] = [];
  if (input.orgChart !== undefined && input.orgChart !== null) {
    if (!Array.isArray(input.orgChart)) p.add('orgChart', 'must be an array of {id, managerId?}');
    else {
      input.orgChart.forEach((e, i) => {
        if (
          !isRecord(e) ||
          typeof e.id !== 'string' ||
          (e.managerId !== undefined && e.managerId !== null && typeof e.managerId !== 'string')
        ) {
          p.add(`orgChart[${i}]`, 'must be {id: string, managerId?: string}');
        } else orgChart.push({ id: e.id, managerId: (e.managerId as string | null) ?? undefined });
      });
    }
  }
  if (p.list.length > 0) throw new MatchInputError(p.list);
  return { participants, rules: r, labels, orgChart };
}
