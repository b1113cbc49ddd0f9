import { Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { usePagedList } from '../../../api/use-paged-list';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/states';
import { formatDate } from '../programme-types';
import { useProgramme } from '../use-programme';
import {
  healthQueryKey,
  joinNames,
  shortDate,
  signalSentence,
  type HealthItem,
  type HealthList,
} from './health-types';
import { NudgeModal } from './nudge-modal';

/**
 * Relationship health for the programme's managers: the running relationships a signal says may
 * need help, each signal as a sentence with its facts, and a nudge to send. What anyone answered
 * or wrote is never shown here (the server does not even send it).
 */
export function HealthPage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const programme = useProgramme(programmeId);
  const [nudging, setNudging] = useState<HealthItem | null>(null);
  const { query, items, total } = usePagedList<HealthList>(
    [...healthQueryKey(programmeId), 'paged'],
    (page) =>
      unwrap(
        api.GET('/api/programmes/{programmeId}/health', {
          params: { path: { programmeId }, query: page },
        }),
      ),
  );

  return (
    <>
      <PageHeader
        title={t('relationshipHealth.title')}
        description={programme.data?.name}
        actions={
          programme.data && (
            <Anchor component={Link} to={`/programmes/${programmeId}`}>
              {t('relationshipHealth.back', { name: programme.data.name })}
            </Anchor>
          )
        }
      />
      <Stack gap="md">
        <Text size="sm">{t('relationshipHealth.intro')}</Text>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <EmptyMessage>{t('relationshipHealth.empty')}</EmptyMessage>
        ) : (
          <>
            <Text fw={500} role="status">
              {t('relationshipHealth.total', { count: total })}
            </Text>
            <Stack gap="sm" component="ul" aria-label={t('relationshipHealth.listLabel')} p={0}>
              {items.map((item) => (
                <HealthRow key={item.relationshipId} item={item} onNudge={() => setNudging(item)} />
              ))}
            </Stack>
            <LoadMore shown={items.length} total={total} query={query} />
          </>
        )}
      </Stack>
      <NudgeModal programmeId={programmeId} item={nudging} onClose={() => setNudging(null)} />
    </>
  );
}

function HealthRow({ item, onNudge }: { item: HealthItem; onNudge: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const headingId = `health-${item.relationshipId}`;
  const names = joinNames(
    item.participants.map((p) => p.name),
    locale,
  );
  const nudge = item.lastNudge;
  return (
    <Card withBorder component="li" aria-labelledby={headingId} style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {item.participants.map((p, index) => (
            <span key={p.id}>
              {index > 0 && ' · '}
              {p.name}{' '}
              <Text span size="sm" c="dimmed" fw={400}>
                ({t(`relationshipHealth.sides.${p.side}`)})
              </Text>
            </span>
          ))}
        </Title>
        <Text size="sm" c="dimmed">
          {t('relationshipHealth.started', { date: formatDate(item.startedAt, locale) })}
        </Text>
        <List size="sm" spacing={4} aria-label={t('relationshipHealth.signalsHeading')}>
          {item.signals.map((signal) => (
            <List.Item key={signal.kind}>{signalSentence(signal, t, locale)}</List.Item>
          ))}
        </List>
        <Group justify="space-between" align="center" gap="sm" wrap="wrap">
          {nudge ? (
            <Text size="sm" c="dimmed">
              {nudge.sentBy
                ? t('relationshipHealth.lastNudgeBy', {
                    date: shortDate(nudge.sentAt, locale),
                    names: joinNames(
                      nudge.recipients.map((r) => r.name),
                      locale,
                    ),
                    by: nudge.sentBy,
                  })
                : t('relationshipHealth.lastNudge', {
                    date: shortDate(nudge.sentAt, locale),
                    names: joinNames(
                      nudge.recipients.map((r) => r.name),
                      locale,
                    ),
                  })}
            </Text>
          ) : (
            <span />
          )}
          <Button
            variant="light"
            onClick={onNudge}
            aria-label={t('relationshipHealth.nudgeFor', { names })}
          >
            {t('relationshipHealth.nudge')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
