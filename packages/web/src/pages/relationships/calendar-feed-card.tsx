import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarShare, IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';

export const calendarFeedKey = ['calendar-feed'] as const;

/**
 * The personal calendar feed: a secret address calendars subscribe to. The address is shown once,
 * right after it is made; afterwards only that there is one. Replace and revoke ask first.
 */
export function CalendarFeedCard() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'replace' | 'revoke' | null>(null);
  const feed = useQuery({
    queryKey: calendarFeedKey,
    queryFn: () => unwrap(api.GET('/api/calendar-feed')),
  });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/calendar-feed')),
    onSuccess: async (created) => {
      setConfirming(null);
      setShownUrl(created.url);
      await queryClient.invalidateQueries({ queryKey: calendarFeedKey });
    },
  });
  const revoke = useMutation({
    mutationFn: async () => {
      const { response, error } = await api.DELETE('/api/calendar-feed');
      if (!response.ok) throw error ?? new Error(String(response.status));
    },
    onSuccess: async () => {
      setConfirming(null);
      setShownUrl(null);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('calendarFeed.revoked'),
      });
      await queryClient.invalidateQueries({ queryKey: calendarFeedKey });
    },
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="calendar-feed-title">
      <Stack>
        <Stack gap={4}>
          <Title order={2} size="h4" id="calendar-feed-title">
            {t('calendarFeed.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('calendarFeed.intro')}
          </Text>
        </Stack>
        {feed.isPending ? (
          <LoadingState />
        ) : feed.isError ? (
          <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
        ) : (
          <>
            {shownUrl ? (
              <NewAddress url={shownUrl} />
            ) : (
              <Text size="sm">
                {feed.data.exists && feed.data.createdAt
                  ? t('calendarFeed.exists', {
                      date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(
                        new Date(feed.data.createdAt),
                      ),
                    })
                  : t('calendarFeed.none')}
              </Text>
            )}
            <Group gap="sm">
              {feed.data.exists ? (
                <>
                  <Button variant="default" onClick={() => setConfirming('replace')}>
                    {t('calendarFeed.replace')}
                  </Button>
                  <Button variant="default" color="red.8" onClick={() => setConfirming('revoke')}>
                    {t('calendarFeed.revoke')}
                  </Button>
                </>
              ) : (
                <Button
                  leftSection={<IconCalendarShare size={18} aria-hidden />}
                  loading={create.isPending}
                  onClick={() => create.mutate()}
                >
                  {t('calendarFeed.create')}
                </Button>
              )}
            </Group>
            {confirming === null && <ErrorMessage error={create.error} />}
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming === 'replace'}
        onClose={() => setConfirming(null)}
        title={t('calendarFeed.replaceTitle')}
        confirmLabel={t('calendarFeed.replace')}
        onConfirm={() => create.mutate()}
        loading={create.isPending}
        error={create.error}
      >
        <Text size="sm">{t('calendarFeed.replaceText')}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'revoke'}
        onClose={() => setConfirming(null)}
        title={t('calendarFeed.revokeTitle')}
        confirmLabel={t('calendarFeed.revoke')}
        onConfirm={() => revoke.mutate()}
        loading={revoke.isPending}
        error={revoke.error}
      >
        <Text size="sm">{t('calendarFeed.revokeText')}</Text>
      </ConfirmModal>
    </Paper>
  );
}

function NewAddress({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" role="status">
        {t('calendarFeed.onlyNow')}
      </Alert>
      <Stack gap={2}>
        <Text size="xs" fw={600} id="calendar-feed-url">
          {t('calendarFeed.urlLabel')}
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code aria-labelledby="calendar-feed-url" style={{ overflowWrap: 'anywhere', flex: 1 }}>
            {url}
          </Code>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('calendarFeed.copied') : t('calendarFeed.copy')}>
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'green.9' : 'gray.8'}
                  onClick={copy}
                  aria-label={t('calendarFeed.copy')}
                >
                  {copied ? (
                    <IconCheck size={16} aria-hidden />
                  ) : (
                    <IconCopy size={16} aria-hidden />
                  )}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('calendarFeed.howTo')}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('calendarFeed.outlook')}</List.Item>
          <List.Item>{t('calendarFeed.google')}</List.Item>
          <List.Item>{t('calendarFeed.apple')}</List.Item>
        </List>
      </Stack>
    </Stack>
  );
}
