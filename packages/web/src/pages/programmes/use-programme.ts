import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { programmeQueryKey, programmesQueryKey, type Programme } from './programme-types';
import { requestsQueryKey } from './request-modal';

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/programmes/{id}', { params: { path: { id } } })),
  });
}

export type ProgrammeTransition = 'publish' | 'close' | 'reopen';

/**
 * Publish, close or reopen: each answers the updated programme, which every programme view then
 * shows. Closing also closes requests and introductions, so those lists are fetched again.
 */
export function useProgrammeTransition(
  id: string,
  onDone?: (programme: Programme, transition: ProgrammeTransition) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (to: ProgrammeTransition) => {
      const path = { params: { path: { id } } };
      if (to === 'publish') return unwrap(api.POST('/api/programmes/{id}/publish', path));
      if (to === 'reopen') return unwrap(api.POST('/api/programmes/{id}/reopen', path));
      return unwrap(api.POST('/api/programmes/{id}/close', path));
    },
    onSuccess: async (programme, to) => {
      queryClient.setQueryData(programmeQueryKey(id), programme);
      await queryClient.invalidateQueries({ queryKey: programmesQueryKey });
      if (to === 'close') await queryClient.invalidateQueries({ queryKey: requestsQueryKey });
      onDone?.(programme, to);
    },
  });
}

/** What closing would do, counted when the question is asked. */
export function useClosePreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...programmeQueryKey(id), 'close-preview'],
    queryFn: () =>
      unwrap(api.GET('/api/programmes/{id}/close-preview', { params: { path: { id } } })),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}
