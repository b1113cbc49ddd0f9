/**
 * Section of the relationship page (/mentoring/:relationshipId). Being built in this round by
 * H3 (meetings, invitations, calendar); until then it renders nothing.
 */
export function MeetingsSection(_props: { relationshipId: string; canChange: boolean }) {
  return null;
}
