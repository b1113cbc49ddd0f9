import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { programmeQueryKey } from '../programme-types';

export const dashboardDimensions = ['department', 'location', 'role', 'jobLevelBand'] as const;
export type DashboardDimension = (typeof dashboardDimensions)[number];

export const dashboardQueryKey = (programmeId: string, period: string, by: string) =>
  [...programmeQueryKey(programmeId), 'dashboard', period, by] as const;

export function fetchDashboard(programmeId: string, period: string, by: DashboardDimension | null) {
  return unwrap(
    api.GET('/api/programmes/{programmeId}/dashboard', {
      params: { path: { programmeId }, query: { period, ...(by ? { by } : {}) } },
    }),
  );
}

export type Dashboard = Awaited<ReturnType<typeof fetchDashboard>>;
export type DashboardFigures = Dashboard['figures'];

export function isDashboardDimension(value: string | null): value is DashboardDimension {
  return (dashboardDimensions as readonly (string | null)[]).includes(value);
}

/** Numbers in the reader's language: a share as a whole percentage, a mean with one decimal. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const none = t('programmeDashboard.none');
  return {
    percent: (value: number | null) => (value === null ? none : percent.format(value)),
    decimal: (value: number | null) => (value === null ? none : decimal.format(value)),
  };
}

/** `2026-Q3` as a reader says it. */
export function useQuarterLabel() {
  const { t } = useTranslation();
  return (period: string) => {
    const match = /^(\d{4})-Q([1-4])$/.exec(period);
    if (!match) return t('programmeDashboard.periodAll');
    return t('programmeDashboard.quarter', { year: match[1], quarter: match[2] });
  };
}
