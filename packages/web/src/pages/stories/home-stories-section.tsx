/** Published stories for the signed-in person's audiences, on the home page. Placeholder. */
export function HomeStoriesSection() {
  return null;
}
