/**
 * The engine's input format for scoring and suggestions. Plain JSON-compatible data: the server
 * maps its rows to these shapes, the `klik-match suggest` CLI reads them from stdin.
 *
 * Identifiers (participants, skills, interests, organisations, teams, languages) are opaque
 * strings. Skills and interests are ids from the server's bilingual taxonomy; their display names
 * come from {@link MatchPool.labels} so that explanations can name them.
 */

/** A side of a mentoring pair. */
export type Role = 'mentee' | 'mentor';

/** The two languages every explanation is rendered in. */
export type Locale = 'nl' | 'en';

/** How a person prefers to meet. `either` accepts online and in person. */
export type MeetingMode = 'online' | 'in_person' | 'either';

/**
 * A skill someone offers or wants to learn, with a level from 1 (beginner) to 5 (expert).
 * For `offers` the level is what the person can teach; for `wants` it is the level the person
 * wants to reach.
 */
export interface SkillLevel {
  skill: string;
  level: number;
}

/**
 * A slot of weekly availability in *UTC hour-of-week*: 0 is Monday 00:00–01:00 UTC, 167 is
 * Sunday 23:00–24:00 UTC. Either one hour index, or a half-open range `[from, to)` with
 * `0 <= from < to <= 168`. The server converts local time slots to UTC before calling.
 */
export type WeeklySlot = number | readonly [from: number, to: number];

/**
 * One person in a programme's pool, as mentee, mentor or both (peer).
 *
 * @example
 * const anna: Participant = {
 *   id: 'p-anna', name: 'Anna', organisationId: 'acme', managerId: 'p-boss',
 *   languages: ['nl', 'en'], utcOffsetMinutes: 60, availability: [[33, 36]],
 *   meetingMode: 'either', place: 'Utrecht',
 *   offers: [{ skill: 'public-speaking', level: 4 }], wants: [{ skill: 'social-media', level: 3 }],
 *   interests: ['sailing', 'lived-abroad'], capacity: 2,
 * };
 */
export interface Participant {
  /** Unique within the pool. */
  id: string;
  /** Display name, used in explanations ("Anna can help you with …"). */
  name: string;
  /** Home organisation; used by the competing-organisations rule and to scope team/department. */
  organisationId?: string;
  /**
   * The person's manager. May point outside the pool (see {@link MatchPool.orgChart}) or be
   * unknown; cycles in bad HR data are tolerated.
   */
  managerId?: string;
  department?: string;
  team?: string;
  /** Language codes (e.g. `nl`, `en`) the person can hold a mentoring conversation in. */
  languages: string[];
  /** Offset from UTC in minutes (e.g. 60 for CET in winter); the server resolves IANA zones. */
  utcOffsetMinutes?: number;
  /** Weekly availability in UTC hour-of-week slots. Empty or absent: unknown (scores 0). */
  availability?: WeeklySlot[];
  /** Defaults to `either`. */
  meetingMode?: MeetingMode;
  /** City or office where the person can meet in person. */
  place?: string;
  /** Skills the person can teach. */
  offers: SkillLevel[];
  /** Skills the person wants to learn. */
  wants: SkillLevel[];
  /**
   * Informal common ground: hobbies, life experiences, values, free tags (ids; the kind of each
   * id is given by its label, see {@link ItemLabel.kind}).
   */
  interests: string[];
  /** How many mentees this person can mentor at once. Defaults to the programme's default. */
  capacity?: number;
  /** Mentees this person mentors now (in this programme); `capacity - activeMentees` remain. */
  activeMentees?: number;
  /** Open requests waiting for this mentor; used by the load-based diversity penalty. */
  pendingRequests?: number;
  /** The mentor offers group mentoring (one mentor, 3–8 mentees); `capacity` is the group size. */
  group?: boolean;
  /** Roles the person is enrolled and eligible for. Defaults to both (peer). */
  eligibleAs?: Role[];
  /** People this person would like (`prefer`) or refuses (`avoid`, a hard rule) to be paired with. */
  preferences?: { prefer?: string[]; avoid?: string[] };
  /** Declared conflicts of interest (ids); a hard rule in both directions. */
  conflicts?: string[];
  /** People this person was paired with before; excluded when the programme says so. */
  earlierPartners?: string[];
}

/**
 * Integer weights of the score parts. Each part has a strength from 0 to 1000 (per mille); its
 * contribution to the score is `weight × strength`. All weights are integers from 0 to 1000.
 */
export interface ScoreWeights {
  /** What the mentee wants to learn that the mentor offers (level gap counts). */
  learning: number;
  /** What the mentor wants to learn that the mentee offers (reverse mentoring). */
  reverseLearning: number;
  /** Shared informal interests, rarer ones weighing more (IDF over the pool). */
  commonGround: number;
  /** A shared conversation language. */
  language: number;
  /** Close time zones. */
  timeZone: number;
  /** Overlapping weekly availability. */
  availability: number;
  /** Compatible meeting mode and place. */
  meeting: number;
  /** Stated preference of either side for the other. */
  preference: number;
}

/** Programme rules: weights and the hard rules that remove pairs. */
export interface ProgrammeRules {
  weights: ScoreWeights;
  /** Exclude pairs where one is within this many levels of the other's reporting line (0 = off). */
  reportingLineLevels: number;
  /** Exclude pairs in the same team (within the same organisation). */
  excludeSameTeam: boolean;
  /** Exclude pairs in the same department (within the same organisation). */
  excludeSameDepartment: boolean;
  /** Pairs of organisation ids that compete; their members are never paired. */
  competingOrganisations: [string, string][];
  /** Exclude people who were paired before (`earlierPartners`). */
  excludeEarlierPairs: boolean;
  /** Exclude pairs without a shared language. */
  requireSharedLanguage: boolean;
  /** Exclude pairs whose meeting modes/places cannot meet (online-only vs in-person-only, …). */
  requireCompatibleMeetingMode: boolean;
  /** Capacity of a mentor who states none. */
  defaultCapacity: number;
}

/** Programme rules as given in input: every field optional, defaults fill the rest. */
export interface ProgrammeRulesInput extends Partial<Omit<ProgrammeRules, 'weights'>> {
  weights?: Partial<ScoreWeights>;
}

/** Kind of an informal interest; chooses the sentence used to explain it. */
export type InterestKind = 'hobby' | 'experience' | 'value' | 'tag';

/** A bilingual display name of a skill, interest or language id. */
export interface ItemLabel {
  nl: string;
  en: string;
  /** For interests: how to phrase shared ground. Defaults to `hobby`. */
  kind?: InterestKind;
}

/** Display names keyed by skill, interest or language id. Missing ids are shown as the id. */
export type Labels = Record<string, ItemLabel>;

/** A reporting-line entry for someone who may not be in the pool (e.g. a senior manager). */
export interface OrgChartEntry {
  id: string;
  managerId?: string;
}

/**
 * Everything the engine needs about one programme.
 *
 * @example
 * const pool: MatchPool = {
 *   participants: [anna, bram],
 *   rules: { reportingLineLevels: 2, excludeSameTeam: true },
 *   labels: { sailing: { nl: 'zeilen', en: 'sailing', kind: 'hobby' } },
 * };
 */
export interface MatchPool {
  participants: Participant[];
  rules?: ProgrammeRulesInput;
  labels?: Labels;
  /** Extra reporting lines (people outside the pool), merged with participants' `managerId`. */
  orgChart?: OrgChartEntry[];
}

/** Codes of the score parts, in the order they are listed. */
export type ScorePartCode =
  | 'learning'
  | 'reverse_learning'
  | 'common_ground'
  | 'language'
  | 'time_zone'
  | 'availability'
  | 'meeting'
  | 'preference';

/** Codes of the hard rules, in the order they are checked. */
export type ExclusionCode =
  | 'same_person'
  | 'not_eligible'
  | 'reporting_line'
  | 'same_team'
  | 'same_department'
  | 'competing_organisations'
  | 'declared_conflict'
  | 'avoided'
  | 'earlier_pair'
  | 'no_shared_language'
  | 'meeting_mode_mismatch'
  | 'mentor_full';

/** Rendered text in both languages. */
export type Bilingual = Record<Locale, string>;

/** A referenced item (skill, interest, language, place, person) with its display names. */
export interface ReasonItem {
  id: string;
  label: Bilingual;
}

/**
 * One explainable reason a pair scores: which part, what items, how many points, and a sentence
 * for people, written from the viewer's side.
 */
export interface Reason {
  code: ScorePartCode;
  items: ReasonItem[];
  /** Points this part adds to the score (`weight × strength`). */
  contribution: number;
  sentence: Bilingual;
}

/** Who reads an explanation: the mentee, the mentor, or a programme manager (third person). */
export type Viewer = Role | 'manager';

/**
 * Why a pair is not allowed. For programme managers' eyes only: never show it to participants.
 */
export interface Exclusion {
  mentee: string;
  mentor: string;
  /** The first rule that failed, in check order. */
  code: ExclusionCode;
  /** Every rule that failed. */
  codes: ExclusionCode[];
  /** A manager-facing sentence for `code`. */
  sentence: Bilingual;
}
