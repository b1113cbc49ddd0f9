import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Me } from '../../session/use-me';
import { sponsoredQueryKey } from './outcome-types';

/** Org roles that read every programme's outcome report and the organisation's (the server checks again). */
export function readsEveryReport(me: Me): boolean {
  const role = me.membership?.role;
  return role === 'org_admin' || role === 'programme_manager' || role === 'sponsor';
}

/** The programmes the signed-in person sponsors (empty without an organisation); shared with the home page. */
export function useSponsored(me: Me, enabled = true) {
  return useQuery({
    queryKey: sponsoredQueryKey,
    queryFn: () => unwrap(api.GET('/api/outcomes/sponsored')),
    enabled: enabled && Boolean(me.membership),
  });
}

/** Whether to offer the programme's outcome report: a reader role, or named as its sponsor. */
export function useReadsOutcomeReport(me: Me, programmeId: string): boolean {
  const isReader = readsEveryReport(me);
  const sponsored = useSponsored(me, !isReader);
  if (isReader) return true;
  return (sponsored.data?.programmes ?? []).some((p) => p.programmeId === programmeId);
}
