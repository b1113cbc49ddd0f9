import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

/** The page size the web app asks for (the API allows up to 200). */
export const PAGE_SIZE = 50;

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * A list the API answers in pages (`limit`/`offset`, with `total`): the first page loads at
 * once, "load more" appends the next. Invalidating the key refetches every loaded page.
 */
export function usePagedList<P extends Page<unknown>>(
  queryKey: QueryKey,
  fetchPage: (page: { limit: number; offset: number }) => Promise<P>,
) {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: 0,
    queryFn: ({ pageParam }) => fetchPage({ limit: PAGE_SIZE, offset: pageParam }),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
  });
  const pages = query.data?.pages ?? [];
  return {
    query,
    items: pages.flatMap((page) => page.items) as P['items'],
    total: pages[0]?.total ?? 0,
  };
}
