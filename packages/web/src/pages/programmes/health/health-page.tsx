// Placeholder: being built by the health helper (issue 10). Replace this file.
export function HealthPage() {
  return null;
}
