import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ErrorState, LoadingState } from '../../components/states';
import { useSignedIn } from '../../session/use-signed-in';
import {
  canDesignProgrammes,
  formatDate,
  formatDateTime,
  programmesQueryKey,
} from '../programmes/programme-types';
import { CohortsEditor } from './cohorts-editor';
import { CohortsOverTimeSection } from './cohorts-over-time';
import {
  cohortFromSearch,
  exportFormats,
  exportHref,
  fetchReport,
  reportQueryKey,
  type OutcomeReport,
} from './outcome-types';
import { HeadlineCards, ReportSection } from './report-parts';
import { ActivitySection, OutcomesSection, ParticipationSection } from './report-sections';
import { RetentionSection } from './retention-section';

/**
 * The outcome report of a programme (/programmes/:programmeId/outcomes, one cohort with
 * `?cohort=`) or of the whole organisation (/outcomes), for sponsors, programme managers and org
 * admins. The server decides who may read which report and withholds figures about small groups;
 * the page says why a figure is missing. The cohort lives in the address, so a filtered view can
 * be shared and the back button undoes it.
 */
export function OutcomeReportPage() {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const { programmeId = null } = useParams();
  const [search, setSearch] = useSearchParams();
  const cohortId = programmeId ? cohortFromSearch(search) : null;
  const query = useQuery({
    queryKey: reportQueryKey(programmeId, cohortId, i18n.language),
    queryFn: () => fetchReport(programmeId, cohortId),
    placeholderData: keepPreviousData,
  });
  const setCohort = (value: string | null) =>
    setSearch((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set('cohort', value);
      else next.delete('cohort');
      return next;
    });

  if (query.isPending) return <LoadingState label={t('outcomes.loading')} />;
  if (query.isError && !query.data) {
    return (
      <>
        <PageHeader title={t('outcomes.title')} />
        <Stack align="flex-start">
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          {cohortId && (
            <Button variant="default" onClick={() => setCohort(null)}>
              {t('outcomes.showAllCohorts')}
            </Button>
          )}
        </Stack>
      </>
    );
  }
  const report = query.data;
  const scope = report.scope;
  const name = scope.programmeName ?? scope.organisationName;
  const canEditCohorts = Boolean(programmeId) && canDesignProgrammes(me);

  return (
    <>
      <PageHeader
        title={t('outcomes.titleOf', { name })}
        description={
          scope.kind === 'programme'
            ? t('outcomes.introProgramme', { organisation: scope.organisationName })
            : t('outcomes.introOrganisation')
        }
        actions={
          programmeId && (
            <Anchor component={Link} to={`/programmes/${programmeId}`}>
              {t('outcomes.back', { name })}
            </Anchor>
          )
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {programmeId ? (
            <CohortFilter report={report} cohortId={cohortId} onChange={setCohort} />
          ) : (
            <ProgrammePicker />
          )}
          <Downloads programmeId={programmeId} cohortId={cohortId} language={i18n.language} />
        </SimpleGrid>
        {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
        <div aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <Stack gap="lg">
            <Text size="sm" c="dimmed">
              {t('outcomes.generated', {
                date: formatDateTime(report.generatedAt, i18n.language),
                minGroup: report.minGroup,
              })}
              {scope.cohort &&
                ` ${t('outcomes.filteredOn', {
                  name: scope.cohort.name,
                  date: formatDate(scope.cohort.startsOn, i18n.language),
                })}`}
            </Text>
            <ReportSection title={t('outcomes.headline')}>
              <HeadlineCards headline={report.headline} minGroup={report.minGroup} />
            </ReportSection>
            <ParticipationSection report={report} />
            <ActivitySection report={report} />
            <OutcomesSection report={report} />
            <RetentionSection report={report} />
            {scope.kind === 'programme' && <CohortsOverTimeSection report={report} />}
          </Stack>
        </div>
        {canEditCohorts && programmeId && <CohortsEditor programmeId={programmeId} />}
      </Stack>
    </>
  );
}

function CohortFilter({
  report,
  cohortId,
  onChange,
}: {
  report: OutcomeReport;
  cohortId: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const options = report.cohorts.map((cohort) => ({
    value: cohort.id,
    label: t('outcomes.cohortOption', {
      name: cohort.name,
      date: formatDate(cohort.startsOn, i18n.language),
    }),
  }));
  return (
    <Stack gap={4} component="form" role="search" aria-label={t('outcomes.filters')}>
      <Select
        label={t('outcomes.cohort')}
        value={cohortId ?? ''}
        allowDeselect={false}
        onChange={(value) => onChange(value || null)}
        data={[{ value: '', label: t('outcomes.cohortAll') }, ...options]}
        disabled={options.length === 0}
        description={options.length === 0 ? t('outcomes.cohortsNoneShort') : undefined}
        maw={420}
      />
    </Stack>
  );
}

/** On the organisation's report: open one programme's report instead. */
function ProgrammePicker() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const programmes = useQuery({
    queryKey: [...programmesQueryKey, 'list', 'outcomes'],
    queryFn: () => unwrap(api.GET('/api/programmes', { params: { query: { limit: 200 } } })),
  });
  const options = (programmes.data?.items ?? [])
    .filter((programme) => programme.status !== 'draft')
    .map((programme) => ({ value: programme.id, label: programme.name }));
  return (
    <Select
      label={t('outcomes.programme')}
      description={t('outcomes.programmeHint')}
      placeholder={t('outcomes.programmePlaceholder')}
      data={options}
      value={null}
      searchable
      disabled={options.length === 0}
      onChange={(value) => {
        if (value) void navigate(`/programmes/${value}/outcomes`);
      }}
      maw={420}
    />
  );
}

/** The report as CSV, XLSX and the one-page board report (PDF), as shown: same cohort, same language. */
function Downloads({
  programmeId,
  cohortId,
  language,
}: {
  programmeId: string | null;
  cohortId: string | null;
  language: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Stack gap={4} component="section" aria-labelledby={titleId}>
      <Title order={2} size="sm" fw={500} id={titleId}>
        {t('outcomes.downloads')}
      </Title>
      <Group gap="xs">
        {exportFormats.map((format) => (
          <Button
            key={format}
            component="a"
            href={exportHref(programmeId, cohortId, format, language)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t(`outcomes.export.${format}`)}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {programmeId ? t('outcomes.downloadsHint') : t('outcomes.downloadsHintOrganisation')}
      </Text>
    </Stack>
  );
}
