import { Badge, Button, Card, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError, unwrap } from '../../api/client';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime } from '../programmes/programme-types';
import { relationshipsQueryKey } from './relationships-page';
import { relationshipKeys, type ConversationItem } from './relationship-types';

/**
 * The relationship's one conversation: the request's earlier thread first, then the messages.
 * Opening it marks it read (the unread count on My mentoring goes back to zero).
 */
export function ConversationCard({ relationshipId }: { relationshipId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const path = { params: { path: { id: relationshipId } } };
  const conversation = useQuery({
    queryKey: relationshipKeys.messages(relationshipId),
    queryFn: () => unwrap(api.GET('/api/relationships/{id}/messages', path)),
  });
  const newest = conversation.data?.items.at(-1)?.id;
  const markRead = useMutation({
    mutationFn: async () => {
      const { response, error } = await api.POST('/api/relationships/{id}/read', path);
      if (!response.ok) throw toApiError(response.status, error);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: relationshipsQueryKey }),
  });
  const { mutate: markReadNow } = markRead;
  useEffect(() => {
    if (newest) markReadNow();
  }, [newest, markReadNow]);
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/relationships/{id}/messages', { ...path, body: { body: draft.trim() } }),
      ),
    onSuccess: async () => {
      setDraft('');
      await queryClient.invalidateQueries({ queryKey: relationshipKeys.messages(relationshipId) });
    },
  });

  return (
    <Card withBorder component="section" aria-labelledby="conversation-title">
      <Title order={2} size="h4" id="conversation-title">
        {t('mentoring.conversation.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('mentoring.conversation.intro')}
      </Text>
      {conversation.isPending ? (
        <LoadingState />
      ) : conversation.isError ? (
        <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
      ) : (
        <Stack gap="sm">
          {conversation.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('mentoring.conversation.empty')}
            </Text>
          ) : (
            <Stack
              gap="xs"
              component="ol"
              aria-label={t('mentoring.conversation.title')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {conversation.data.items.map((item) => (
                <MessageItem key={`${item.kind}-${item.id}`} item={item} />
              ))}
            </Stack>
          )}
          {conversation.data.canWrite ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (draft.trim()) send.mutate();
              }}
            >
              <Stack gap="xs">
                <Textarea
                  label={t('mentoring.conversation.message')}
                  value={draft}
                  onChange={(event) => setDraft(event.currentTarget.value)}
                  autosize
                  minRows={2}
                  maxLength={5000}
                />
                <ErrorMessage error={send.error} />
                <Group justify="flex-end">
                  <Button type="submit" loading={send.isPending} disabled={!draft.trim()}>
                    {t('mentoring.conversation.send')}
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Text size="sm" c="dimmed">
              {t('mentoring.conversation.readOnly')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

function MessageItem({ item }: { item: ConversationItem }) {
  const { t, i18n } = useTranslation();
  const fromRequest = item.kind !== 'message';
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      bg={item.isMine ? 'blue.0' : undefined}
      ml={item.isMine ? 'xl' : 0}
      mr={item.isMine ? 0 : 'xl'}
    >
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed">
          {item.isMine ? t('mentoring.conversation.you') : item.author.name} ·{' '}
          {formatDateTime(item.createdAt, i18n.language)}
        </Text>
        {fromRequest && (
          <Badge size="xs" variant="outline" color="gray.8">
            {t('mentoring.conversation.fromRequest')}
          </Badge>
        )}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {item.body}
      </Text>
      {item.hopes && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
          <strong>{t('mentoring.conversation.requestHopes')}:</strong> {item.hopes}
        </Text>
      )}
    </Paper>
  );
}
