import { BarChart, DonutChart } from '@mantine/charts';
import { Box, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardFigures } from './dashboard-types';
import { useFormat } from './dashboard-types';

/**
 * A chart and the same figures as a table: the chart is a picture for who can see it (named as
 * such for screen readers), the table is the text alternative everyone can read.
 */
function ChartWithTable({
  title,
  intro,
  chart,
  table,
}: {
  title: string;
  intro?: string;
  chart: React.ReactNode;
  table: React.ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {intro && <Text size="sm">{intro}</Text>}
        <Box role="img" aria-label={t('programmeDashboard.chartLabel', { title })}>
          {chart}
        </Box>
        <Table.ScrollContainer minWidth={280}>{table}</Table.ScrollContainer>
      </Stack>
    </Card>
  );
}

export function EnrolmentChart({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  // Not `role`: Recharts puts each entry's fields on its bar as SVG attributes (role="Beide").
  const rows = (['mentee', 'mentor', 'both'] as const).map((role) => ({
    roleName: t(`programmeDashboard.roles.${role}`),
    enrolled: figures.enrolled[role],
  }));
  const title = t('programmeDashboard.enrolment');
  return (
    <ChartWithTable
      title={title}
      intro={t('programmeDashboard.enrolmentIntro')}
      chart={
        <BarChart
          h={200}
          data={rows}
          dataKey="roleName"
          series={[{ name: 'enrolled', label: t('programmeDashboard.enrolled'), color: 'teal.7' }]}
          withTooltip={false}
          accessibilityLayer={false}
        />
      }
      table={
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('programmeDashboard.role')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programmeDashboard.enrolled')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.roleName}>
                <Table.Th scope="row" fw="normal">
                  {row.roleName}
                </Table.Th>
                <Table.Td ta="right">{row.enrolled}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

const statusColours = {
  active: 'teal.7',
  paused: 'yellow.7',
  endedEarly: 'red.7',
  completed: 'blue.7',
} as const;

export function RelationshipsChart({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const rows = (Object.keys(statusColours) as (keyof typeof statusColours)[]).map((status) => ({
    name: t(`programmeDashboard.statuses.${status}`),
    value: figures.relationships[status],
    color: statusColours[status],
  }));
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  return (
    <ChartWithTable
      title={t('programmeDashboard.relationships')}
      intro={t('programmeDashboard.relationshipsIntro')}
      chart={
        <DonutChart
          mx="auto"
          size={160}
          thickness={26}
          data={total > 0 ? rows.filter((row) => row.value > 0) : []}
          chartLabel={total}
          withTooltip={false}
        />
      }
      table={
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('programmeDashboard.status')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programmeDashboard.count')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.name}>
                <Table.Th scope="row" fw="normal">
                  {row.name}
                </Table.Th>
                <Table.Td ta="right">{row.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

/** Each group's figures, as a bar chart of enrolled and matched and as a full table. */
export function GroupsChart({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const by = dashboard.by;
  if (!by) return null;
  const label = (value: string | null) =>
    value === null
      ? t('programmeDashboard.unknownGroup')
      : by === 'role'
        ? t(`programmeDashboard.roles.${value as 'mentee' | 'mentor' | 'both'}`)
        : value;
  const rows = dashboard.groups.map((group) => ({
    group: label(group.value),
    enrolled: group.figures.enrolled.total,
    matched: group.figures.matched,
    figures: group.figures,
  }));
  const title = t('programmeDashboard.perGroup', {
    dimension: t(`programmeDashboard.dimensions.${by}`),
  });
  if (rows.length === 0) {
    return (
      <Card withBorder component="section">
        <Title order={2} size="h4" mb="xs">
          {title}
        </Title>
        <Text size="sm">{t('programmeDashboard.noGroups')}</Text>
      </Card>
    );
  }
  return (
    <ChartWithTable
      title={title}
      intro={t('programmeDashboard.perGroupIntro')}
      chart={
        <BarChart
          h={Math.max(160, rows.length * 44)}
          data={rows.map(({ group, enrolled, matched }) => ({ group, enrolled, matched }))}
          dataKey="group"
          orientation="vertical"
          yAxisProps={{ width: 110 }}
          withLegend
          withTooltip={false}
          accessibilityLayer={false}
          series={[
            { name: 'enrolled', label: t('programmeDashboard.enrolled'), color: 'teal.7' },
            { name: 'matched', label: t('programmeDashboard.matched'), color: 'blue.7' },
          ]}
        />
      }
      table={
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('programmeDashboard.group')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programmeDashboard.enrolled')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programmeDashboard.matched')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programmeDashboard.matchRate')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programmeDashboard.medianDays')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programmeDashboard.statuses.active')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programmeDashboard.meetings')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programmeDashboard.responseRate')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programmeDashboard.pending')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ group, figures }) => (
              <Table.Tr key={group}>
                <Table.Th scope="row" fw="normal">
                  {group}
                </Table.Th>
                <Table.Td ta="right">{figures.enrolled.total}</Table.Td>
                <Table.Td ta="right">{figures.matched}</Table.Td>
                <Table.Td ta="right">{format.percent(figures.matchRate)}</Table.Td>
                <Table.Td ta="right">{format.decimal(figures.medianDaysToMatch)}</Table.Td>
                <Table.Td ta="right">{figures.relationships.active}</Table.Td>
                <Table.Td ta="right">
                  {format.decimal(figures.meetingsPerRelationship.mean)}
                </Table.Td>
                <Table.Td ta="right">{format.percent(figures.checkIns.responseRate)}</Table.Td>
                <Table.Td ta="right">
                  {figures.pendingRequests + figures.pendingIntroductions}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
