// Placeholder: being built by the dashboard helper (issue 10). Replace this file.
export function DashboardPage() {
  return null;
}
