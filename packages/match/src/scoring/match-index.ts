import { ReportingLines } from './reporting-line.js';
import type {
  ExclusionCode,
  Labels,
  MatchPool,
  ProgrammeRules,
  Role,
  ScorePartCode,
} from './types.js';
import { normalizePool } from './validate.js';
import type { NormalizedParticipant } from './validate.js';

/** Every part's strength runs from 0 to this (per mille); contribution = weight × strength. */
export const STRENGTH_MAX = 1000;

/**
 * Per-skill fit by level gap (teacher's level minus the level the learner wants to reach):
 * above counts fully, equal mostly, one below a little, further below not at all.
 *
 * @example
 * levelGapFit(5 - 3); // 1000
 * levelGapFit(3 - 3); // 700
 */
export function levelGapFit(gap: number): number {
  return gap >= 1 ? 1000 : gap === 0 ? 700 : gap === -1 ? 250 : 0;
}
const FIT_BY_GAP = Int32Array.from({ length: 9 }, (_, i) => levelGapFit(i - 4));

/** Wanted skills covered beyond this many no longer raise the learning strength. */
export const LEARNING_FULL_SKILLS = 3;
/** Shared-interest weight (sum of per-item IDF weights, per mille) that counts as full. */
export const COMMON_GROUND_FULL = 1500;
/** Time-zone difference (minutes) at which the time-zone strength reaches 0. */
export const TIME_ZONE_ZERO_MINUTES = 480;
/** Shared weekly hours that count as full availability overlap. */
export const AVAILABILITY_FULL_HOURS = 4;

export const PART_CODES: readonly ScorePartCode[] = [
  'learning',
  'reverse_learning',
  'common_ground',
  'language',
  'time_zone',
  'availability',
  'meeting',
  'preference',
];

export const EXCLUSION_CODES: readonly ExclusionCode[] = [
  'same_person',
  'not_eligible',
  'reporting_line',
  'same_team',
  'same_department',
  'competing_organisations',
  'declared_conflict',
  'avoided',
  'earlier_pair',
  'no_shared_language',
  'meeting_mode_mismatch',
  'mentor_full',
];
const BIT = Object.fromEntries(EXCLUSION_CODES.map((c, i) => [c, 1 << i])) as Record<
  ExclusionCode,
  number
>;

const ONLINE = 1;
const IN_PERSON = 2;
const AVAIL_WORDS = 6; // 168 hours in 32-bit words

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** 32-bit FNV-1a of a string, for deterministic per-viewer jitter. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Interner {
  readonly ids: string[] = [];
  private readonly map = new Map<string, number>();
  get(s: string): number {
    let i = this.map.get(s);
    if (i === undefined) {
      i = this.ids.length;
      this.map.set(s, i);
      this.ids.push(s);
    }
    return i;
  }
  find(s: string): number {
    return this.map.get(s) ?? -1;
  }
  get size(): number {
    return this.ids.length;
  }
}

/** Compressed rows: `item[start[i] .. start[i+1])` belong to row i (with `level` for skills). */
export interface Csr {
  start: Int32Array;
  item: Int32Array;
  level: Uint8Array;
}

/** Rows with room for `total` items; filled row by row (`start[i + 1]` set after row i). */
function emptyRows(n: number, total: number): Csr {
  return {
    start: new Int32Array(n + 1),
    item: new Int32Array(total),
    level: new Uint8Array(total),
  };
}

/** Insertion sort of one (short) row by item, keeping levels alongside. */
function sortRow(rows: Csr, i: number): void {
  const { start, item, level } = rows;
  for (let j = start[i] + 1; j < start[i + 1]; j++) {
    const x = item[j];
    const lx = level[j];
    let k = j - 1;
    while (k >= start[i] && item[k] > x) {
      item[k + 1] = item[k];
      level[k + 1] = level[k];
      k--;
    }
    item[k + 1] = x;
    level[k + 1] = lx;
  }
}

function fillSkillRow(
  rows: Csr,
  i: number,
  list: { skill: string; level: number }[],
  skills: Interner,
): void {
  const from = rows.start[i];
  for (let j = 0; j < list.length; j++) {
    rows.item[from + j] = skills.get(list[j].skill);
    rows.level[from + j] = list[j].level;
  }
  rows.start[i + 1] = from + list.length;
  sortRow(rows, i);
}

/** Inverts person rows into posting lists: item → people (with their levels), people ascending. */
function invert(rows: Csr, nItems: number): Csr {
  const n = rows.start.length - 1;
  const start = new Int32Array(nItems + 1);
  for (let j = 0; j < rows.item.length; j++) start[rows.item[j] + 1]++;
  for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
  const item = new Int32Array(rows.item.length);
  const level = new Uint8Array(rows.item.length);
  const fill = start.slice(0, nItems);
  for (let p = 0; p < n; p++) {
    for (let j = rows.start[p]; j < rows.start[p + 1]; j++) {
      const at = fill[rows.item[j]]++;
      item[at] = p;
      level[at] = rows.level[j];
    }
  }
  return { start, item, level };
}

function toIdSet(ids: string[], idToIdx: Map<string, number>): Set<number> | null {
  let out: Set<number> | null = null;
  for (const id of ids) {
    const i = idToIdx.get(id);
    if (i !== undefined) (out ??= new Set()).add(i);
  }
  return out;
}

/**
 * Posting lists over the people who can fill one role, numbered densely (0..people.length-1)
 * so that a request touches compact arrays. @internal
 */
export interface RoleLists {
  /** Dense number → participant index. */
  people: Int32Array;
  /** Participant index → dense number, or -1 when the person cannot fill this role. */
  denseOf: Int32Array;
  wantDivisor: Int32Array;
  /** Skill → dense numbers of people offering it (with level). */
  offeredBy: Csr;
  /** Skill → dense numbers of people wanting it (with level). */
  wantedBy: Csr;
  /** Interest → dense numbers of people holding it. */
  heldBy: Csr;
  /**
   * Practical fields per dense number, stride {@link P_STRIDE}: language mask, UTC offset, meeting
   * mode, place, availability (6 words), language-overflow flag. Read sequentially per request.
   */
  practical: Int32Array;
}

/** @internal */ export const P_STRIDE = 12;

/** The part strengths (0–1000) of one pair, in {@link PART_CODES} order. */
export type PartStrengths = Int32Array;

// Packed per-person record: the fields every pair check reads, in one 64-byte stride.
const STRIDE = 16;
const R_LANG = 0;
const R_OFFSET = 1;
const R_MODE = 2;
const R_PLACE = 3;
const R_AVAIL = 4; // 6 words
const R_ORG = 10;
const R_TEAM = 11;
const R_DEPT = 12;
const R_FLAGS = 13;
const R_REMAINING = 14;
const F_CONFLICTS = 4;
const F_AVOID = 8;
const F_EARLIER = 16;
const F_PREFER = 32;
const F_LANG_OVERFLOW = 64;
const NO_OFFSET = -1_000_000;
/** Languages with an interned id below this fit the bitmask; others use the row lists. */
export const LANG_BITS = 31;

/**
 * A one-off index over a programme's pool: interned skills and interests, inverted indexes
 * (skill → people offering / wanting it, interest → people holding it), IDF weights of interests,
 * availability bitsets and reporting-line intervals, packed in typed arrays. Build it once per
 * pool (and rebuild when the pool changes); then {@link findSuggestions},
 * {@link buildCandidatePairs} and {@link evaluatePair} answer from it.
 *
 * Not safe for concurrent use from several threads (it owns scratch buffers); one index per
 * worker.
 *
 * @example
 * const index = buildMatchIndex({ participants, rules: { excludeSameTeam: true } });
 * const { suggestions } = findSuggestions(index, { for: 'p-anna', role: 'mentee', k: 5 });
 */
export class MatchIndex {
  readonly n: number;
  readonly rules: ProgrammeRules;
  readonly labels: Labels;
  readonly ids: string[];
  readonly names: string[];
  /** Highest possible score under the programme's weights. */
  readonly maxScore: number;
  private lowerNames: string[] | null = null;
  /** @internal */ readonly idToIdx: Map<string, number>;
  /** @internal */ readonly idHash: Uint32Array;
  /** @internal */ readonly skills = new Interner();
  /** @internal */ readonly interests = new Interner();
  /** @internal */ readonly languages = new Interner();
  /** @internal */ readonly places = new Interner();
  /** @internal */ readonly placeNames: string[] = [];
  /** @internal */ readonly rec: Int32Array;
  /** @internal */ readonly competing = new Set<number>();
  /** @internal */ readonly orgCount: number;
  /** @internal Person rows. */ readonly offers: Csr;
  /** @internal */ readonly wants: Csr;
  /** @internal */ readonly interestRows: Csr;
  /** @internal */ readonly langRows: Csr;
  /** @internal Posting lists over the people who can fill each role. */
  readonly byRole: Record<Role, RoleLists>;
  /** @internal Divisor of the learning sum with this person as learner: min(#wants, 3) ≥ 1. */
  readonly wantDivisor: Int32Array;
  /** @internal */ readonly interestWeight: Int32Array;
  /** @internal */ readonly capacity: Int32Array;
  /** @internal */ readonly remaining: Int32Array;
  /** @internal */ readonly pending: Int32Array;
  /** @internal */ readonly group: Uint8Array;
  /** @internal */ readonly canMentee: Uint8Array;
  /** @internal */ readonly canMentor: Uint8Array;
  /** @internal */ readonly prefer: (Set<number> | null)[];
  /** @internal */ readonly preferredBy: number[][];
  /** @internal */ readonly avoid: (Set<number> | null)[];
  /** @internal */ readonly conflicts: (Set<number> | null)[];
  /** @internal */ readonly earlier: (Set<number> | null)[];
  /** @internal */ readonly reporting: ReportingLines;
  /** @internal Highest possible sum of the practical parts. */ readonly practicalMax: number;
  /** @internal */ readonly w: Int32Array;
  /** @internal Scratch: per candidate [viewer learns, candidate learns, common ground, preference]. */
  readonly acc: Int32Array;

  /** @internal Use {@link buildMatchIndex}. */
  constructor(
    participants: NormalizedParticipant[],
    rules: ProgrammeRules,
    labels: Labels,
    orgChart: { id: string; managerId?: string }[],
  ) {
    const n = participants.length;
    this.n = n;
    this.rules = rules;
    this.labels = labels;
    this.ids = participants.map((p) => p.id);
    this.names = participants.map((p) => p.name);
    this.idToIdx = new Map(this.ids.map((id, i) => [id, i]));
    this.idHash = Uint32Array.from(this.ids, hashString);
    const wt = rules.weights;
    this.w = Int32Array.from([
      wt.learning,
      wt.reverseLearning,
      wt.commonGround,
      wt.language,
      wt.timeZone,
      wt.availability,
      wt.meeting,
      wt.preference,
    ]);
    this.maxScore = STRENGTH_MAX * this.w.reduce((a, b) => a + b, 0);
    this.practicalMax = STRENGTH_MAX * (wt.language + wt.timeZone + wt.availability + wt.meeting);

    const orgs = new Interner();
    const rec = (this.rec = new Int32Array(n * STRIDE));
    this.wantDivisor = new Int32Array(n);
    this.capacity = new Int32Array(n);
    this.remaining = new Int32Array(n);
    this.pending = new Int32Array(n);
    this.group = new Uint8Array(n);
    this.canMentee = new Uint8Array(n);
    this.canMentor = new Uint8Array(n);
    // Person rows (CSR), allocated once and sorted per row in place: no per-person arrays.
    let nOffers = 0;
    let nWants = 0;
    let nInterests = 0;
    let nLangs = 0;
    for (const p of participants) {
      nOffers += p.offers.length;
      nWants += p.wants.length;
      nInterests += p.interests.length;
      nLangs += p.languages.length;
    }
    const offers: Csr = emptyRows(n, nOffers);
    const wants: Csr = emptyRows(n, nWants);
    const interestRows: Csr = emptyRows(n, nInterests);
    const langRows: Csr = emptyRows(n, nLangs);
    const teamIds = new Map<string, Map<string, number>>();
    let teamCount = 0;
    const groupId = (org: string, name: string | undefined): number => {
      if (name === undefined || name === '') return -1;
      let inner = teamIds.get(org);
      if (inner === undefined) teamIds.set(org, (inner = new Map()));
      let id = inner.get(name);
      if (id === undefined) inner.set(name, (id = teamCount++));
      return id;
    };
    const placeOfRaw = new Map<string, number>();
    const placeId = (raw: string | undefined): number => {
      if (raw === undefined) return -1;
      let id = placeOfRaw.get(raw);
      if (id === undefined) {
        const key = raw.trim().toLowerCase();
        if (key === '') id = -1;
        else {
          const before = this.places.size;
          id = this.places.get(key);
          if (this.places.size > before) this.placeNames.push(raw.trim());
        }
        placeOfRaw.set(raw, id);
      }
      return id;
    };
    for (let i = 0; i < n; i++) {
      const p = participants[i];
      const r = i * STRIDE;
      rec[r + R_ORG] = p.organisationId !== undefined ? orgs.get(p.organisationId) : -1;
      const orgKey = p.organisationId ?? '';
      rec[r + R_TEAM] = groupId(`t${orgKey}`, p.team);
      rec[r + R_DEPT] = groupId(`d${orgKey}`, p.department);
      let flags = 0;
      let mask = 0;
      const l0 = langRows.start[i];
      p.languages.forEach((code, j) => {
        const l = this.languages.get(code);
        langRows.item[l0 + j] = l;
        if (l < LANG_BITS) mask |= 1 << l;
        else flags |= F_LANG_OVERFLOW;
      });
      langRows.start[i + 1] = l0 + p.languages.length;
      sortRow(langRows, i);
      rec[r + R_LANG] = mask;
      rec[r + R_OFFSET] = p.utcOffsetMinutes ?? NO_OFFSET;
      for (const slot of p.availability) {
        const from = typeof slot === 'number' ? slot : slot[0];
        const to = typeof slot === 'number' ? slot + 1 : slot[1];
        for (let h = from; h < to; h++) rec[r + R_AVAIL + (h >>> 5)] |= 1 << (h & 31);
      }
      rec[r + R_MODE] =
        p.meetingMode === 'online'
          ? ONLINE
          : p.meetingMode === 'in_person'
            ? IN_PERSON
            : ONLINE | IN_PERSON;
      rec[r + R_PLACE] = placeId(p.place);
      fillSkillRow(offers, i, p.offers, this.skills);
      fillSkillRow(wants, i, p.wants, this.skills);
      this.wantDivisor[i] = Math.max(1, Math.min(LEARNING_FULL_SKILLS, p.wants.length));
      const t0 = interestRows.start[i];
      p.interests.forEach((t, j) => (interestRows.item[t0 + j] = this.interests.get(t)));
      interestRows.start[i + 1] = t0 + p.interests.length;
      sortRow(interestRows, i);
      this.capacity[i] = p.capacity;
      this.remaining[i] = p.capacity - p.activeMentees;
      rec[r + R_REMAINING] = this.remaining[i];
      this.pending[i] = p.pendingRequests;
      this.group[i] = p.group ? 1 : 0;
      this.canMentee[i] = p.eligibleAs.includes('mentee') ? 1 : 0;
      this.canMentor[i] = p.eligibleAs.includes('mentor') ? 1 : 0;
      rec[r + R_FLAGS] = flags;
    }
    this.orgCount = Math.max(1, orgs.size + rules.competingOrganisations.length * 2);
    for (const [a, b] of rules.competingOrganisations) {
      const x = orgs.get(a);
      const y = orgs.get(b);
      this.competing.add(x * this.orgCount + y);
      this.competing.add(y * this.orgCount + x);
    }

    this.offers = offers;
    this.wants = wants;
    this.interestRows = interestRows;
    this.langRows = langRows;
    const roleLists = (eligible: Uint8Array): RoleLists => {
      const people: number[] = [];
      for (let i = 0; i < n; i++) if (eligible[i] === 1) people.push(i);
      const sub = (rows: Csr): Csr => {
        const start = new Int32Array(people.length + 1);
        for (let d = 0; d < people.length; d++) {
          start[d + 1] = start[d] + rows.start[people[d] + 1] - rows.start[people[d]];
        }
        const item = new Int32Array(start[people.length]);
        const level = new Uint8Array(start[people.length]);
        for (let d = 0; d < people.length; d++) {
          for (
            let j = rows.start[people[d]], at = start[d];
            j < rows.start[people[d] + 1];
            j++, at++
          ) {
            item[at] = rows.item[j];
            level[at] = rows.level[j];
          }
        }
        return { start, item, level };
      };
      const denseOf = new Int32Array(n).fill(-1);
      people.forEach((p, d) => (denseOf[p] = d));
      return {
        people: Int32Array.from(people),
        denseOf,
        wantDivisor: Int32Array.from(people, (p) => this.wantDivisor[p]),
        offeredBy: invert(sub(this.offers), this.skills.size),
        wantedBy: invert(sub(this.wants), this.skills.size),
        heldBy: invert(sub(this.interestRows), this.interests.size),
        practical: packPractical(this.rec, people),
      };
    };
    this.byRole = { mentee: roleLists(this.canMentee), mentor: roleLists(this.canMentor) };
    // IDF over the whole pool, smoothed so that tiny pools still count shared items:
    // ln(1 + N/df) / ln(1 + N).
    const dfs = new Int32Array(this.interests.size);
    for (const t of this.interestRows.item) dfs[t]++;
    this.interestWeight = new Int32Array(this.interests.size);
    const logN = Math.log(1 + Math.max(1, n));
    for (let t = 0; t < this.interests.size; t++) {
      const df = dfs[t];
      this.interestWeight[t] = Math.round(
        (STRENGTH_MAX * Math.log(1 + n / Math.max(1, df))) / logN,
      );
    }

    this.prefer = participants.map((p) => toIdSet(p.preferences.prefer, this.idToIdx));
    this.avoid = participants.map((p) => toIdSet(p.preferences.avoid, this.idToIdx));
    this.conflicts = participants.map((p) => toIdSet(p.conflicts, this.idToIdx));
    this.earlier = participants.map((p) => toIdSet(p.earlierPartners, this.idToIdx));
    this.preferredBy = participants.map(() => []);
    for (let i = 0; i < n; i++) {
      const r = i * STRIDE + R_FLAGS;
      if (this.prefer[i]) {
        rec[r] |= F_PREFER;
        for (const j of this.prefer[i]!) this.preferredBy[j].push(i);
      }
      if (this.avoid[i]) rec[r] |= F_AVOID;
      if (this.conflicts[i]) rec[r] |= F_CONFLICTS;
      if (this.earlier[i]) rec[r] |= F_EARLIER;
    }

    // Reporting lines over participants plus org-chart-only people.
    const nodeOf = new Map(this.idToIdx);
    const managerOf: (string | undefined)[] = participants.map((p) => p.managerId);
    for (const e of orgChart) {
      const at = nodeOf.get(e.id);
      if (at === undefined) {
        nodeOf.set(e.id, managerOf.length);
        managerOf.push(e.managerId);
      } else if (managerOf[at] === undefined) {
        managerOf[at] = e.managerId;
      }
    }
    const parent = Int32Array.from(managerOf, (m) =>
      m === undefined ? -1 : (nodeOf.get(m) ?? -1),
    );
    this.reporting = new ReportingLines(parent);

    const dense = Math.max(this.byRole.mentee.people.length, this.byRole.mentor.people.length, 1);
    this.acc = new Int32Array(dense * 4);
  }

  /** Lower-cased display names, built on first use (text search). @internal */
  get nameLower(): string[] {
    return (this.lowerNames ??= this.names.map((x) => x.toLowerCase()));
  }

  /** Index of a participant id, or -1. */
  indexOf(id: string): number {
    return this.idToIdx.get(id) ?? -1;
  }

  /** Display label of a skill/interest/language id in both languages. @internal */
  label(id: string): { nl: string; en: string } {
    const l = this.labels[id] ?? BUILTIN_LANGUAGE_LABELS[id];
    return l ? { nl: l.nl, en: l.en } : { nl: id, en: id };
  }

  /** @internal Skill ids and levels a person offers (sorted by id). */
  offersOf(i: number): { skills: Int32Array; levels: Uint8Array } {
    const { start, item, level } = this.offers;
    return {
      skills: item.subarray(start[i], start[i + 1]),
      levels: level.subarray(start[i], start[i + 1]),
    };
  }

  /** @internal Skill ids and levels a person wants (sorted by id). */
  wantsOf(i: number): { skills: Int32Array; levels: Uint8Array } {
    const { start, item, level } = this.wants;
    return {
      skills: item.subarray(start[i], start[i + 1]),
      levels: level.subarray(start[i], start[i + 1]),
    };
  }

  /** @internal Interest ids (sorted). */
  interestsOf(i: number): Int32Array {
    return this.interestRows.item.subarray(
      this.interestRows.start[i],
      this.interestRows.start[i + 1],
    );
  }

  /** @internal Language ids (sorted). */
  languagesOf(i: number): Int32Array {
    return this.langRows.item.subarray(this.langRows.start[i], this.langRows.start[i + 1]);
  }

  /** @internal UTC offset in minutes, or null when unknown. */
  offsetOf(i: number): number | null {
    const o = this.rec[i * STRIDE + R_OFFSET];
    return o === NO_OFFSET ? null : o;
  }

  /** @internal Interned place id, or -1. */
  placeOf(i: number): number {
    return this.rec[i * STRIDE + R_PLACE];
  }

  /** @internal Meeting mode bits (1 online, 2 in person). */
  modeOf(i: number): number {
    return this.rec[i * STRIDE + R_MODE];
  }

  // ---- learning, common ground: reference (merge-based) computations -------------------------

  /** Sum of per-skill fits: what `learner` wants that `teacher` offers. @internal */
  learningSum(learner: number, teacher: number): number {
    const ws = this.wants.item;
    const wl = this.wants.level;
    const os = this.offers.item;
    const ol = this.offers.level;
    let i = this.wants.start[learner];
    const iEnd = this.wants.start[learner + 1];
    let j = this.offers.start[teacher];
    const jEnd = this.offers.start[teacher + 1];
    let sum = 0;
    while (i < iEnd && j < jEnd) {
      if (ws[i] < os[j]) i++;
      else if (ws[i] > os[j]) j++;
      else {
        sum += FIT_BY_GAP[ol[j] - wl[i] + 4];
        i++;
        j++;
      }
    }
    return sum;
  }

  /** Strength (0–1000) of what `learner` learns from `teacher`. @internal */
  learningStrength(learner: number, teacher: number): number {
    return this.learningFromSum(this.learningSum(learner, teacher), learner);
  }

  /** @internal */
  learningFromSum(sum: number, learner: number): number {
    return Math.min(STRENGTH_MAX, Math.floor(sum / this.wantDivisor[learner]));
  }

  /** Sum of IDF weights of shared interests. @internal */
  commonSum(a: number, b: number): number {
    const { start, item } = this.interestRows;
    let i = start[a];
    const iEnd = start[a + 1];
    let j = start[b];
    const jEnd = start[b + 1];
    let sum = 0;
    while (i < iEnd && j < jEnd) {
      if (item[i] < item[j]) i++;
      else if (item[i] > item[j]) j++;
      else {
        sum += this.interestWeight[item[i]];
        i++;
        j++;
      }
    }
    return sum;
  }

  /** @internal */
  commonFromSum(sum: number): number {
    return Math.min(STRENGTH_MAX, Math.floor((sum * STRENGTH_MAX) / COMMON_GROUND_FULL));
  }

  // ---- practical parts ---------------------------------------------------------------------

  /** @internal */
  sharesLanguage(a: number, b: number): boolean {
    const rec = this.rec;
    const ra = a * STRIDE;
    const rb = b * STRIDE;
    if ((rec[ra + R_LANG] & rec[rb + R_LANG]) !== 0) return true;
    if ((rec[ra + R_FLAGS] & rec[rb + R_FLAGS] & F_LANG_OVERFLOW) === 0) return false;
    const x = this.languagesOf(a);
    const y = this.languagesOf(b);
    for (let i = 0; i < x.length; i++)
      for (let j = 0; j < y.length; j++) if (x[i] === y[j]) return true;
    return false;
  }

  /** @internal */
  timeZoneStrength(a: number, b: number): number {
    const oa = this.rec[a * STRIDE + R_OFFSET];
    const ob = this.rec[b * STRIDE + R_OFFSET];
    if (oa === NO_OFFSET || ob === NO_OFFSET) return 0;
    let d = Math.abs(oa - ob);
    d = Math.min(d, 1440 - d);
    return Math.max(0, STRENGTH_MAX - Math.floor((d * STRENGTH_MAX) / TIME_ZONE_ZERO_MINUTES));
  }

  /** Shared weekly hours. @internal */
  sharedHours(a: number, b: number): number {
    const rec = this.rec;
    const x = a * STRIDE + R_AVAIL;
    const y = b * STRIDE + R_AVAIL;
    let h = 0;
    for (let k = 0; k < AVAIL_WORDS; k++) h += popcount(rec[x + k] & rec[y + k]);
    return h;
  }

  /** @internal */
  availabilityStrength(a: number, b: number): number {
    return Math.min(
      STRENGTH_MAX,
      Math.floor((this.sharedHours(a, b) * STRENGTH_MAX) / AVAILABILITY_FULL_HOURS),
    );
  }

  /** 1000 when both can meet in person at the same place, 800 online only, 0 incompatible. @internal */
  meetingStrength(a: number, b: number): number {
    const rec = this.rec;
    const ra = a * STRIDE;
    const rb = b * STRIDE;
    const shared = rec[ra + R_MODE] & rec[rb + R_MODE];
    const pa = rec[ra + R_PLACE];
    if ((shared & IN_PERSON) !== 0 && pa !== -1 && pa === rec[rb + R_PLACE]) return 1000;
    return (shared & ONLINE) !== 0 ? 800 : 0;
  }

  /** 500 for each side that prefers the other. @internal */
  preferenceStrength(a: number, b: number): number {
    return (this.prefer[a]?.has(b) ? 500 : 0) + (this.prefer[b]?.has(a) ? 500 : 0);
  }

  /**
   * The most the practical parts can give any pair with this person: what they left unknown
   * (no time zone, few free hours, no place) caps the part. @internal
   */
  practicalMaxFor(a: number): number {
    const rec = this.rec;
    const r = a * STRIDE;
    const w = this.w;
    let hours = 0;
    for (let k = 0; k < AVAIL_WORDS; k++) hours += popcount(rec[r + R_AVAIL + k]);
    const mode = rec[r + R_MODE];
    const meeting =
      (mode & IN_PERSON) !== 0 && rec[r + R_PLACE] !== -1 ? 1000 : (mode & ONLINE) !== 0 ? 800 : 0;
    return (
      (this.langRows.start[a + 1] > this.langRows.start[a] ? w[3] * STRENGTH_MAX : 0) +
      (rec[r + R_OFFSET] !== NO_OFFSET ? w[4] * STRENGTH_MAX : 0) +
      w[5] * Math.min(STRENGTH_MAX, Math.floor((hours * STRENGTH_MAX) / AVAILABILITY_FULL_HOURS)) +
      w[6] * meeting
    );
  }

  /** Weighted sum of the practical parts (language, time zone, availability, meeting). @internal */
  practicalScore(a: number, b: number): number {
    const w = this.w;
    return (
      (this.sharesLanguage(a, b) ? w[3] * STRENGTH_MAX : 0) +
      w[4] * this.timeZoneStrength(a, b) +
      w[5] * this.availabilityStrength(a, b) +
      w[6] * this.meetingStrength(a, b)
    );
  }

  /**
   * All part strengths of (mentee, mentor), computed directly (the reference the indexed search
   * is tested against). @internal
   */
  partStrengths(mentee: number, mentor: number): PartStrengths {
    return Int32Array.from([
      this.learningStrength(mentee, mentor),
      this.learningStrength(mentor, mentee),
      this.commonFromSum(this.commonSum(mentee, mentor)),
      this.sharesLanguage(mentee, mentor) ? STRENGTH_MAX : 0,
      this.timeZoneStrength(mentee, mentor),
      this.availabilityStrength(mentee, mentor),
      this.meetingStrength(mentee, mentor),
      this.preferenceStrength(mentee, mentor),
    ]);
  }

  /** @internal */
  scoreOf(strengths: PartStrengths): number {
    let s = 0;
    for (let i = 0; i < strengths.length; i++) s += this.w[i] * strengths[i];
    return s;
  }

  // ---- hard rules --------------------------------------------------------------------------

  /**
   * Bitmask of the hard rules (mentee, mentor) breaks, bits in {@link EXCLUSION_CODES} order;
   * 0 means allowed. `checkCapacity` adds the `mentor_full` rule. O(1) apart from set lookups,
   * which only happen for people who declared conflicts, avoidances or earlier partners.
   * @internal
   */
  exclusionMask(mentee: number, mentor: number, checkCapacity: boolean): number {
    const rec = this.rec;
    const ra = mentee * STRIDE;
    const rb = mentor * STRIDE;
    const r = this.rules;
    let m = 0;
    if (mentee === mentor) m |= BIT.same_person;
    if (this.canMentee[mentee] === 0 || this.canMentor[mentor] === 0) m |= BIT.not_eligible;
    if (
      r.reportingLineLevels > 0 &&
      this.reporting.isWithin(mentee, mentor, r.reportingLineLevels)
    ) {
      m |= BIT.reporting_line;
    }
    if (r.excludeSameTeam && rec[ra + R_TEAM] !== -1 && rec[ra + R_TEAM] === rec[rb + R_TEAM])
      m |= BIT.same_team;
    if (
      r.excludeSameDepartment &&
      rec[ra + R_DEPT] !== -1 &&
      rec[ra + R_DEPT] === rec[rb + R_DEPT]
    ) {
      m |= BIT.same_department;
    }
    const oa = rec[ra + R_ORG];
    const ob = rec[rb + R_ORG];
    if (
      this.competing.size > 0 &&
      oa !== -1 &&
      ob !== -1 &&
      this.competing.has(oa * this.orgCount + ob)
    ) {
      m |= BIT.competing_organisations;
    }
    const flags = rec[ra + R_FLAGS] | rec[rb + R_FLAGS];
    if (
      (flags & F_CONFLICTS) !== 0 &&
      (this.conflicts[mentee]?.has(mentor) || this.conflicts[mentor]?.has(mentee))
    ) {
      m |= BIT.declared_conflict;
    }
    if (
      (flags & F_AVOID) !== 0 &&
      (this.avoid[mentee]?.has(mentor) || this.avoid[mentor]?.has(mentee))
    ) {
      m |= BIT.avoided;
    }
    if (
      r.excludeEarlierPairs &&
      (flags & F_EARLIER) !== 0 &&
      (this.earlier[mentee]?.has(mentor) || this.earlier[mentor]?.has(mentee))
    ) {
      m |= BIT.earlier_pair;
    }
    if (r.requireSharedLanguage && !this.sharesLanguage(mentee, mentor))
      m |= BIT.no_shared_language;
    if (r.requireCompatibleMeetingMode && this.meetingStrength(mentee, mentor) === 0) {
      m |= BIT.meeting_mode_mismatch;
    }
    if (checkCapacity && rec[rb + R_REMAINING] <= 0) m |= BIT.mentor_full;
    return m;
  }

  /** True when (a, b) has a stated preference either way (cheap flag test first). @internal */
  hasPreferenceFlag(a: number, b: number): boolean {
    return ((this.rec[a * STRIDE + R_FLAGS] | this.rec[b * STRIDE + R_FLAGS]) & F_PREFER) !== 0;
  }
}

function packPractical(rec: Int32Array, people: number[]): Int32Array {
  const out = new Int32Array(people.length * P_STRIDE);
  people.forEach((p, d) => {
    const r = p * STRIDE;
    const q = d * P_STRIDE;
    out[q] = rec[r + R_LANG];
    out[q + 1] = rec[r + R_OFFSET];
    out[q + 2] = rec[r + R_MODE];
    out[q + 3] = rec[r + R_PLACE];
    for (let k = 0; k < AVAIL_WORDS; k++) out[q + 4 + k] = rec[r + R_AVAIL + k];
    out[q + 10] = rec[r + R_FLAGS] & F_LANG_OVERFLOW;
  });
  return out;
}

/**
 * The practical score of (viewer, candidate) from the candidate's packed practical fields; equals
 * `index.practicalScore(viewer, candidate)` (tested). @internal
 */
export function densePracticalScore(
  index: MatchIndex,
  viewer: number,
  candidate: number,
  pr: Int32Array,
  q: number,
): number {
  const rec = index.rec;
  const w = index.w;
  const r = viewer * STRIDE;
  let score = 0;
  if ((rec[r + R_LANG] & pr[q]) !== 0) score += w[3] * STRENGTH_MAX;
  else if ((rec[r + R_FLAGS] & pr[q + 10]) !== 0 && index.sharesLanguage(viewer, candidate))
    score += w[3] * STRENGTH_MAX;
  const oa = rec[r + R_OFFSET];
  const ob = pr[q + 1];
  if (oa !== NO_OFFSET && ob !== NO_OFFSET) {
    let d = oa > ob ? oa - ob : ob - oa;
    if (1440 - d < d) d = 1440 - d;
    const s = STRENGTH_MAX - Math.floor((d * STRENGTH_MAX) / TIME_ZONE_ZERO_MINUTES);
    if (s > 0) score += w[4] * s;
  }
  const h =
    popcount(rec[r + R_AVAIL] & pr[q + 4]) +
    popcount(rec[r + R_AVAIL + 1] & pr[q + 5]) +
    popcount(rec[r + R_AVAIL + 2] & pr[q + 6]) +
    popcount(rec[r + R_AVAIL + 3] & pr[q + 7]) +
    popcount(rec[r + R_AVAIL + 4] & pr[q + 8]) +
    popcount(rec[r + R_AVAIL + 5] & pr[q + 9]);
  score += w[5] * Math.min(STRENGTH_MAX, Math.floor((h * STRENGTH_MAX) / AVAILABILITY_FULL_HOURS));
  const shared = rec[r + R_MODE] & pr[q + 2];
  const place = rec[r + R_PLACE];
  if ((shared & IN_PERSON) !== 0 && place !== -1 && place === pr[q + 3]) score += w[6] * 1000;
  else if ((shared & ONLINE) !== 0) score += w[6] * 800;
  return score;
}

/** Codes set in an exclusion bitmask, in check order. */
export function exclusionCodes(mask: number): ExclusionCode[] {
  return EXCLUSION_CODES.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Names of common languages for explanations; the pool's labels override them. */
export const BUILTIN_LANGUAGE_LABELS: Readonly<Record<string, { nl: string; en: string }>> =
  Object.freeze({
    nl: { nl: 'Nederlands', en: 'Dutch' },
    en: { nl: 'Engels', en: 'English' },
    de: { nl: 'Duits', en: 'German' },
    fr: { nl: 'Frans', en: 'French' },
    es: { nl: 'Spaans', en: 'Spanish' },
    it: { nl: 'Italiaans', en: 'Italian' },
    pt: { nl: 'Portugees', en: 'Portuguese' },
    pl: { nl: 'Pools', en: 'Polish' },
    tr: { nl: 'Turks', en: 'Turkish' },
    ar: { nl: 'Arabisch', en: 'Arabic' },
    zh: { nl: 'Chinees', en: 'Chinese' },
    fy: { nl: 'Fries', en: 'Frisian' },
    pap: { nl: 'Papiaments', en: 'Papiamento' },
    uk: { nl: 'Oekraïens', en: 'Ukrainian' },
  });

/**
 * Validates a pool and builds the index every query runs on. Throws `MatchInputError` naming each
 * bad field. Cost is linear in the pool (about a second for 100,000 profiles).
 *
 * @example
 * const index = buildMatchIndex({
 *   participants: [anna, bram, carla],
 *   rules: { reportingLineLevels: 2, excludeSameTeam: true, weights: { commonGround: 40 } },
 *   labels: { sailing: { nl: 'zeilen', en: 'sailing' } },
 * });
 */
export function buildMatchIndex(pool: MatchPool): MatchIndex {
  const p = normalizePool(pool);
  return new MatchIndex(p.participants, p.rules, p.labels, p.orgChart);
}

/**
 * {@link buildMatchIndex} for untyped input such as parsed JSON: the same validation, which names
 * every bad field (`MatchInputError`).
 *
 * @example
 * const index = buildMatchIndexFromJson(JSON.parse(body));
 */
export function buildMatchIndexFromJson(input: unknown): MatchIndex {
  const p = normalizePool(input);
  return new MatchIndex(p.participants, p.rules, p.labels, p.orgChart);
}
