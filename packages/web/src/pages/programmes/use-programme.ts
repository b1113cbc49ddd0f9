import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { programmeQueryKey, programmesQueryKey, type Programme } from './programme-types';

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/programmes/{id}', { params: { path: { id } } })),
  });
}

/** Publish or close: both answer the updated programme, which every programme view then shows. */
export function useProgrammeTransition(id: string, onDone?: (programme: Programme) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (to: 'publish' | 'close') =>
      unwrap(
        to === 'publish'
          ? api.POST('/api/programmes/{id}/publish', { params: { path: { id } } })
          : api.POST('/api/programmes/{id}/close', { params: { path: { id } } }),
      ),
    onSuccess: async (programme) => {
      queryClient.setQueryData(programmeQueryKey(id), programme);
      await queryClient.invalidateQueries({ queryKey: programmesQueryKey });
      onDone?.(programme);
    },
  });
}
