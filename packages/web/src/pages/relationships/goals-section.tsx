/**
 * Section of the relationship page (/mentoring/:relationshipId). Being built in this round by
 * H2 (goals with progress notes); until then it renders nothing.
 */
export function GoalsSection(_props: { relationshipId: string; canChange: boolean }) {
  return null;
}
