import { LineChart } from '@mantine/charts';
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FiguresTable } from '../programmes/dashboard/results-parts';
import { formatDate } from '../programmes/programme-types';
import { cohortChartRows, headlinePercent, type OutcomeReport } from './outcome-types';
import { ChartFigure, ReportSection, useOutcomeFormat } from './report-parts';

/**
 * The headline percentages per cohort, oldest first, with a marker where "you said, we did"
 * changes were made before a cohort started; the same figures as a table and the changes as a list.
 */
export function CohortsOverTimeSection({ report }: { report: OutcomeReport }) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const cohorts = report.cohortsOverTime;
  const title = t('outcomes.cohortsTitle');
  if (cohorts.length === 0) {
    return (
      <ReportSection title={title}>
        <Text size="sm">{t('outcomes.cohortsNone')}</Text>
      </ReportSection>
    );
  }
  const rows = cohortChartRows(cohorts);
  const hasPoints = rows.some(
    (row) => row.learned !== null || row.career !== null || row.inspired !== null,
  );
  const cell = (percent: number | null, respondents: number | null) => {
    const figure = headlinePercent(percent, respondents);
    return figure.kind === 'shown'
      ? format.percent(figure.percent)
      : figure.kind === 'withheld'
        ? t('outcomes.withheldCell')
        : t('outcomes.none');
  };
  return (
    <ReportSection title={title} intro={t('outcomes.cohortsIntro')}>
      {hasPoints ? (
        <ChartFigure title={title}>
          <LineChart
            h={240}
            data={rows}
            dataKey="cohortName"
            withLegend
            withTooltip={false}
            connectNulls={false}
            yAxisProps={{ domain: [0, 100] }}
            unit="%"
            series={[
              { name: 'learned', label: t('outcomes.learnedSkills'), color: 'teal.7' },
              { name: 'career', label: t('outcomes.careerStep'), color: 'blue.7' },
              { name: 'inspired', label: t('outcomes.inspired'), color: 'grape.7' },
            ]}
            referenceLines={rows
              .filter((row) => row.changes > 0)
              // Unlabelled: labels collide at 390 px; the intro explains the line, the table counts.
              .map((row) => ({ x: row.cohortName, color: 'orange.8', strokeDasharray: '4 3' }))}
          />
        </ChartFigure>
      ) : (
        <Text size="sm">{t('outcomes.cohortsNoPoints', { needed: report.minGroup })}</Text>
      )}
      <FiguresTable
        caption={title}
        corner={t('outcomes.cohort')}
        columns={[
          { key: 'start', label: t('outcomes.startsOn') },
          { key: 'enrolled', label: t('outcomes.enrolled') },
          { key: 'matched', label: t('outcomes.matched') },
          { key: 'learned', label: t('outcomes.learnedSkills') },
          { key: 'career', label: t('outcomes.careerStep') },
          { key: 'inspired', label: t('outcomes.inspired') },
          { key: 'nps', label: t('outcomes.npsShort') },
          { key: 'changes', label: t('outcomes.changesColumn') },
        ]}
        rows={cohorts.map(({ cohort, headline, changesBefore }) => ({
          key: cohort.id,
          label: cohort.name,
          cells: {
            start: formatDate(cohort.startsOn, format.locale),
            enrolled: format.count(headline.enrolled),
            matched: format.count(headline.matched),
            learned: cell(headline.learnedSkillsPercent, headline.respondents),
            career: cell(headline.careerStepPercent, headline.respondents),
            inspired: cell(headline.inspiredPercent, headline.respondents),
            nps:
              headline.nps !== null
                ? new Intl.NumberFormat(format.locale).format(headline.nps)
                : headline.respondents === null
                  ? t('outcomes.withheldCell')
                  : t('outcomes.none'),
            changes: format.count(changesBefore.length),
          },
        }))}
      />
      <Text size="xs" c="dimmed">
        {t('outcomes.withheldCellNote', { needed: report.minGroup })}
      </Text>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('outcomes.changesTitle')}
        </Title>
        {cohorts.every((c) => c.changesBefore.length === 0) ? (
          <Text size="sm">{t('outcomes.noChanges')}</Text>
        ) : (
          cohorts
            .filter((c) => c.changesBefore.length > 0)
            .map(({ cohort, changesBefore }) => (
              <Paper withBorder p="sm" key={cohort.id}>
                <Group gap="xs" mb={4}>
                  <Badge variant="light" color="orange.9" style={{ textTransform: 'none' }}>
                    {t('outcomes.changesMarker', { count: changesBefore.length })}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {t('outcomes.changesBefore', {
                      name: cohort.name,
                      date: formatDate(cohort.startsOn, format.locale),
                    })}
                  </Text>
                </Group>
                <List size="sm" spacing={4}>
                  {changesBefore.map((change) => (
                    <List.Item key={change.id}>
                      <Text size="sm" span style={{ overflowWrap: 'anywhere' }}>
                        {change.did}
                      </Text>{' '}
                      <Text size="xs" c="dimmed" span>
                        ({formatDate(change.createdAt, format.locale)})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Paper>
            ))
        )}
      </Stack>
    </ReportSection>
  );
}
