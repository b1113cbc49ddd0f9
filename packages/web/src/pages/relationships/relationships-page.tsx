import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatDateTime } from '../programmes/programme-types';
import { CalendarFeedCard } from './calendar-feed-card';

type Relationship =
  paths['/api/relationships']['get']['responses'][200]['content']['application/json']['items'][number];

export const relationshipsQueryKey = ['relationships'] as const;

/** My mentoring: every relationship I am in, as mentor or mentee (or a group's mentor). */
export function RelationshipsPage() {
  const { t } = useTranslation();
  const relationships = useQuery({
    queryKey: relationshipsQueryKey,
    queryFn: () => unwrap(api.GET('/api/relationships')),
  });
  return (
    <>
      <PageHeader title={t('relationships.title')} description={t('relationships.intro')} />
      {relationships.isPending ? (
        <LoadingState />
      ) : relationships.isError ? (
        <ErrorState error={relationships.error} onRetry={() => void relationships.refetch()} />
      ) : relationships.data.items.length === 0 ? (
        <Stack align="center" gap="xs">
          <EmptyMessage>{t('relationships.empty')}</EmptyMessage>
          <Anchor component={Link} to="/programmes">
            {t('relationships.toProgrammes')}
          </Anchor>
        </Stack>
      ) : (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {relationships.data.items.map((relationship) => (
            <li key={relationship.id}>
              <RelationshipCard relationship={relationship} />
            </li>
          ))}
        </SimpleGrid>
      )}
      {relationships.data && relationships.data.items.length > 0 && (
        <Stack mt="xl">
          <CalendarFeedCard />
        </Stack>
      )}
    </>
  );
}

function RelationshipCard({ relationship }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation();
  const headingId = `relationship-${relationship.id}`;
  const others =
    relationship.myRole === 'mentor'
      ? relationship.mentees.map((m) => m.name).join(', ')
      : relationship.mentor.name;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} h="100%">
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          <Anchor component={Link} to={`/mentoring/${relationship.id}`} inherit>
            {relationship.myRole === 'mentor'
              ? t('relationships.youMentor', { names: others })
              : t('relationships.mentoredBy', { name: others })}
          </Anchor>
        </Title>
        <Group gap="xs">
          <Badge variant="outline" color="blue.9">
            {t(`relationships.roles.${relationship.myRole}`)}
          </Badge>
          <Badge
            variant="outline"
            color={
              relationship.status === 'active'
                ? 'green.9'
                : relationship.status === 'paused'
                  ? 'orange.9'
                  : 'gray.8'
            }
          >
            {t(`mentoring.status.${relationship.status}`)}
          </Badge>
          {relationship.unreadMessages > 0 && (
            <Badge color="blue.8">
              {t('mentoring.card.unread', { count: relationship.unreadMessages })}
            </Badge>
          )}
          {relationship.haveLeft && (
            <Badge variant="outline" color="gray.8">
              {t('mentoring.card.left')}
            </Badge>
          )}
          {relationship.isGroup && (
            <Badge variant="outline" color="grape.9">
              {t('relationships.group', { count: relationship.mentees.length })}
            </Badge>
          )}
          {relationship.status === 'active' &&
            relationship.groupMin !== null &&
            relationship.mentees.length < relationship.groupMin && (
              <Badge variant="outline" color="orange.9">
                {t('relationships.forming', {
                  count: relationship.groupMin - relationship.mentees.length,
                })}
              </Badge>
            )}
        </Group>
        <Text size="sm">
          <Anchor component={Link} to={`/programmes/${relationship.programme.id}`}>
            {relationship.programme.name}
          </Anchor>
        </Text>
        {relationship.status === 'paused' && relationship.pauseUntil && (
          <Text size="sm">
            {t('mentoring.card.pausedUntil', {
              date: formatDate(relationship.pauseUntil, i18n.language),
            })}
          </Text>
        )}
        {relationship.nextMeetingAt && (
          <Text size="sm">
            {t('mentoring.card.nextMeeting', {
              date: formatDateTime(relationship.nextMeetingAt, i18n.language),
            })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('relationships.since', { date: formatDate(relationship.startedAt, i18n.language) })}
        </Text>
      </Stack>
    </Card>
  );
}
