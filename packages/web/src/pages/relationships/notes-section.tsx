/**
 * Section of the relationship page (/mentoring/:relationshipId). Being built in this round by
 * H2 (shared and private notes); until then it renders nothing.
 */
export function NotesSection(_props: { relationshipId: string; canChange: boolean }) {
  return null;
}
