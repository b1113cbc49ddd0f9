// Placeholder: being built by the check-ins helper (issue 10). Replace this file.
export function FeedbackPage() {
  return null;
}
