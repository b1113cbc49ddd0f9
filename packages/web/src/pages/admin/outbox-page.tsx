import { Alert, Anchor, Badge, Card, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useMemo } from 'react';
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

type OutboxItem = Awaited<ReturnType<typeof loadOutbox>>['items'][number];

const loadOutbox = () => unwrap(api.GET('/api/outbox'));

/** An attachment offered for download from the text the outbox keeps (an .ics invitation). */
function AttachmentLink({ attachment }: { attachment: OutboxItem['attachments'][number] }) {
  const { t } = useTranslation();
  const href = useMemo(
    () => URL.createObjectURL(new Blob([attachment.content], { type: attachment.contentType })),
    [attachment.content, attachment.contentType],
  );
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <Text size="sm">
      <Anchor href={href} download={attachment.filename}>
        {t('outboxMail.download', { name: attachment.filename })}
      </Anchor>{' '}
      <Text span c="dimmed" size="sm">
        {attachment.contentType}
        {attachment.method && ` · ${t('outboxMail.invitation', { method: attachment.method })}`}
      </Text>
    </Text>
  );
}

/** The extra headers (List-Unsubscribe on reminders) and the attachments of one mail. */
function HeadersAndAttachments({ message }: { message: OutboxItem }) {
  const { t } = useTranslation();
  const headers = Object.entries(message.headers);
  return (
    <>
      {headers.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text size="sm" fw={600}>
            {t('outboxMail.headers')}
          </Text>
          {headers.map(([name, value]) => (
            <Code key={name} block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {`${name}: ${value}`}
            </Code>
          ))}
        </Stack>
      )}
      {message.attachments.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text size="sm" fw={600}>
            {t('outboxMail.attachments')}
          </Text>
          <List listStyleType="none" spacing={4}>
            {message.attachments.map((attachment, index) => (
              <List.Item key={`${attachment.filename}-${index}`}>
                <AttachmentLink attachment={attachment} />
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </>
  );
}

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useQuery({
    queryKey: ['outbox'],
    queryFn: loadOutbox,
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
                <HeadersAndAttachments message={message} />
              </Card>
            ))
          )}
        </Stack>
      )}
    </>
  );
}
