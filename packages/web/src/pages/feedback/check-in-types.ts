import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type CheckInSummary = Json<
  paths['/api/check-ins']['get']['responses'][200]
>['items'][number];
export type CheckInDetail = Json<paths['/api/check-ins/{id}']['get']['responses'][200]>;
export type CheckInQuestion = CheckInDetail['questions'][number];
export type CheckInAnswer = NonNullable<CheckInDetail['answers']>[string];
export type GainOption = CheckInDetail['gainOptions'][number];

export const checkInKeys = {
  all: ['check-ins'] as const,
  list: ['check-ins', 'list'] as const,
  one: (id: string) => ['check-ins', 'one', id] as const,
  questions: (programmeId: string) => ['check-in-questions', programmeId] as const,
};

/** A question's label in the reader's language. */
export function labelOf(question: { labelNl: string; labelEn: string }, locale: string): string {
  return locale.startsWith('en') ? question.labelEn : question.labelNl;
}

export function gainLabel(option: GainOption, locale: string): string {
  return locale.startsWith('en') ? option.en : option.nl;
}
