import { Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { api, unwrap } from '../../api/client';
import { usePagedList } from '../../api/use-paged-list';
import { LoadMore } from '../../components/load-more';
import { ErrorState } from '../../components/states';
import { formatDate, programmesQueryKey } from './programme-types';

export const YOU_SAID_WE_DID_ID = 'you-said-we-did';

/**
 * What the programme changed because of its participants' feedback, newest first, in the reader's
 * language. Shows nothing until there is something to show; the notification links here.
 */
export function YouSaidWeDid({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const location = useLocation();
  const ref = useRef<HTMLElement>(null);
  const {
    query: actions,
    items,
    total,
  } = usePagedList([...programmesQueryKey, 'feedback-actions', programmeId, 'paged'], (page) =>
    unwrap(
      api.GET('/api/programmes/{id}/feedback-actions', {
        params: { path: { id: programmeId }, query: page },
      }),
    ),
  );
  const hasItems = items.length > 0;
  // The notification's link ends in #you-said-we-did: bring the section into view once it exists.
  useEffect(() => {
    if (hasItems && location.hash === `#${YOU_SAID_WE_DID_ID}`) {
      ref.current?.scrollIntoView({ block: 'start' });
      ref.current?.focus({ preventScroll: true });
    }
  }, [hasItems, location.hash]);

  if (actions.isError) {
    return <ErrorState error={actions.error} onRetry={() => void actions.refetch()} />;
  }
  if (!hasItems) return null;
  return (
    <section
      id={YOU_SAID_WE_DID_ID}
      ref={ref}
      tabIndex={-1}
      aria-labelledby="you-said-we-did-title"
    >
      <Title order={2} size="h4" id="you-said-we-did-title" mb="xs">
        {t('feedbackActions.title')}
      </Title>
      <Stack gap="sm">
        {items.map((action) => (
          <Paper key={action.id} withBorder p="md" radius="sm" component="article">
            <Stack gap={6}>
              <Text size="xs" c="dimmed">
                <time dateTime={action.createdAt}>
                  {formatDate(action.createdAt, i18n.language)}
                </time>
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <strong>{t('feedbackActions.youSaid')}</strong> {en ? action.saidEn : action.saidNl}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <strong>{t('feedbackActions.weDid')}</strong> {en ? action.didEn : action.didNl}
              </Text>
            </Stack>
          </Paper>
        ))}
        <LoadMore shown={items.length} total={total} query={actions} />
      </Stack>
    </section>
  );
}
