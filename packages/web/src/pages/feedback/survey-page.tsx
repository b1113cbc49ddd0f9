// Placeholder: being built by the outcome-survey helper (issue 10). Replace this file.
export function SurveyPage() {
  return null;
}
