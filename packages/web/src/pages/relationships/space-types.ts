import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type AgreementState = Json<
  paths['/api/relationships/{id}/agreement']['get']['responses'][200]
>;
export type AgreementVersion = AgreementState['agreement'];
export type AgreementBody = Json<paths['/api/relationships/{id}/agreement']['put']['requestBody']>;
export type MeetingMode = AgreementBody['meetingMode'];
export type RatingsState = Json<paths['/api/relationships/{id}/ratings']['get']['responses'][200]>;
export type RatingItem = RatingsState['items'][number];
export type GoalList = Json<paths['/api/relationships/{id}/goals']['get']['responses'][200]>;
export type Goal = GoalList['items'][number];
export type GoalStatus = Goal['status'];
export type NoteList = Json<paths['/api/relationships/{id}/notes']['get']['responses'][200]>;
export type Note = NoteList['items'][number];

export const meetingModes: readonly MeetingMode[] = ['online', 'in_person', 'either'];
export const goalStatuses: readonly GoalStatus[] = ['open', 'in_progress', 'achieved', 'dropped'];

/** Query keys of the relationship page's sections: all under ['relationship', id]. */
export const spaceKeys = {
  all: (id: string) => ['relationship', id] as const,
  agreement: (id: string) => ['relationship', id, 'agreement'] as const,
  ratings: (id: string) => ['relationship', id, 'ratings'] as const,
  goals: (id: string) => ['relationship', id, 'goals'] as const,
  notes: (id: string) => ['relationship', id, 'notes'] as const,
};

export function formatDate(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(value));
}

export function formatDateTime(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
}
