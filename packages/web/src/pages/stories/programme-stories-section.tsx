import type { Programme } from '../programmes/programme-types';

/** Published stories of the programme, and the manager's way to the review queue. Placeholder. */
export function ProgrammeStoriesSection(_props: { programme: Programme }) {
  return null;
}
