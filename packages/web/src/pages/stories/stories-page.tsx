/** Placeholder (issue 11, stories). */
export function StoriesPage() {
  return null;
}
