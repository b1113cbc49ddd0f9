/**
 * Section of the relationship page (/mentoring/:relationshipId). Being built in this round by
 * H2 (agreement and self-ratings); until then it renders nothing.
 */
export function AgreementSection(_props: { relationshipId: string; canChange: boolean }) {
  return null;
}
