import type { MatchPool, Participant, ProgrammeRulesInput } from './types.js';

let sequence = 0;

/** Test factory: a participant with harmless defaults and unique id; override what matters. */
export function buildParticipant(overrides: Partial<Participant> = {}): Participant {
  const id = overrides.id ?? `person-${++sequence}`;
  return {
    id,
    name: overrides.name ?? id,
    languages: ['nl'],
    offers: [],
    wants: [],
    interests: [],
    ...overrides,
  };
}

/** Test factory: a pool from participants and optional rules. */
export function buildPool(
  participants: Participant[],
  rules: ProgrammeRulesInput = {},
  extra: Partial<MatchPool> = {},
): MatchPool {
  return { participants, rules, ...extra };
}
