// Placeholder: being built by the results helper (issue 10). Replace this file.
export function ResultsSection() {
  return null;
}
