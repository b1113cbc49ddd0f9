import type { TFunction } from 'i18next';
import {
  ageBandLabel,
  formatDate,
  matchingModes,
  programmeTypes,
  weightKeys,
  type MatchingMode,
  type ProgrammeType,
  type WeightKey,
} from './programme-types';

/** One recorded change of a programme, in words: what changed, as lines before and after. */
export interface DescribedChange {
  label: string;
  before: string[];
  after: string[];
}

interface Context {
  t: TFunction;
  locale: string;
}

/** How one field of a nested rule (audience, conflict rules, weights) is labelled and read. */
interface Entry {
  label: (c: Context) => string;
  read: (value: unknown, c: Context) => string | null;
}

type FieldFormat =
  | { kind: 'value'; read: (value: unknown, c: Context) => string | null }
  | {
      kind: 'entries';
      entries: (value: unknown) => [key: string, value: unknown][];
      about: Record<string, Entry>;
      empty: (c: Context) => string;
    }
  | { kind: 'questions' }
  | { kind: 'checkInQuestions' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** A value nobody set (null, '', []) reads as null; the caller writes "Niet ingevuld". */
function readPlain(value: unknown, c: Context): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean')
    return c.t(value ? 'programmes.history.yes' : 'programmes.history.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => readPlain(v, c)).filter((v): v is string => v !== null);
    return items.length > 0 ? items.join(', ') : null;
  }
  if (isRecord(value)) {
    const lines = Object.entries(value)
      .map(([key, v]) => [key, readPlain(v, c)] as const)
      .filter(([, v]) => v !== null)
      .map(([key, v]) => `${key}: ${v}`);
    return lines.length > 0 ? lines.join('; ') : null;
  }
  return JSON.stringify(value);
}

const readDate = (value: unknown, c: Context) =>
  typeof value === 'string' && value !== '' ? formatDate(value, c.locale) : readPlain(value, c);
const readDays = (value: unknown, c: Context) =>
  typeof value === 'number' ? c.t('programmes.days', { count: value }) : readPlain(value, c);
const readType = (value: unknown, c: Context) =>
  isOneOf<ProgrammeType>(programmeTypes, value)
    ? c.t(`programmes.types.${value}`)
    : readPlain(value, c);
const readMode = (value: unknown, c: Context) =>
  isOneOf<MatchingMode>(matchingModes, value)
    ? c.t(`programmes.modes.${value}`)
    : readPlain(value, c);
const programmeStatuses = ['draft', 'published', 'closed'] as const;
const readStatus = (value: unknown, c: Context) =>
  isOneOf(programmeStatuses, value) ? c.t(`programmes.status.${value}`) : readPlain(value, c);
const readAgeBands = (value: unknown, c: Context) =>
  Array.isArray(value) && value.length > 0
    ? value.map((band) => ageBandLabel(String(band), c.t)).join(', ')
    : null;

const audienceEntries: Record<string, Entry> = {
  departments: { label: (c) => c.t('programmes.fields.departments'), read: readPlain },
  locations: { label: (c) => c.t('programmes.fields.locations'), read: readPlain },
  jobTitleContains: { label: (c) => c.t('programmes.fields.jobTitleContains'), read: readPlain },
  jobLevelMin: { label: (c) => c.t('programmes.fields.jobLevelMin'), read: readPlain },
  jobLevelMax: { label: (c) => c.t('programmes.fields.jobLevelMax'), read: readPlain },
  startedAfter: { label: (c) => c.t('programmes.fields.startedAfter'), read: readDate },
  startedBefore: { label: (c) => c.t('programmes.fields.startedBefore'), read: readDate },
  genders: { label: (c) => c.t('programmes.fields.genders'), read: readPlain },
  ageBands: { label: (c) => c.t('programmes.fields.ageBands'), read: readAgeBands },
  backgrounds: { label: (c) => c.t('programmes.fields.backgrounds'), read: readPlain },
};

const conflictEntries: Record<string, Entry> = {
  reportingLineLevels: {
    label: (c) => c.t('programmes.fields.reportingLineLevels'),
    read: readPlain,
  },
  excludeSameTeam: { label: (c) => c.t('programmes.fields.excludeSameTeam'), read: readPlain },
  excludeSameDepartment: {
    label: (c) => c.t('programmes.fields.excludeSameDepartment'),
    read: readPlain,
  },
  excludeEarlierPairs: {
    label: (c) => c.t('programmes.fields.excludeEarlierPairs'),
    read: readPlain,
  },
};

const weightEntries: Record<string, Entry> = Object.fromEntries(
  weightKeys.map((key: WeightKey) => [
    key,
    { label: (c: Context) => c.t(`programmes.weights.${key}`), read: readPlain },
  ]),
);

/** The sensitive audience rules sit one level deeper; the history reads them as audience rules. */
function audienceOf(value: unknown): [string, unknown][] {
  if (!isRecord(value)) return [];
  const { sensitive, ...rest } = value;
  return [...Object.entries(rest), ...(isRecord(sensitive) ? Object.entries(sensitive) : [])];
}
const entriesOf = (value: unknown): [string, unknown][] =>
  isRecord(value) ? Object.entries(value) : [];

const fields: Record<string, { label: (c: Context) => string; format: FieldFormat }> = {
  name: { label: (c) => c.t('programmes.fields.name'), format: { kind: 'value', read: readPlain } },
  goal: { label: (c) => c.t('programmes.fields.goal'), format: { kind: 'value', read: readPlain } },
  descriptionNl: {
    label: (c) => c.t('programmes.fields.descriptionNl'),
    format: { kind: 'value', read: readPlain },
  },
  descriptionEn: {
    label: (c) => c.t('programmes.fields.descriptionEn'),
    format: { kind: 'value', read: readPlain },
  },
  type: { label: (c) => c.t('programmes.fields.type'), format: { kind: 'value', read: readType } },
  status: {
    label: (c) => c.t('programmes.fields.status'),
    format: { kind: 'value', read: readStatus },
  },
  isTargetGroup: {
    label: (c) => c.t('programmes.fields.isTargetGroup'),
    format: { kind: 'value', read: readPlain },
  },
  audience: {
    label: (c) => c.t('programmes.sections.audience'),
    format: {
      kind: 'entries',
      entries: audienceOf,
      about: audienceEntries,
      empty: (c) => c.t('programmes.history.everyone'),
    },
  },
  enrolmentOpensOn: {
    label: (c) => c.t('programmes.fields.enrolmentOpensOn'),
    format: { kind: 'value', read: readDate },
  },
  enrolmentClosesOn: {
    label: (c) => c.t('programmes.fields.enrolmentClosesOn'),
    format: { kind: 'value', read: readDate },
  },
  startsOn: {
    label: (c) => c.t('programmes.fields.startsOn'),
    format: { kind: 'value', read: readDate },
  },
  endsOn: {
    label: (c) => c.t('programmes.fields.endsOn'),
    format: { kind: 'value', read: readDate },
  },
  matchingMode: {
    label: (c) => c.t('programmes.fields.matchingMode'),
    format: { kind: 'value', read: readMode },
  },
  defaultCapacity: {
    label: (c) => c.t('programmes.fields.defaultCapacity'),
    format: { kind: 'value', read: readPlain },
  },
  groupMin: {
    label: (c) => c.t('programmes.fields.groupMin'),
    format: { kind: 'value', read: readPlain },
  },
  groupMax: {
    label: (c) => c.t('programmes.fields.groupMax'),
    format: { kind: 'value', read: readPlain },
  },
  conflictRules: {
    label: (c) => c.t('programmes.sections.conflicts'),
    format: {
      kind: 'entries',
      entries: entriesOf,
      about: conflictEntries,
      empty: (c) => c.t('programmes.history.notSet'),
    },
  },
  checkInCadenceDays: {
    label: (c) => c.t('programmes.fields.checkInCadenceDays'),
    format: { kind: 'value', read: readDays },
  },
  requestExpiryDays: {
    label: (c) => c.t('programmes.fields.requestExpiryDays'),
    format: { kind: 'value', read: readDays },
  },
  questions: { label: (c) => c.t('programmes.sections.questions'), format: { kind: 'questions' } },
  checkInQuestions: {
    label: (c) => c.t('checkIns.history.label'),
    format: { kind: 'checkInQuestions' },
  },
  weights: {
    label: (c) => c.t('programmes.sections.weights'),
    format: {
      kind: 'entries',
      entries: entriesOf,
      about: weightEntries,
      empty: (c) => c.t('programmes.history.notSet'),
    },
  },
};

function questionLines(value: unknown, c: Context): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((q) => {
    const label = String((c.locale === 'en' ? q.labelEn : q.labelNl) ?? q.labelNl ?? '');
    return q.required === true
      ? c.t('programmes.history.requiredQuestion', { question: label })
      : label;
  });
}

const checkInKinds = [
  'met',
  'usefulness',
  'gains',
  'programme',
  'scale',
  'yes_no',
  'text',
] as const;

/** A check-in question as "1. label (kind of answer)" in the reader's language. */
function checkInQuestionLines(value: unknown, c: Context): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((q, index) => {
    const label = String((c.locale === 'en' ? q.labelEn : q.labelNl) ?? q.labelNl ?? '');
    const kind = isOneOf(checkInKinds, q.kind) ? c.t(`checkIns.kinds.${q.kind}`) : String(q.kind);
    return `${index + 1}. ${label} (${kind})`;
  });
}

/**
 * Lines of a nested rule, "label: value". Where both sides have the rule, only the parts that
 * differ are shown, so a changed weight is not lost among seven that stayed the same.
 */
function entryLines(
  format: Extract<FieldFormat, { kind: 'entries' }>,
  before: unknown,
  after: unknown,
  c: Context,
): [string[], string[]] {
  const read = (value: unknown) =>
    new Map(
      format
        .entries(value)
        .map(([key, v]) => [key, format.about[key]?.read(v, c) ?? readPlain(v, c)] as const)
        .filter((pair): pair is readonly [string, string] => pair[1] !== null),
    );
  const was = read(before);
  const became = read(after);
  const order = [...Object.keys(format.about)];
  const keys = [...new Set([...was.keys(), ...became.keys()])].sort(
    (a, b) => rank(order, a) - rank(order, b),
  );
  const changed = keys.filter((key) => was.get(key) !== became.get(key));
  const shown = changed.length > 0 ? changed : keys;
  const linesOf = (side: Map<string, string>) => {
    if (side.size === 0) return [format.empty(c)];
    return shown.map((key) => {
      const label = format.about[key]?.label(c) ?? key;
      return `${label}: ${side.get(key) ?? c.t('programmes.history.notSet')}`;
    });
  };
  return [linesOf(was), linesOf(became)];
}

const rank = (order: string[], key: string) => {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
};

/**
 * A programme change as a manager reads it: the field's label from the designer, enum values in
 * words, booleans as yes/no, dates in the reader's language, nested rules as "label: value"
 * lines. A field this version does not know is still shown, by its name.
 */
export function describeChange(
  field: string,
  before: unknown,
  after: unknown,
  t: TFunction,
  locale: string,
): DescribedChange {
  const c: Context = { t, locale };
  const known = fields[field];
  const notSet = t('programmes.history.notSet');
  const format: FieldFormat = known?.format ?? { kind: 'value', read: readPlain };
  const label = known?.label(c) ?? field;
  switch (format.kind) {
    case 'value':
      return {
        label,
        before: [format.read(before, c) ?? notSet],
        after: [format.read(after, c) ?? notSet],
      };
    case 'entries': {
      const [was, became] = entryLines(format, before, after, c);
      return { label, before: was, after: became };
    }
    case 'checkInQuestions': {
      const was = checkInQuestionLines(before, c);
      const became = checkInQuestionLines(after, c);
      return {
        label,
        before: was.length > 0 ? was : [notSet],
        after: became.length > 0 ? became : [notSet],
      };
    }
    case 'questions': {
      const was = questionLines(before, c);
      const became = questionLines(after, c);
      return {
        label,
        before: was.length > 0 ? was : [notSet],
        after: became.length > 0 ? became : [notSet],
      };
    }
  }
}
