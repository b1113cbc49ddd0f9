import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { programmesQueryKey } from '../programmes/programme-types';

const leadershipKey = (programmeId: string) =>
  [...programmesQueryKey, 'leadership', programmeId] as const;

/** The programme's sponsors and the leaders taking part who consented to be shown. */
export function useProgrammeLeaders(programmeId: string) {
  return useQuery({
    queryKey: [...leadershipKey(programmeId), 'leaders'],
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{programmeId}/leaders', {
          params: { path: { programmeId } },
        }),
      ),
  });
}

export type ProgrammeLeaders =
  paths['/api/programmes/{programmeId}/leaders']['get']['responses'][200]['content']['application/json'];

export function useSetSponsors(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personIds: string[]) =>
      unwrap(
        api.PUT('/api/programmes/{programmeId}/sponsors', {
          params: { path: { programmeId } },
          body: { personIds },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: leadershipKey(programmeId) });
    },
  });
}

/** The caller's own consent to be shown as a leader who takes part. */
export function useMyLeadership(programmeId: string, enabled = true) {
  return useQuery({
    queryKey: [...leadershipKey(programmeId), 'mine'],
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{programmeId}/my-leadership', {
          params: { path: { programmeId } },
        }),
      ),
    enabled,
  });
}

export function useSetMyLeadership(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { shown: boolean; line: string }) =>
      unwrap(
        api.PUT('/api/programmes/{programmeId}/my-leadership', {
          params: { path: { programmeId } },
          body,
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: leadershipKey(programmeId) });
    },
  });
}

export function useInvitationStatus(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...leadershipKey(programmeId), 'invitations'],
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{programmeId}/invitations', {
          params: { path: { programmeId } },
        }),
      ),
    enabled,
  });
}

export function useInviteAudience(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/programmes/{programmeId}/invitations', {
          params: { path: { programmeId } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: leadershipKey(programmeId) });
    },
  });
}

export type ShownLeader = ProgrammeLeaders['leaders'][number];
