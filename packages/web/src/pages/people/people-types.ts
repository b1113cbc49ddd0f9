import type { paths } from '../../api/schema';

export type PeoplePage =
  paths['/api/people']['get']['responses'][200]['content']['application/json'];
export type Person = PeoplePage['items'][number];
export type PersonDetail =
  paths['/api/people/{id}']['get']['responses'][200]['content']['application/json'];
export type NewPerson = paths['/api/people']['post']['requestBody']['content']['application/json'];
export type PersonChanges = NonNullable<
  paths['/api/people/{id}']['patch']['requestBody']
>['content']['application/json'];
export type PeopleStatus = 'active' | 'inactive' | 'all';

export const peopleQueryKey = ['people'] as const;

/** Job levels (HR grade, functieniveau, schaal) the server accepts; higher is more senior. */
export const JOB_LEVEL_MIN = 1;
export const JOB_LEVEL_MAX = 20;
