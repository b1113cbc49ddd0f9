import { Alert, Anchor, Button, Card, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/states';
import { useSignedIn } from '../../../session/use-signed-in';
import { canDesignProgrammes } from '../programme-types';
import { ActionsSection } from './actions-section';
import { EnrolmentChart, GroupsChart, RelationshipsChart } from './dashboard-charts';
import {
  dashboardDimensions,
  dashboardQueryKey,
  fetchDashboard,
  isDashboardDimension,
  useFormat,
  useQuarterLabel,
  type Dashboard,
} from './dashboard-types';
import { ResultsSection } from './results-section';

/**
 * The programme dashboard for its managers and org admins: the key figures for the whole
 * programme or one quarter, split by a non-sensitive group if asked, each chart with a table;
 * then the anonymous results and "you said, we did". The filters live in the address, so a view
 * can be shared and the back button undoes a change.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  if (!canDesignProgrammes(me)) {
    return (
      <>
        <PageHeader title={t('errors.forbiddenTitle')} />
        <Alert color="yellow">{t('errors.forbidden')}</Alert>
      </>
    );
  }
  return <ProgrammeDashboard />;
}

function ProgrammeDashboard() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const period = /^(all|\d{4}-Q[1-4])$/.test(search.get('period') ?? '')
    ? search.get('period')!
    : 'all';
  const byParam = search.get('by');
  const by = isDashboardDimension(byParam) ? byParam : null;
  const query = useQuery({
    queryKey: dashboardQueryKey(programmeId, period, by ?? ''),
    queryFn: () => fetchDashboard(programmeId, period, by),
    placeholderData: keepPreviousData,
  });
  const setFilter = (name: 'period' | 'by', value: string | null) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (!value || (name === 'period' && value === 'all')) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: false },
    );

  if (query.isPending) return <LoadingState label={t('programmeDashboard.loadingLabel')} />;
  if (query.isError && !query.data) {
    return (
      <>
        <PageHeader title={t('programmeDashboard.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const dashboard = query.data;
  return (
    <>
      <PageHeader
        title={`${t('programmeDashboard.title')}: ${dashboard.programme.name}`}
        description={t('programmeDashboard.intro')}
        actions={
          <Anchor component={Link} to={`/programmes/${programmeId}`}>
            {t('programmeDashboard.back', { name: dashboard.programme.name })}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <Filters dashboard={dashboard} period={period} by={by} onChange={setFilter} />
        {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
        <div aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <Stack gap="lg">
            <KeyFigures dashboard={dashboard} programmeId={programmeId} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <EnrolmentChart figures={dashboard.figures} />
              <RelationshipsChart figures={dashboard.figures} />
            </SimpleGrid>
            <GroupsChart dashboard={dashboard} />
            <Outcomes dashboard={dashboard} />
          </Stack>
        </div>
        <ResultsSection programmeId={programmeId} period={period} by={by ?? undefined} />
        <ActionsSection programmeId={programmeId} />
      </Stack>
    </>
  );
}

function Filters({
  dashboard,
  period,
  by,
  onChange,
}: {
  dashboard: Dashboard;
  period: string;
  by: string | null;
  onChange: (name: 'period' | 'by', value: string | null) => void;
}) {
  const { t } = useTranslation();
  const quarterLabel = useQuarterLabel();
  const periods =
    dashboard.periods.includes(period) || period === 'all'
      ? dashboard.periods
      : [period, ...dashboard.periods];
  return (
    <SimpleGrid
      component="form"
      role="search"
      aria-label={t('programmeDashboard.filters')}
      cols={{ base: 1, sm: 2 }}
      maw={640}
    >
      <Select
        label={t('programmeDashboard.period')}
        value={period}
        allowDeselect={false}
        onChange={(value) => onChange('period', value)}
        data={[
          { value: 'all', label: t('programmeDashboard.periodAll') },
          ...periods.map((value) => ({ value, label: quarterLabel(value) })),
        ]}
      />
      <Select
        label={t('programmeDashboard.by')}
        value={by ?? ''}
        allowDeselect={false}
        onChange={(value) => onChange('by', value)}
        data={[
          { value: '', label: t('programmeDashboard.byNone') },
          ...dashboardDimensions.map((value) => ({
            value,
            label: t(`programmeDashboard.dimensions.${value}`),
          })),
        ]}
      />
    </SimpleGrid>
  );
}

function StatCard({
  label,
  value,
  detail,
  children,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Card withBorder padding="md">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.1}>
          {value}
        </Text>
        {detail && (
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        )}
        {children}
      </Stack>
    </Card>
  );
}

function KeyFigures({ dashboard, programmeId }: { dashboard: Dashboard; programmeId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = dashboard.figures;
  return (
    <section aria-labelledby="dashboard-figures">
      <Title order={2} size="h4" id="dashboard-figures" mb="sm">
        {t('programmeDashboard.figures')}
      </Title>
      {f.enrolled.total === 0 && (
        <Text size="sm" mb="sm">
          {t('programmeDashboard.empty')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
        <StatCard
          label={t('programmeDashboard.enrolled')}
          value={f.enrolled.total}
          detail={t('programmeDashboard.enrolledDetail', f.enrolled)}
        />
        <StatCard
          label={t('programmeDashboard.matched')}
          value={f.matched}
          detail={t('programmeDashboard.matchedDetail')}
        />
        <StatCard
          label={t('programmeDashboard.matchRate')}
          value={format.percent(f.matchRate)}
          detail={t('programmeDashboard.matchRateDetail')}
        />
        <StatCard
          label={t('programmeDashboard.medianDays')}
          value={format.decimal(f.medianDaysToMatch)}
          detail={t('programmeDashboard.medianDaysDetail')}
        />
        <StatCard
          label={t('programmeDashboard.pending')}
          value={f.pendingRequests + f.pendingIntroductions}
          detail={t('programmeDashboard.pendingDetail', {
            requests: f.pendingRequests,
            introductions: f.pendingIntroductions,
          })}
        />
        <StatCard
          label={t('programmeDashboard.meetings')}
          value={format.decimal(f.meetingsPerRelationship.mean)}
          detail={t('programmeDashboard.meetingsDetail', {
            mean: format.decimal(f.meetingsPerRelationship.mean),
            median: format.decimal(f.meetingsPerRelationship.median),
            count: f.meetingsPerRelationship.relationships,
          })}
        />
        <StatCard
          label={t('programmeDashboard.responseRate')}
          value={format.percent(f.checkIns.responseRate)}
          detail={t('programmeDashboard.responseRateDetail', f.checkIns)}
        />
        <StatCard
          label={t('programmeDashboard.health')}
          value={dashboard.healthListSize}
          detail={t('programmeDashboard.healthDetail')}
        >
          <Button
            component={Link}
            to={`/programmes/${programmeId}/health`}
            variant="light"
            size="xs"
            mt={4}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('programmeDashboard.healthLink')}
          </Button>
        </StatCard>
      </SimpleGrid>
    </section>
  );
}

/** The outcome survey's headline figures, when enough people answered (the results module decides). */
function Outcomes({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = dashboard.outcomes.total;
  const share = (rate: { count: number; of: number }) =>
    format.percent(rate.of > 0 ? rate.count / rate.of : null);
  return (
    <section aria-labelledby="dashboard-outcomes">
      <Title order={2} size="h4" id="dashboard-outcomes" mb={4}>
        {t('programmeDashboard.outcomes')}
      </Title>
      <Text size="sm" mb="sm">
        {t('programmeDashboard.outcomesIntro')}
      </Text>
      {total.shown ? (
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
          <StatCard
            label={t('programmeDashboard.learnedSkills')}
            value={share(total.learnedSkills)}
            detail={t('programmeDashboard.ofAnswers', total.learnedSkills)}
          />
          <StatCard
            label={t('programmeDashboard.careerStep')}
            value={share(total.careerStep)}
            detail={t('programmeDashboard.ofAnswers', total.careerStep)}
          />
          <StatCard
            label={t('programmeDashboard.inspired')}
            value={share(total.inspired)}
            detail={t('programmeDashboard.ofAnswers', total.inspired)}
          />
          <StatCard
            label={t('programmeDashboard.nps')}
            value={total.recommend.nps ?? t('programmeDashboard.none')}
            detail={t('programmeDashboard.npsDetail', { answers: total.recommend.answers })}
          />
        </SimpleGrid>
      ) : (
        <Alert color="gray" variant="light">
          {t('programmeDashboard.outcomesWithheld', { needed: total.needed })}
        </Alert>
      )}
    </section>
  );
}
