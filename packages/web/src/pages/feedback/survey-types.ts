import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type SurveyList = Json<paths['/api/outcome-surveys']['get']['responses'][200]>;
export type SurveySummary = SurveyList['items'][number];
export type SurveyDetail = Json<paths['/api/outcome-surveys/{id}']['get']['responses'][200]>;
export type SurveyAnswers = NonNullable<
  paths['/api/outcome-surveys/{id}/answers']['post']['requestBody']
>['content']['application/json'];

export const careerSteps = ['new_role', 'promotion', 'project', 'network'] as const;
export type CareerStep = (typeof careerSteps)[number];

/** Every outcome-survey query starts with ['outcome-surveys'], so an answer refreshes them all. */
export const surveyKeys = {
  all: ['outcome-surveys'] as const,
  list: ['outcome-surveys', 'list'] as const,
  detail: (id: string) => ['outcome-surveys', 'detail', id] as const,
};
