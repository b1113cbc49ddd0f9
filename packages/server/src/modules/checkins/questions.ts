import type { CheckInAnswer, CheckInQuestion, CheckInQuestionKind } from '../../db/schema.js';
import { fieldErrors, type FieldProblem } from '../../errors.js';
import { message } from '../../i18n/messages.js';

/** The questions every programme starts with; their id is their kind. */
export const STANDARD_KINDS = ['met', 'usefulness', 'gains', 'programme'] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];

/** The kinds a manager may add questions of. */
export const OWN_KINDS = ['scale', 'yes_no', 'text'] as const;
export type OwnKind = (typeof OWN_KINDS)[number];

/** At most this many questions of the programme's own, besides the standard ones. */
export const MAX_OWN_QUESTIONS = 5;
/** An open answer's length. */
export const MAX_TEXT_ANSWER = 2000;
export const MAX_LABEL = 300;

/** What one can get out of mentoring ('gains': choose any). */
export const GAIN_OPTIONS = [
  'insight',
  'skills',
  'network',
  'confidence',
  'perspective',
  'enjoyment',
] as const;
export type GainOption = (typeof GAIN_OPTIONS)[number];

export const GAIN_LABELS: Readonly<Record<GainOption, { nl: string; en: string }>> = {
  insight: { nl: 'Inzicht in mezelf of mijn werk', en: 'Insight into myself or my work' },
  skills: { nl: 'Nieuwe vaardigheden', en: 'New skills' },
  network: { nl: 'Een groter netwerk', en: 'A wider network' },
  confidence: { nl: 'Meer zelfvertrouwen', en: 'More confidence' },
  perspective: { nl: 'Een andere kijk op dingen', en: 'A different perspective' },
  enjoyment: { nl: 'Plezier in het werk', en: 'Enjoyment in my work' },
};

/** The standard four, in both languages. An empty programme set means exactly these. */
export const STANDARD_QUESTIONS: readonly CheckInQuestion[] = [
  {
    id: 'met',
    kind: 'met',
    labelNl: 'Hebben jullie elkaar gesproken sinds de vorige keer?',
    labelEn: 'Have you met since last time?',
  },
  {
    id: 'usefulness',
    kind: 'usefulness',
    labelNl: 'Hoe nuttig was het voor je?',
    labelEn: 'How useful was it for you?',
  },
  {
    id: 'gains',
    kind: 'gains',
    labelNl: 'Wat levert het je op?',
    labelEn: 'What do you get out of it?',
  },
  {
    id: 'programme',
    kind: 'programme',
    labelNl: 'Is er iets wat het programma zou moeten weten?',
    labelEn: 'Is there anything the programme should know?',
  },
];

const isStandardKind = (kind: string): kind is StandardKind =>
  (STANDARD_KINDS as readonly string[]).includes(kind);

/** The questions a check-in of this programme asks. */
export function effectiveQuestions(stored: readonly CheckInQuestion[]): CheckInQuestion[] {
  return stored.length === 0 ? STANDARD_QUESTIONS.map((q) => ({ ...q })) : stored.map((q) => q);
}

/** Whether a set is the standard four, unchanged (then it is stored as empty). */
export function isStandardSet(questions: readonly CheckInQuestion[]): boolean {
  return (
    questions.length === STANDARD_QUESTIONS.length &&
    questions.every((q, i) => {
      const s = STANDARD_QUESTIONS[i]!;
      return (
        q.id === s.id && q.kind === s.kind && q.labelNl === s.labelNl && q.labelEn === s.labelEn
      );
    })
  );
}

/** A stable id from a label: lowercase letters, digits and single hyphens. */
export function slugOf(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug === '' ? 'question' : slug;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface QuestionInput {
  id?: string | undefined;
  kind: CheckInQuestionKind;
  labelNl: string;
  labelEn: string;
}

/**
 * A programme's own set, checked: the standard questions keep their id (= their kind) and appear
 * at most once, 'usefulness' stays, at most five of the programme's own with unique slug ids (made
 * from the English label when missing). Problems name the field (`body.questions.2.id`).
 */
export function validateQuestionSet(input: readonly QuestionInput[]): CheckInQuestion[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const result: CheckInQuestion[] = [];
  let own = 0;
  input.forEach((q, index) => {
    const at = `body.questions.${index}`;
    const labelNl = q.labelNl.trim();
    const labelEn = q.labelEn.trim();
    if (labelNl === '') problems.push({ field: `${at}.labelNl`, message: message('isRequired') });
    if (labelEn === '') problems.push({ field: `${at}.labelEn`, message: message('isRequired') });
    let id: string;
    if (isStandardKind(q.kind)) {
      id = q.kind;
      if (q.id !== undefined && q.id !== q.kind) {
        problems.push({ field: `${at}.id`, message: message('checkInStandardId') });
      }
    } else {
      own++;
      if (q.id !== undefined) {
        id = q.id;
        if (!SLUG.test(id) || id.length > 40) {
          problems.push({ field: `${at}.id`, message: message('slugFormat') });
        } else if (isStandardKind(id)) {
          problems.push({ field: `${at}.id`, message: message('checkInReservedId') });
        }
      } else {
        const base = slugOf(labelEn || labelNl);
        id = isStandardKind(base) ? `${base}-2` : base;
        for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
      }
    }
    if (seen.has(id)) {
      problems.push({ field: `${at}.id`, message: message('checkInDuplicateQuestion') });
    }
    seen.add(id);
    result.push({ id, kind: q.kind, labelNl, labelEn });
  });
  if (!seen.has('usefulness')) {
    problems.push({ field: 'body.questions', message: message('checkInUsefulnessStays') });
  }
  if (own > MAX_OWN_QUESTIONS) {
    problems.push({ field: 'body.questions', message: message('checkInTooManyOwn') });
  }
  if (problems.length > 0) throw fieldErrors('validation_failed', problems);
  return result;
}

/**
 * Answers checked against the questions the check-in was sent with: yes/no questions take a
 * boolean, scales a whole number 1–5 (both required), gains any of GAIN_OPTIONS, text at most
 * 2000 characters (both optional). Unknown ids are refused, naming them.
 */
export function validateAnswers(
  questions: readonly CheckInQuestion[],
  answers: Readonly<Record<string, unknown>>,
): Record<string, CheckInAnswer> {
  const problems: FieldProblem[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const result: Record<string, CheckInAnswer> = {};
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) {
      problems.push({ field: `body.answers.${id}`, message: message('checkInUnknownQuestion') });
    }
  }
  for (const q of questions) {
    const field = `body.answers.${q.id}`;
    const value = answers[q.id];
    switch (q.kind) {
      case 'met':
      case 'yes_no':
        if (typeof value === 'boolean') result[q.id] = value;
        else problems.push({ field, message: message('checkInAnswerYesNo') });
        break;
      case 'usefulness':
      case 'scale':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) {
          result[q.id] = value;
        } else problems.push({ field, message: message('checkInAnswerScale') });
        break;
      case 'gains': {
        if (value === undefined || value === null) break;
        const valid =
          Array.isArray(value) &&
          value.every((g) => (GAIN_OPTIONS as readonly unknown[]).includes(g)) &&
          new Set(value).size === value.length;
        if (valid) {
          if (value.length > 0) result[q.id] = value as string[];
        } else problems.push({ field, message: message('checkInAnswerGains') });
        break;
      }
      case 'programme':
      case 'text': {
        if (value === undefined || value === null) break;
        if (typeof value !== 'string') {
          problems.push({ field, message: message('checkInAnswerText') });
        } else if (value.trim().length > MAX_TEXT_ANSWER) {
          problems.push({
            field,
            message: message('atMostCharacters', { maximum: MAX_TEXT_ANSWER }),
          });
        } else if (value.trim() !== '') result[q.id] = value.trim();
        break;
      }
    }
  }
  if (problems.length > 0) throw fieldErrors('validation_failed', problems);
  return result;
}
