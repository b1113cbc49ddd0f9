/** The outcome report of a programme (/programmes/:programmeId/outcomes) or the organisation (/outcomes). Placeholder. */
export function OutcomeReportPage() {
  return null;
}
