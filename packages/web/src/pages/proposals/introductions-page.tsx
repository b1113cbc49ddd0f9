import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { ClickReasons } from '../programmes/click-reasons';
import { relationshipsQueryKey } from '../relationships/relationships-page';
import {
  introductionsQueryKey,
  type Introduction,
  type IntroductionResponse,
} from './proposal-types';

/** Introductions the programme manager proposed: both must accept; declining has no consequence. */
export function IntroductionsPage() {
  const { t } = useTranslation();
  const introductions = useQuery({
    queryKey: introductionsQueryKey,
    queryFn: () => unwrap(api.GET('/api/introductions')),
    select: (data) => data.items,
  });
  return (
    <>
      <PageHeader title={t('introductions.title')} description={t('introductions.intro')} />
      {introductions.isPending ? (
        <LoadingState />
      ) : introductions.isError ? (
        <ErrorState error={introductions.error} onRetry={() => void introductions.refetch()} />
      ) : introductions.data.length === 0 ? (
        <EmptyMessage>{t('introductions.empty')}</EmptyMessage>
      ) : (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {introductions.data.map((introduction) => (
            <li key={introduction.id}>
              <IntroductionCard introduction={introduction} />
            </li>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

function ResponseBadge({ response, label }: { response: IntroductionResponse; label: string }) {
  const { t } = useTranslation();
  const value = response;
  const color = value === 'accepted' ? 'green.9' : value === 'declined' ? 'gray.8' : 'yellow.9';
  return (
    <Badge variant="outline" color={color}>
      {label}: {t(`introductions.responses.${value}`)}
    </Badge>
  );
}

function IntroductionCard({ introduction }: { introduction: Introduction }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const respond = useMutation({
    mutationFn: (answer: 'accept' | 'decline') => {
      const path = { params: { path: { id: introduction.id } } };
      return unwrap(
        answer === 'accept'
          ? api.POST('/api/introductions/{id}/accept', path)
          : api.POST('/api/introductions/{id}/decline', path),
      );
    },
    onSuccess: async (_data, answer) => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t(`introductions.done.${answer}`),
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: introductionsQueryKey }),
        queryClient.invalidateQueries({ queryKey: relationshipsQueryKey }),
      ]);
    },
  });
  const headingId = `introduction-${introduction.id}`;
  const isOpen = introduction.myResponse === 'pending' && introduction.status === 'pending';
  return (
    <Card withBorder component="article" aria-labelledby={headingId} h="100%">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {introduction.myRole === 'mentee'
            ? t('introductions.asMentee', { name: introduction.other.name })
            : t('introductions.asMentor', { name: introduction.other.name })}
        </Title>
        <Text size="sm">
          <Anchor component={Link} to={`/programmes/${introduction.programme.id}`}>
            {introduction.programme.name}
          </Anchor>
        </Text>
        <Group gap="xs">
          <ResponseBadge response={introduction.myResponse} label={t('introductions.you')} />
          <ResponseBadge response={introduction.otherResponse} label={introduction.other.name} />
        </Group>
        <ClickReasons reasons={introduction.reasons} viewerRole={introduction.myRole} />
        <ErrorMessage error={respond.error} />
        {isOpen && (
          <Group>
            <Button
              loading={respond.isPending && respond.variables === 'accept'}
              onClick={() => respond.mutate('accept')}
            >
              {t('introductions.accept')}
            </Button>
            <Button
              variant="default"
              loading={respond.isPending && respond.variables === 'decline'}
              onClick={() => respond.mutate('decline')}
            >
              {t('introductions.decline')}
            </Button>
          </Group>
        )}
        {isOpen && (
          <Text size="xs" c="dimmed">
            {t('introductions.noConsequence')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
