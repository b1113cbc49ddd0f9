/** Placeholder (issue 11, stories). */
export function StoryEditorPage() {
  return null;
}
