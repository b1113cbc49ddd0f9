import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { expectNoContent } from '../programmes/api-helpers';
import { formatDate } from '../programmes/programme-types';
import {
  MentionBadge,
  StatusBadge,
  StoryCard,
  storiesKey,
  storyText,
  type Story,
} from './story-parts';

/** My stories with their state and the manager's message, and the stories that ask my approval. */
export function StoriesPage() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: [...storiesKey, 'mine'],
    queryFn: () => unwrap(api.GET('/api/stories/mine')),
  });
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('stories.title')}</Title>
        <Button component={Link} to="/stories/new">
          {t('stories.write')}
        </Button>
      </Group>
      <Text c="dimmed">{t('stories.intro')}</Text>
      <Stack gap="sm" component="section" aria-labelledby="my-stories">
        <Title order={2} size="h3" id="my-stories">
          {t('stories.mine')}
        </Title>
        {mine.isPending ? (
          <LoadingState />
        ) : mine.isError ? (
          <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
        ) : mine.data.items.length === 0 ? (
          <EmptyMessage>{t('stories.noneYet')}</EmptyMessage>
        ) : (
          mine.data.items.map((story) => <MyStory key={story.id} story={story} />)
        )}
      </Stack>
      <AskedSection />
    </Stack>
  );
}

function MyStory({ story }: { story: Story }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<'withdraw' | 'delete' | null>(null);
  const text = storyText(story, i18n.language);
  const done = async (message: string) => {
    setConfirm(null);
    notifications.show({
      closeButtonProps: { 'aria-label': t('common.close') },
      color: 'green',
      message,
    });
    await queryClient.invalidateQueries({ queryKey: storiesKey });
  };
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/stories/{storyId}/submit', { params: { path: { storyId: story.id } } }),
      ),
    onSuccess: () => done(t('stories.submitted')),
  });
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/stories/{storyId}/withdraw', { params: { path: { storyId: story.id } } }),
      ),
    onSuccess: () => done(t('stories.withdrawn')),
  });
  const remove = useMutation({
    mutationFn: () =>
      expectNoContent(
        api.DELETE('/api/stories/{storyId}', { params: { path: { storyId: story.id } } }),
      ),
    onSuccess: () => done(t('stories.deleted')),
  });
  const canSubmit = ['draft', 'changes_requested', 'withdrawn', 'declined'].includes(story.status);
  const canDelete = story.status === 'draft' || story.status === 'withdrawn';
  return (
    <Paper withBorder p="md" radius="sm" component="article">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4" lang={text.lang} style={{ overflowWrap: 'anywhere' }}>
            {text.title || t('stories.untitled')}
          </Title>
          <StatusBadge status={story.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {story.programmeName} · {t(`stories.audience.${story.audience}`)} ·{' '}
          {formatDate(story.updatedAt, i18n.language)}
        </Text>
        {story.reviewMessage &&
          (story.status === 'changes_requested' || story.status === 'declined') && (
            <Alert
              color={story.status === 'declined' ? 'red' : 'orange'}
              title={t('stories.reviewMessage')}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {story.reviewMessage}
              </Text>
            </Alert>
          )}
        {story.mentions.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('stories.named')}
            </Text>
            {story.mentions.map((m) => (
              <Group key={m.personId} gap="xs" wrap="wrap">
                <Text size="sm">{m.name}</Text>
                <MentionBadge state={m.state} />
              </Group>
            ))}
          </Stack>
        )}
        <Group gap="xs" wrap="wrap">
          <Button size="xs" variant="default" component={Link} to={`/stories/${story.id}`}>
            {t('stories.edit')}
          </Button>
          {canSubmit && (
            <Button size="xs" onClick={() => submit.mutate()} loading={submit.isPending}>
              {t('stories.send')}
            </Button>
          )}
          {story.status !== 'withdrawn' && story.status !== 'draft' && (
            <Button
              size="xs"
              variant="default"
              color="red.8"
              onClick={() => setConfirm('withdraw')}
            >
              {t('stories.withdraw')}
            </Button>
          )}
          {canDelete && (
            <Button size="xs" variant="default" color="red.8" onClick={() => setConfirm('delete')}>
              {t('stories.delete')}
            </Button>
          )}
        </Group>
        <ErrorMessage error={submit.error} />
      </Stack>
      <ConfirmModal
        opened={confirm === 'withdraw'}
        onClose={() => setConfirm(null)}
        title={t('stories.withdrawTitle')}
        confirmLabel={t('stories.withdraw')}
        onConfirm={() => withdraw.mutate()}
        loading={withdraw.isPending}
        error={withdraw.error}
      >
        <Text size="sm">{t('stories.withdrawText')}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'delete'}
        onClose={() => setConfirm(null)}
        title={t('stories.deleteTitle')}
        confirmLabel={t('stories.delete')}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">{t('stories.deleteText')}</Text>
      </ConfirmModal>
    </Paper>
  );
}

/** Stories that name me: I read what I am asked to approve, and answer. */
function AskedSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const asked = useQuery({
    queryKey: [...storiesKey, 'mentions'],
    queryFn: () => unwrap(api.GET('/api/stories/mentions')),
  });
  const answer = useMutation({
    mutationFn: ({ storyId, approve }: { storyId: string; approve: boolean }) =>
      unwrap(
        api.POST('/api/stories/{storyId}/mention', {
          params: { path: { storyId } },
          body: { approve },
        }),
      ),
    onSuccess: async () => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('stories.answered'),
      });
      await queryClient.invalidateQueries({ queryKey: storiesKey });
    },
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="asked-title" id="asked">
      <Title order={2} size="h3" id="asked-title">
        {t('stories.asked')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('stories.askedIntro')}
      </Text>
      {asked.isPending ? (
        <LoadingState />
      ) : asked.isError ? (
        <ErrorState error={asked.error} onRetry={() => void asked.refetch()} />
      ) : asked.data.items.length === 0 ? (
        <EmptyMessage>{t('stories.askedNone')}</EmptyMessage>
      ) : (
        asked.data.items.map((story) => (
          <StoryCard key={story.id} story={story}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('stories.yourAnswer')}</Text>
              {story.myMention && <MentionBadge state={story.myMention} />}
            </Group>
            <Group gap="xs" wrap="wrap">
              <Button
                size="xs"
                onClick={() => answer.mutate({ storyId: story.id, approve: true })}
                disabled={story.myMention === 'approved'}
                loading={answer.isPending && answer.variables?.storyId === story.id}
              >
                {t('stories.approveMention')}
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red.8"
                onClick={() => answer.mutate({ storyId: story.id, approve: false })}
                disabled={story.myMention === 'declined'}
              >
                {t('stories.declineMention')}
              </Button>
            </Group>
          </StoryCard>
        ))
      )}
      <ErrorMessage error={answer.error} />
    </Stack>
  );
}
