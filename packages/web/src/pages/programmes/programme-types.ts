import type { TFunction } from 'i18next';
import type { paths } from '../../api/schema';
import type { Me } from '../../session/use-me';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Programme = Json<paths['/api/programmes/{id}']['get']['responses'][200]>;
export type ProgrammeBody = Json<paths['/api/programmes']['post']['requestBody']>;
export type ProgrammeChange = Json<
  paths['/api/programmes/{id}/changes']['get']['responses'][200]
>['items'][number];
export type Enrolment = Json<
  paths['/api/programmes/{id}/enrolments']['get']['responses'][200]
>['items'][number];
export type Weights = Programme['weights'];
export type WeightKey = keyof Weights;
export type ConflictRules = Programme['conflictRules'];
export type ProgrammeType = Programme['type'];
export type MatchingMode = Programme['matchingMode'];
export type ProgrammeStatus = Programme['status'];
export type EnrolmentRole = NonNullable<Programme['myEnrolment']>['role'];
export type Question = Programme['questions'][number];

export type Profile = Json<paths['/api/me/profile']['get']['responses'][200]>;
export type ProfileBody = Json<paths['/api/me/profile']['put']['requestBody']>;
export type MeetingMode = ProfileBody['meetingMode'];
export type Skills = Json<paths['/api/skills']['get']['responses'][200]>;
export type Sensitive = Json<paths['/api/me/sensitive']['get']['responses'][200]>;
export type SensitiveBody = Json<paths['/api/me/sensitive']['put']['requestBody']>;
export type EnrolBody = Json<paths['/api/programmes/{id}/enrolment']['post']['requestBody']>;
export type Suggestions = Json<paths['/api/programmes/{id}/suggestions']['get']['responses'][200]>;
export type Suggestion = Suggestions['items'][number];

export const programmeTypes: readonly ProgrammeType[] = ['classic', 'reverse', 'peer', 'group'];
export const matchingModes: readonly MatchingMode[] = [
  'participants_choose',
  'mentors_offer',
  'manager_proposes',
];
export const meetingModes: readonly MeetingMode[] = ['online', 'in_person', 'either'];
export const weightKeys: readonly WeightKey[] = [
  'learning',
  'reverseLearning',
  'commonGround',
  'language',
  'timeZone',
  'availability',
  'meeting',
  'preference',
];
export const ageBands = ['<25', '25-34', '35-44', '45-54', '55+'] as const;
export type AgeBand = (typeof ageBands)[number];
const ageBandKeys = {
  '<25': 'under25',
  '25-34': 'from25to34',
  '35-44': 'from35to44',
  '45-54': 'from45to54',
  '55+': 'from55',
} as const satisfies Record<AgeBand, string>;

export function isAgeBand(value: string): value is AgeBand {
  return (ageBands as readonly string[]).includes(value);
}

/** An age band as people read it ("Jonger dan 25", "25–34"); an unknown value as it is. */
export function ageBandLabel(band: string, t: TFunction): string {
  return isAgeBand(band) ? t(`programmes.ageBandValues.${ageBandKeys[band]}`) : band;
}

export const programmesQueryKey = ['programmes'] as const;
export const programmeQueryKey = (id: string) => [...programmesQueryKey, 'detail', id] as const;
export const profileQueryKey = ['me', 'profile'] as const;
export const skillsQueryKey = ['skills'] as const;

/** Designing programmes and proposing introductions; the server checks every call again. */
export function canDesignProgrammes(me: Me | null | undefined): boolean {
  const role = me?.membership?.role;
  return role === 'org_admin' || role === 'programme_manager';
}

/** Anyone with an organisation can take part (enrol, request, be requested). */
export function canTakePart(me: Me | null | undefined): boolean {
  return Boolean(me?.membership);
}

export function programmeDescription(programme: Programme, locale: string): string {
  const preferred = locale === 'en' ? programme.descriptionEn : programme.descriptionNl;
  return preferred || programme.descriptionNl || programme.descriptionEn;
}

export function questionLabel(question: Question, locale: string): string {
  return locale === 'en' ? question.labelEn : question.labelNl;
}

/** A YYYY-MM-DD date or ISO timestamp in the reader's language; empty for none. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
  }).format(date);
}

export function formatDateTime(value: string, locale: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** Whether a mentee-side participant sees suggestions (mentors see them only where mentors offer). */
export function seesSuggestions(programme: Programme): boolean {
  const role = programme.myEnrolment?.role;
  if (!role || programme.status !== 'published') return false;
  if (programme.matchingMode === 'manager_proposes') return false;
  if (role === 'mentor') return programme.matchingMode === 'mentors_offer';
  return true;
}
