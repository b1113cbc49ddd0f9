import type {
  ConflictRules,
  MatchingMode,
  Programme,
  ProgrammeBody,
  ProgrammeType,
  Weights,
} from './programme-types';

export interface QuestionValues {
  /** A stable React key; `id` is the server's, absent for a question not saved yet. */
  key: string;
  id?: string;
  labelNl: string;
  labelEn: string;
  required: boolean;
}

export interface DesignerValues {
  name: string;
  goal: string;
  descriptionNl: string;
  descriptionEn: string;
  type: ProgrammeType;
  isTargetGroup: boolean;
  departments: string[];
  locations: string[];
  jobTitleContains: string[];
  /** Mantine's NumberInput gives '' when empty. */
  jobLevelMin: number | string;
  jobLevelMax: number | string;
  startedBefore: string;
  startedAfter: string;
  genders: string[];
  ageBands: string[];
  backgrounds: string[];
  enrolmentOpensOn: string;
  enrolmentClosesOn: string;
  startsOn: string;
  endsOn: string;
  matchingMode: MatchingMode;
  defaultCapacity: number;
  groupMin: number;
  groupMax: number;
  conflictRules: ConflictRules;
  checkInCadenceDays: number;
  requestExpiryDays: number;
  questions: QuestionValues[];
  /** Null for a new programme: the server fills its defaults, tuned after the first save. */
  weights: Weights | null;
}

let nextKey = 0;
export const newQuestionKey = () => `q-${++nextKey}`;

export function designerValuesOf(programme: Programme | undefined): DesignerValues {
  const sensitive = programme?.audience.sensitive;
  return {
    name: programme?.name ?? '',
    goal: programme?.goal ?? '',
    descriptionNl: programme?.descriptionNl ?? '',
    descriptionEn: programme?.descriptionEn ?? '',
    type: programme?.type ?? 'classic',
    isTargetGroup: programme?.isTargetGroup ?? false,
    departments: programme?.audience.departments ?? [],
    locations: programme?.audience.locations ?? [],
    jobTitleContains: programme?.audience.jobTitleContains ?? [],
    jobLevelMin: programme?.audience.jobLevelMin ?? '',
    jobLevelMax: programme?.audience.jobLevelMax ?? '',
    startedBefore: programme?.audience.startedBefore ?? '',
    startedAfter: programme?.audience.startedAfter ?? '',
    genders: sensitive?.genders ?? [],
    ageBands: sensitive?.ageBands ?? [],
    backgrounds: sensitive?.backgrounds ?? [],
    enrolmentOpensOn: programme?.enrolmentOpensOn ?? '',
    enrolmentClosesOn: programme?.enrolmentClosesOn ?? '',
    startsOn: programme?.startsOn ?? '',
    endsOn: programme?.endsOn ?? '',
    matchingMode: programme?.matchingMode ?? 'participants_choose',
    defaultCapacity: programme?.defaultCapacity ?? 2,
    groupMin: programme?.groupMin ?? 3,
    groupMax: programme?.groupMax ?? 8,
    // Reporting line two levels up or down by default: no competition, no interests at stake.
    conflictRules: programme?.conflictRules ?? {
      reportingLineLevels: 2,
      excludeSameTeam: false,
      excludeSameDepartment: false,
      excludeEarlierPairs: true,
    },
    checkInCadenceDays: programme?.checkInCadenceDays ?? 30,
    requestExpiryDays: programme?.requestExpiryDays ?? 10,
    questions: (programme?.questions ?? []).map((q) => ({ ...q, key: newQuestionKey() })),
    weights: programme?.weights ?? null,
  };
}

const dateOrNull = (value: string): string | null => (value.trim() === '' ? null : value);

/** A job-level bound as the server takes it: a number, or null when the input is empty. */
export function jobLevelOrNull(value: number | string): number | null {
  if (typeof value === 'number') return value;
  if (value.trim() === '') return null;
  const level = Number(value);
  return Number.isFinite(level) ? level : null;
}

/** Whether the job-level range runs backwards (both bounds set, the maximum below the minimum). */
export function isJobLevelRangeReversed(values: DesignerValues): boolean {
  const min = jobLevelOrNull(values.jobLevelMin);
  const max = jobLevelOrNull(values.jobLevelMax);
  return min !== null && max !== null && max < min;
}

export function toProgrammeBody(values: DesignerValues): ProgrammeBody {
  const hasSensitive =
    values.genders.length + values.ageBands.length + values.backgrounds.length > 0;
  return {
    name: values.name.trim(),
    goal: values.goal.trim(),
    descriptionNl: values.descriptionNl.trim(),
    descriptionEn: values.descriptionEn.trim(),
    type: values.type,
    isTargetGroup: values.isTargetGroup,
    audience: {
      departments: values.departments,
      locations: values.locations,
      jobTitleContains: values.jobTitleContains,
      jobLevelMin: jobLevelOrNull(values.jobLevelMin),
      jobLevelMax: jobLevelOrNull(values.jobLevelMax),
      startedBefore: dateOrNull(values.startedBefore),
      startedAfter: dateOrNull(values.startedAfter),
      // Sensitive attributes may only define the audience of a declared target-group programme.
      sensitive:
        values.isTargetGroup && hasSensitive
          ? { genders: values.genders, ageBands: values.ageBands, backgrounds: values.backgrounds }
          : null,
    },
    enrolmentOpensOn: dateOrNull(values.enrolmentOpensOn),
    enrolmentClosesOn: dateOrNull(values.enrolmentClosesOn),
    startsOn: dateOrNull(values.startsOn),
    endsOn: dateOrNull(values.endsOn),
    matchingMode: values.matchingMode,
    defaultCapacity: values.defaultCapacity,
    groupMin: values.groupMin,
    groupMax: values.groupMax,
    conflictRules: values.conflictRules,
    checkInCadenceDays: values.checkInCadenceDays,
    requestExpiryDays: values.requestExpiryDays,
    questions: values.questions.map(({ id, labelNl, labelEn, required }) => ({
      ...(id ? { id } : {}),
      labelNl: labelNl.trim(),
      labelEn: labelEn.trim(),
      required,
    })),
    ...(values.weights ? { weights: values.weights } : {}),
  };
}

/** Server field paths (`audience.departments`, `conflictRules.reportingLineLevels`) as form paths. */
export function toFormField(serverField: string): string {
  return serverField.replace(/^audience\.(sensitive\.)?/, '');
}
