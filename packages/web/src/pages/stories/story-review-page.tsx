import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../programmes/programme-types';
import { MentionBadge, StoryCard, storiesKey, type Story } from './story-parts';

type Decision = 'approve' | 'request_changes' | 'decline';

/** The programme's stories waiting for approval: approve, ask for a change, or decline. */
export function StoryReviewPage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const queue = useQuery({
    queryKey: [...storiesKey, 'review', programmeId],
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{programmeId}/stories/review', {
          params: { path: { programmeId } },
        }),
      ),
  });
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('stories.reviewTitle')}</Title>
      <Text c="dimmed">{t('stories.reviewIntro')}</Text>
      <Button variant="subtle" component={Link} to={`/programmes/${programmeId}`} w="fit-content">
        {t('stories.backToProgramme')}
      </Button>
      {queue.isPending ? (
        <LoadingState />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <EmptyMessage>{t('stories.reviewNone')}</EmptyMessage>
      ) : (
        queue.data.items.map((story) => <ReviewCard key={story.id} story={story} />)
      )}
    </Stack>
  );
}

function ReviewCard({ story }: { story: Story }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const [confirmDecline, setConfirmDecline] = useState(false);
  const [missing, setMissing] = useState(false);
  const review = useMutation({
    mutationFn: (decision: Decision) =>
      unwrap(
        api.POST('/api/stories/{storyId}/review', {
          params: { path: { storyId: story.id } },
          body: { decision, ...(message.trim() && { message: message.trim() }) },
        }),
      ),
    onSuccess: async (_saved, decision) => {
      setConfirmDecline(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t(`stories.reviewed.${decision}`),
      });
      await queryClient.invalidateQueries({ queryKey: storiesKey });
    },
  });
  const needsMessage = (decision: Decision) => {
    if (!message.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (decision === 'decline') setConfirmDecline(true);
    else review.mutate(decision);
  };
  const fieldError = review.error instanceof ApiError ? review.error.fieldErrors().message : null;
  const pending = story.mentions.some((m) => m.state !== 'approved');
  return (
    <StoryCard story={story}>
      <Text size="xs" c="dimmed">
        {story.programmeName} · {t(`stories.audience.${story.audience}`)}
        {story.submittedAt &&
          ` · ${t('stories.sentOn', { date: formatDate(story.submittedAt, i18n.language) })}`}
      </Text>
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
          {pending && (
            <Text size="sm" c="orange.9">
              {t('stories.waitingForNamed')}
            </Text>
          )}
        </Stack>
      )}
      <Textarea
        label={t('stories.messageToAuthor')}
        description={t('stories.messageHint')}
        autosize
        minRows={2}
        maxLength={2000}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        error={missing ? t('stories.messageRequired') : fieldError}
      />
      <ErrorMessage error={review.error} />
      <Group gap="xs" wrap="wrap">
        <Button
          size="xs"
          color="green.8"
          onClick={() => review.mutate('approve')}
          disabled={pending}
          loading={review.isPending && review.variables === 'approve'}
        >
          {t('stories.approve')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => needsMessage('request_changes')}
          loading={review.isPending && review.variables === 'request_changes'}
        >
          {t('stories.requestChanges')}
        </Button>
        <Button size="xs" variant="default" color="red.8" onClick={() => needsMessage('decline')}>
          {t('stories.decline')}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirmDecline}
        onClose={() => setConfirmDecline(false)}
        title={t('stories.declineTitle')}
        confirmLabel={t('stories.decline')}
        onConfirm={() => review.mutate('decline')}
        loading={review.isPending}
        error={review.error}
      >
        <Text size="sm">{t('stories.declineText')}</Text>
      </ConfirmModal>
    </StoryCard>
  );
}
