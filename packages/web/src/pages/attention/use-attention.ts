import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Attention = Json<paths['/api/attention']['get']['responses'][200]>;

export const attentionQueryKey = ['attention'] as const;

/**
 * What waits for the member: counts for the navigation and the lists of the home page. Fetched
 * again when the window gets focus, every minute, and whenever the member moves to another page
 * (the navigation invalidates it), so the badges follow what they just did.
 */
export function useAttention(enabled: boolean) {
  return useQuery({
    queryKey: attentionQueryKey,
    queryFn: () => unwrap(api.GET('/api/attention')),
    enabled,
    refetchOnWindowFocus: true,
    refetchInterval: 60_000,
    staleTime: 5_000,
  });
}
