import { useOutletContext } from 'react-router';
import type { Me } from './use-me';

/** The signed-in user, for pages rendered inside AppLayout (which guarantees there is one). */
export function useSignedIn(): Me {
  return useOutletContext<Me>();
}
