import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';

/** SMTP delivery state; 'kept' (no mail server) gets no badge. */
const deliveryColor = {
  pending: 'blue.9',
  sent: 'green.9',
  failed: 'red.9',
  kept: 'gray.8',
} as const;

const urlPattern = /(https?:\/\/[^\s<>"]+)/g;

/** Turns the links in a plain-text mail into anchors, so demo magic links can be followed. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Anchor key={index} href={toSameOrigin(part)}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </Text>
  );
}

/**
 * Links in mail carry the server's configured base URL; when the app is opened on another
 * host name (a proxy, a dev server) the session cookie would land on the wrong origin, so links
 * to this app's own paths are followed on the current origin.
 */
function toSameOrigin(href: string): string {
  try {
    const url = new URL(href);
    if (
      url.pathname === '/magic-link' ||
      url.pathname === '/reset-password' ||
      url.pathname.startsWith('/api/auth/')
    ) {
      return `${url.pathname}${url.search}`;
    }
  } catch {
    // Not a URL after all; leave it as written.
  }
  return href;
}

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useQuery({
    queryKey: ['outbox'],
    queryFn: () => unwrap(api.GET('/api/outbox')),
    refetchInterval: 10_000,
  });
  const formatDate = (value: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(
      new Date(value),
    );

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.intro')} />
      {outbox.isPending ? (
        <LoadingState />
      ) : outbox.isError ? (
        <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : (
        <Stack>
          {outbox.data.transport === 'smtp' && <Alert color="blue">{t('outbox.smtp')}</Alert>}
          {!outbox.data.isDemo && <Alert color="gray">{t('outboxSecrets.hidden')}</Alert>}
          {outbox.data.items.length === 0 ? (
            <EmptyMessage>{t('outbox.empty')}</EmptyMessage>
          ) : (
            outbox.data.items.map((message) => (
              <Card
                withBorder
                key={message.id}
                component="article"
                aria-labelledby={`mail-${message.id}`}
              >
                <Group justify="space-between" mb="xs">
                  <Title order={2} size="h5" id={`mail-${message.id}`}>
                    {message.subject}
                  </Title>
                  <Group gap="xs">
                    {message.status !== 'kept' && (
                      <Badge variant="light" color={deliveryColor[message.status]}>
                        {t(`mailDelivery.${message.status}`)}
                      </Badge>
                    )}
                    {message.isSecret && (
                      <Badge variant="outline" color="gray.8">
                        {t('outboxSecrets.secret')}
                      </Badge>
                    )}
                    <Badge variant="outline" color="gray.8">
                      {formatDate(message.createdAt)}
                    </Badge>
                  </Group>
                </Group>
                <Text size="sm" mb="xs">
                  {t('outbox.to')}: {message.to}
                </Text>
                {message.error && (
                  <Text size="sm" mb="xs" c="red.9">
                    {t('mailDelivery.error', { count: message.attempts, error: message.error })}
                  </Text>
                )}
                {message.isHidden ? (
                  <Text size="sm" c="dimmed" fs="italic">
                    {message.text}
                  </Text>
                ) : (
                  <LinkedText text={message.text} />
                )}
              </Card>
            ))
          )}
        </Stack>
      )}
    </>
  );
}
