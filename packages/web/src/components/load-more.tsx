import { Button, Group, Text } from '@mantine/core';
import type { InfiniteQueryObserverResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** "50 of 312 shown · Load more" under a paged list; nothing when everything is shown. */
export function LoadMore({
  shown,
  total,
  query,
}: {
  shown: number;
  total: number;
  query: Pick<InfiniteQueryObserverResult, 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage'>;
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.shownOf', { shown, total })}
      </Text>
      <Button
        variant="default"
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      >
        {t('common.loadMore')}
      </Button>
    </Group>
  );
}
