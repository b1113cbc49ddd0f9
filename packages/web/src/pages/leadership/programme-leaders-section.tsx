import type { Programme } from '../programmes/programme-types';

/** The programme's sponsors and the leaders who take part (issue 11, rule 1). Placeholder. */
export function ProgrammeLeadersSection(_props: { programme: Programme }) {
  return null;
}
