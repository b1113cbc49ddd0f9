import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { usePagedList } from '../../api/use-paged-list';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime } from '../programmes/programme-types';

export const notificationsQueryKey = ['notifications'] as const;

/** What happened around me: requests, answers, reminders, introductions, new relationships. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const {
    query: list,
    items,
    total,
  } = usePagedList([...notificationsQueryKey, 'paged', i18n.language], (page) =>
    unwrap(api.GET('/api/notifications', { params: { query: page } })),
  );
  const markRead = useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
  const unread = items.filter((n) => !n.isRead).length;
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.intro')}
        actions={
          unread > 0 ? (
            <Button variant="light" loading={markRead.isPending} onClick={() => markRead.mutate()}>
              {t('notifications.markAllRead')}
            </Button>
          ) : undefined
        }
      />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyMessage>{t('notifications.empty')}</EmptyMessage>
      ) : (
        <>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((item) => (
              <li key={item.id}>
                <Card withBorder padding="sm">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={2}>
                      {item.link ? (
                        <Anchor component={Link} to={item.link} fw={item.isRead ? 400 : 600}>
                          {item.text}
                        </Anchor>
                      ) : (
                        <Text fw={item.isRead ? 400 : 600}>{item.text}</Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(item.createdAt, i18n.language)}
                      </Text>
                    </Stack>
                    {!item.isRead && (
                      <Badge variant="outline" color="blue.9">
                        {t('notifications.new')}
                      </Badge>
                    )}
                  </Group>
                </Card>
              </li>
            ))}
          </Stack>
          <LoadMore shown={items.length} total={total} query={list} />
        </>
      )}
    </>
  );
}
