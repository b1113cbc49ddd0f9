/** A sponsor's home: the programmes they sponsor with headline figures. Placeholder. */
export function SponsorHomeSection() {
  return null;
}
