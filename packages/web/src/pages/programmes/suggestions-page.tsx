import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';
import { ClickReasons, StrengthMeter } from './click-reasons';
import {
  meetingModes,
  programmesQueryKey,
  skillsQueryKey,
  type MeetingMode,
  type Programme,
  type Suggestion,
  type Suggestions,
} from './programme-types';
import { RequestModal } from './request-modal';
import { languageOptions } from './languages';
import { skillOptions } from './skill-picker';
import { useProgramme } from './use-programme';

export function SuggestionsPage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const programme = useProgramme(programmeId);
  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    return (
      <>
        <PageHeader title={t('suggestions.title')} />
        <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />
      </>
    );
  }
  return <Suggestions programme={programme.data} />;
}

interface Filters {
  language: string | null;
  place: string;
  meetingMode: MeetingMode | null;
  skill: string | null;
  search: string;
}

function Suggestions({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const [filters, setFilters] = useState<Filters>({
    language: null,
    place: '',
    meetingMode: null,
    skill: null,
    search: '',
  });
  const [settled] = useDebouncedValue(filters, 300);
  const [requesting, setRequesting] = useState<{ id: string; name: string } | null>(null);
  const skills = useQuery({
    queryKey: skillsQueryKey,
    queryFn: () => unwrap(api.GET('/api/skills')),
    staleTime: 10 * 60_000,
  });
  const suggestions = useQuery({
    queryKey: [...programmesQueryKey, 'suggestions', programme.id, settled, locale],
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{id}/suggestions', {
          params: {
            path: { id: programme.id },
            query: {
              k: 12,
              locale,
              language: settled.language ?? undefined,
              place: settled.place.trim() || undefined,
              meetingMode: settled.meetingMode ?? undefined,
              skill: settled.skill ?? undefined,
              search: settled.search.trim() || undefined,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const viewerRole = suggestions.data?.role ?? 'mentee';
  const requestBlock = suggestions.data?.requestBlock ?? null;

  return (
    <>
      <PageHeader
        title={t('suggestions.titleFor', { name: programme.name })}
        description={
          viewerRole === 'mentor' ? t('suggestions.introMentor') : t('suggestions.intro')
        }
        actions={
          <Button variant="default" component={Link} to="/requests?box=outbox">
            {t('suggestions.myRequests')}
          </Button>
        }
      />
      <Stack>
        <Group align="flex-end" role="search" aria-label={t('suggestions.filters')}>
          <TextInput
            label={t('suggestions.search')}
            description={t('suggestions.searchHint')}
            type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={filters.search}
            onChange={(event) => set('search', event.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Select
            label={t('suggestions.skill')}
            placeholder={t('suggestions.any')}
            data={skills.data ? skillOptions(skills.data, locale) : []}
            value={filters.skill}
            onChange={(value) => set('skill', value)}
            searchable
            clearable
            w={220}
          />
          <Select
            label={t('suggestions.language')}
            placeholder={t('suggestions.any')}
            data={languageOptions(locale)}
            value={filters.language}
            onChange={(value) => set('language', value)}
            searchable
            clearable
            w={180}
          />
          <Select
            label={t('suggestions.meetingMode')}
            placeholder={t('suggestions.any')}
            data={meetingModes.map((mode) => ({
              value: mode,
              label: t(`enrolment.meetingModes.${mode}`),
            }))}
            value={filters.meetingMode}
            onChange={(value) =>
              set(
                'meetingMode',
                (meetingModes as readonly string[]).includes(value ?? '')
                  ? (value as MeetingMode)
                  : null,
              )
            }
            clearable
            w={180}
          />
          <TextInput
            label={t('suggestions.place')}
            value={filters.place}
            onChange={(event) => set('place', event.currentTarget.value)}
            w={160}
          />
        </Group>

        {requestBlock && <RequestBlockNotice block={requestBlock} />}

        {suggestions.isPending ? (
          <LoadingState />
        ) : suggestions.isError ? (
          // 422: not enrolled, or a mentor where mentees choose; say what to do instead.
          suggestions.error instanceof ApiError && suggestions.error.status === 422 ? (
            <Alert color="yellow">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">
                  {programme.myEnrolment
                    ? t('suggestions.notForMentors')
                    : t('suggestions.notEnrolled')}
                </Text>
                <Anchor component={Link} to={`/programmes/${programme.id}`} size="sm">
                  {t('programmes.view')}
                </Anchor>
              </Stack>
            </Alert>
          ) : (
            <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} />
          )
        ) : suggestions.data.items.length === 0 ? (
          // With a mentor already, the notice above says where to go instead.
          requestBlock?.reason === 'has_mentor' ? null : (
            <EmptyMessage>{t('suggestions.empty')}</EmptyMessage>
          )
        ) : (
          <>
            <Text size="sm" aria-live="polite">
              {t('suggestions.count', { count: suggestions.data.items.length })}
            </Text>
            <SimpleGrid
              cols={{ base: 1, md: 2 }}
              component="ol"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {suggestions.data.items.map((item) => (
                <li key={item.personId}>
                  <SuggestionCard
                    item={item}
                    viewerRole={viewerRole}
                    canRequest={requestBlock === null}
                    onRequest={() => setRequesting({ id: item.personId, name: item.name })}
                  />
                </li>
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
      <RequestModal
        programmeId={programme.id}
        person={requesting}
        asMentor={viewerRole === 'mentor'}
        onClose={() => setRequesting(null)}
      />
    </>
  );
}

/**
 * Why no request can be sent from this page now, said plainly, with the way on: the mentoring
 * space of the mentor one already has, or the request that waits for an answer.
 */
function RequestBlockNotice({ block }: { block: NonNullable<Suggestions['requestBlock']> }) {
  const { t } = useTranslation();
  const link =
    block.reason === 'has_mentor' && block.relationshipId
      ? { to: `/mentoring/${block.relationshipId}`, label: t('suggestionBlock.has_mentorLink') }
      : (block.reason === 'waiting_for_answer' || block.reason === 'offer_to_answer') &&
          block.requestId
        ? { to: `/requests/${block.requestId}`, label: t(`suggestionBlock.${block.reason}Link`) }
        : null;
  return (
    <Alert color={block.reason === 'has_mentor' ? 'blue' : 'yellow'} role="status">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t(`suggestionBlock.${block.reason}`, { name: block.name ?? '' })}</Text>
        {link && (
          <Anchor component={Link} to={link.to} size="sm" fw={600}>
            {link.label}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

function SuggestionCard({
  item,
  viewerRole,
  canRequest,
  onRequest,
}: {
  item: Suggestion;
  viewerRole: 'mentee' | 'mentor';
  /** False while the page's notice says why no request can be sent: no button that can only fail. */
  canRequest: boolean;
  onRequest: () => void;
}) {
  const { t } = useTranslation();
  const details = [item.jobTitle, item.department, item.location].filter(Boolean).join(' · ');
  const headingId = `suggestion-${item.personId}`;
  return (
    <Card withBorder h="100%" component="article" aria-labelledby={headingId}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {item.name}
            </Title>
            {details && (
              <Text size="sm" c="dimmed">
                {details}
              </Text>
            )}
          </div>
          <Group gap={4}>
            {item.isFull && (
              <Badge color="gray.8" variant="filled">
                {t('suggestions.full')}
              </Badge>
            )}
            {item.isGroup && (
              <Badge color="grape.9" variant="outline">
                {t('suggestions.group')}
              </Badge>
            )}
          </Group>
        </Group>
        <StrengthMeter strength={item.strength} />
        <ClickReasons reasons={item.reasons} viewerRole={viewerRole} />
        {!item.isFull && item.remainingCapacity !== null && (
          <Text size="xs" c="dimmed">
            {t('suggestions.places', { count: item.remainingCapacity })}
          </Text>
        )}
        <Group mt="auto">
          {item.isRequested ? (
            <Badge variant="outline" color="green.9" size="lg">
              {t('suggestions.requested')}
            </Badge>
          ) : (
            canRequest && (
              <Button
                onClick={onRequest}
                disabled={item.isFull}
                aria-label={t(
                  viewerRole === 'mentor' ? 'suggestions.offerTo' : 'suggestions.requestTo',
                  { name: item.name },
                )}
              >
                {viewerRole === 'mentor' ? t('suggestions.offer') : t('suggestions.request')}
              </Button>
            )
          )}
        </Group>
      </Stack>
    </Card>
  );
}
