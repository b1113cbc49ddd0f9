/** Placeholder (issue 11, stories). */
export function StoryReviewPage() {
  return null;
}
