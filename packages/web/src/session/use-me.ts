import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, toApiError } from '../api/client';
import type { paths } from '../api/schema';

export type Me = paths['/api/me']['get']['responses'][200]['content']['application/json'];
export type Role = NonNullable<Me['membership']>['role'];

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when signed out (a 401 is an answer here, not an error). */
async function fetchMe(): Promise<Me | null> {
  const { data, error, response } = await api.GET('/api/me');
  if (response.status === 401) return null;
  if (!response.ok || data === undefined) throw toApiError(response.status, error);
  return data;
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/**
 * Fetches the user afresh after the session changed. A plain invalidate would join a request
 * still in flight from before the sign-in, and so answer "signed out"; cancel that one first.
 */
export async function reloadMe(queryClient: QueryClient): Promise<void> {
  await queryClient.cancelQueries({ queryKey: meQueryKey });
  await queryClient.refetchQueries({ queryKey: meQueryKey, type: 'all' });
}

export interface Abilities {
  canManagePeople: boolean;
  canViewPeople: boolean;
  canManageOrganisation: boolean;
  isPlatformAdmin: boolean;
}

/** What the navigation and pages may offer; the server checks every call again. */
export function abilitiesOf(me: Me | null | undefined): Abilities {
  const role = me?.membership?.role;
  return {
    canManagePeople: role === 'org_admin',
    canViewPeople: role === 'org_admin' || role === 'programme_manager',
    canManageOrganisation: role === 'org_admin',
    isPlatformAdmin: me?.user.isPlatformAdmin ?? false,
  };
}
