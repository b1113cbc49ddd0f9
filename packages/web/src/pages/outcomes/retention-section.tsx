import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FiguresTable } from '../programmes/dashboard/results-parts';
import {
  formatPoints,
  retentionVerdict,
  type OutcomeReport,
  type ShownRetention,
} from './outcome-types';
import { ChartFigure, ReportSection, useOutcomeFormat, WithheldText } from './report-parts';

/**
 * Retention at 6 and 12 months: participants beside comparable colleagues who did not take part,
 * each with the group's size, the share still employed and its 95% interval, then the
 * difference with its interval, in a chart, a table and a sentence.
 */
export function RetentionSection({ report }: { report: OutcomeReport }) {
  const { t } = useTranslation();
  const shown = report.retention.flatMap((r) => (r.shown ? [r] : []));
  const title = t('outcomes.retentionChart');
  return (
    <ReportSection title={t('outcomes.retention')} intro={t('outcomes.retentionIntro')}>
      {shown.length > 0 && (
        <ChartFigure title={title}>
          <BarChart
            h={220}
            data={shown.map((r) => ({
              period: t('outcomes.afterMonths', { months: r.months }),
              participants: Math.round(r.participants.share * 100),
              comparison: Math.round(r.comparison.share * 100),
            }))}
            dataKey="period"
            withLegend
            withTooltip={false}
            accessibilityLayer={false}
            yAxisProps={{ domain: [0, 100] }}
            unit="%"
            series={[
              { name: 'participants', label: t('outcomes.participants'), color: 'teal.7' },
              { name: 'comparison', label: t('outcomes.comparison'), color: 'gray.6' },
            ]}
          />
        </ChartFigure>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {report.retention.map((figure) => (
          <Paper withBorder p="md" key={figure.months}>
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('outcomes.afterMonths', { months: figure.months })}
              </Title>
              {figure.shown ? (
                <RetentionFigure figure={figure} />
              ) : (
                <WithheldText
                  reason={figure.reason}
                  needed={figure.needed}
                  text={
                    figure.reason === 'too_few'
                      ? t('outcomes.retentionWithheld', { needed: figure.needed })
                      : undefined
                  }
                />
              )}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {report.retention.length === 0 && <Text size="sm">{t('outcomes.retentionNone')}</Text>}
    </ReportSection>
  );
}

function RetentionFigure({ figure }: { figure: ShownRetention }) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const interval = (low: number, high: number) =>
    t('outcomes.interval', { low: format.share(low), high: format.share(high) });
  const points = (value: number) => formatPoints(value, format.locale);
  const { participants, comparison, difference } = figure;
  const verdict = retentionVerdict(difference);
  return (
    <>
      <FiguresTable
        caption={t('outcomes.retentionTable', { months: figure.months })}
        corner={t('outcomes.group')}
        columns={[
          { key: 'n', label: t('outcomes.people') },
          { key: 'share', label: t('outcomes.stillEmployed') },
          { key: 'interval', label: t('outcomes.interval95') },
        ]}
        rows={[
          {
            key: 'participants',
            label: t('outcomes.participants'),
            cells: {
              n: format.count(participants.n),
              share: format.share(participants.share),
              interval: interval(participants.low, participants.high),
            },
          },
          {
            key: 'comparison',
            label: t('outcomes.comparison'),
            cells: {
              n: format.count(comparison.n),
              share: format.share(comparison.share),
              interval: interval(comparison.low, comparison.high),
            },
          },
          {
            key: 'difference',
            label: t('outcomes.difference'),
            cells: {
              n: '',
              share: t('outcomes.pointsShort', { points: points(difference.value) }),
              interval: t('outcomes.pointsInterval', {
                low: points(difference.low),
                high: points(difference.high),
              }),
            },
          },
        ]}
      />
      <Text size="sm">
        {t('outcomes.retentionSentence', {
          months: figure.months,
          n: format.count(participants.n),
          retained: format.count(participants.retained),
          share: format.share(participants.share),
          comparisonN: format.count(comparison.n),
          comparisonShare: format.share(comparison.share),
        })}{' '}
        {t(`outcomes.verdict.${verdict}`, {
          points: points(difference.value),
          low: points(difference.low),
          high: points(difference.high),
        })}
      </Text>
      {figure.unmatched > 0 && (
        <Text size="sm" c="dimmed">
          {t('outcomes.unmatched', { count: figure.unmatched })}
        </Text>
      )}
    </>
  );
}
