import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type OutcomeReport = Json<
  paths['/api/programmes/{programmeId}/outcomes']['get']['responses'][200]
>;
export type Headline = OutcomeReport['headline'];
export type CohortRef = OutcomeReport['cohorts'][number];
export type RetentionFigure = OutcomeReport['retention'][number];
export type ShownRetention = Extract<RetentionFigure, { shown: true }>;
export type CohortOverTime = OutcomeReport['cohortsOverTime'][number];
export type SponsorHome = Json<paths['/api/outcomes/sponsored']['get']['responses'][200]>;
export type SponsoredProgramme = SponsorHome['programmes'][number];
export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export const exportFormats: readonly ExportFormat[] = ['csv', 'xlsx', 'pdf'];

export const outcomesQueryKey = ['outcomes'] as const;
/** With the language: the server words skill labels and "you said, we did" texts in it. */
export const reportQueryKey = (
  programmeId: string | null,
  cohortId: string | null,
  language: string,
) =>
  [
    ...outcomesQueryKey,
    'report',
    programmeId ?? 'organisation',
    cohortId ?? 'all',
    language,
  ] as const;
export const cohortsQueryKey = (programmeId: string) =>
  [...outcomesQueryKey, 'cohorts', programmeId] as const;
export const sponsoredQueryKey = [...outcomesQueryKey, 'sponsored'] as const;

/** A programme's report (one cohort's when given), or the organisation's without a programme. */
export function fetchReport(programmeId: string | null, cohortId: string | null) {
  if (!programmeId) return unwrap(api.GET('/api/outcomes'));
  return unwrap(
    api.GET('/api/programmes/{programmeId}/outcomes', {
      params: { path: { programmeId }, query: cohortId ? { cohort: cohortId } : {} },
    }),
  );
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `?cohort=` of the address when it looks like a cohort id; anything else means all runs. */
export function cohortFromSearch(search: URLSearchParams): string | null {
  const value = search.get('cohort');
  return value && uuid.test(value) ? value : null;
}

/** Where an export downloads from: the same scope and cohort as the page, in the UI's language. */
export function exportHref(
  programmeId: string | null,
  cohortId: string | null,
  format: ExportFormat,
  language: string,
): string {
  const query = new URLSearchParams();
  if (programmeId && cohortId) query.set('cohort', cohortId);
  query.set('lang', language.startsWith('en') ? 'en' : 'nl');
  const base = programmeId
    ? `/api/programmes/${encodeURIComponent(programmeId)}/outcomes`
    : '/api/outcomes';
  return `${base}/export.${format}?${query.toString()}`;
}

/** A headline percentage as the page shows it: the figure, withheld (too few people), or no answers. */
export type HeadlinePercent =
  { kind: 'shown'; percent: number } | { kind: 'withheld' } | { kind: 'none' };

/**
 * The server sends null both for a withheld percentage and for one without answers; the
 * respondents tell them apart (null when withheld, a count otherwise). Never a zero instead.
 */
export function headlinePercent(
  percent: number | null,
  respondents: number | null,
): HeadlinePercent {
  if (percent !== null) return { kind: 'shown', percent };
  return respondents === null ? { kind: 'withheld' } : { kind: 'none' };
}

/** Whether participants stayed more, less, or it cannot be told apart from chance (the interval spans zero). */
export type RetentionVerdict = 'higher' | 'lower' | 'unclear';

export function retentionVerdict(difference: { low: number; high: number }): RetentionVerdict {
  if (difference.low > 0) return 'higher';
  if (difference.high < 0) return 'lower';
  return 'unclear';
}

export interface CohortChartRow {
  /** Not `role` or any other SVG attribute: Recharts copies each row's fields onto its marks. */
  cohortName: string;
  learned: number | null;
  career: number | null;
  inspired: number | null;
  changes: number;
}

/** The cohorts-over-time chart's points: the survey percentages per cohort, withheld ones as gaps. */
export function cohortChartRows(cohorts: readonly CohortOverTime[]): CohortChartRow[] {
  return cohorts.map(({ cohort, headline, changesBefore }) => ({
    cohortName: cohort.name,
    learned: headline.learnedSkillsPercent,
    career: headline.careerStepPercent,
    inspired: headline.inspiredPercent,
    changes: changesBefore.length,
  }));
}

/** A change in percentage points, signed ("+8", "−3", "0"), in the reader's language. */
export function formatPoints(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  }).format(Math.round(value * 100));
}

/** A category label short enough for a chart axis at 390 px; the table beside it has it in full. */
export function shortLabel(label: string, max = 18): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
