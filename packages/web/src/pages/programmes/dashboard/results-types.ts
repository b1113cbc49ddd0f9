import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/schema';
import { programmeQueryKey } from '../programme-types';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Results = Json<paths['/api/programmes/{id}/results']['get']['responses'][200]>;
export type ResultsQuery = NonNullable<
  paths['/api/programmes/{id}/results']['get']['parameters']['query']
>;
export type GroupDimension = NonNullable<ResultsQuery['by']>;
export type QuestionResult = Results['checkIns']['questions'][number];
export type QuestionFigures = NonNullable<QuestionResult['figures']>;
export type Comments = NonNullable<QuestionResult['comments']>;
export type Outcomes = Results['outcomes'];
export type OutcomeFigures = Outcomes['total'];
export type Withheld = Extract<QuestionFigures, { shown: false }>;
export type Shown<T> = Extract<T, { shown: true }>;

const dimensions: readonly string[] = [
  'department',
  'location',
  'role',
  'jobLevelBand',
  'gender',
  'ageBand',
  'background',
];

export function isGroupDimension(value: string | null | undefined): value is GroupDimension {
  return typeof value === 'string' && dimensions.includes(value);
}

export const resultsQueryKey = (programmeId: string, period: string, by: string) =>
  [...programmeQueryKey(programmeId), 'results', period, by] as const;

export function fetchResults(programmeId: string, period: string, by: GroupDimension | null) {
  return unwrap(
    api.GET('/api/programmes/{id}/results', {
      params: { path: { id: programmeId }, query: { period, ...(by ? { by } : {}) } },
    }),
  );
}

/** How a reader names a group value, an answer value and a withheld figure's reason. */
export function useResultWords(by: GroupDimension | null) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return {
    number: (value: number) => number.format(value),
    percent: (value: number | null) =>
      value === null ? t('feedbackResults.noAnswers') : `${number.format(value)}%`,
    group: (value: string) =>
      by === 'role' && ['mentee', 'mentor', 'both'].includes(value)
        ? t(`feedbackResults.roles.${value as 'mentee'}`)
        : value,
    value: (kind: QuestionResult['kind'], value: string) => {
      if (value === 'yes' || value === 'no') return t(`feedbackResults.values.${value}`);
      if (kind === 'gains') {
        const key = `feedbackResults.gains.${value}`;
        return i18n.exists(key) ? t(key as 'feedbackResults.gains.insight') : value;
      }
      return value;
    },
    reason: (withheld: Withheld) =>
      t(`feedbackResults.reasons.${withheld.reason}`, { needed: withheld.needed }),
  };
}
