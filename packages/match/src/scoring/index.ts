/**
 * Scoring and suggestions: the engine's input format, pair scores as weighted explainable parts,
 * hard rules with reason codes, bilingual explanations, top-k suggestions over a one-off index,
 * and the sparse candidate pairs the programme-wide assignment consumes.
 */
export type * from './types.js';
export {
  DEFAULT_RULES,
  DEFAULT_WEIGHTS,
  MatchInputError,
  normalizePool,
  type NormalizedParticipant,
  type NormalizedPool,
} from './validate.js';
export {
  AVAILABILITY_FULL_HOURS,
  BUILTIN_LANGUAGE_LABELS,
  COMMON_GROUND_FULL,
  EXCLUSION_CODES,
  LEARNING_FULL_SKILLS,
  MatchIndex,
  PART_CODES,
  STRENGTH_MAX,
  TIME_ZONE_ZERO_MINUTES,
  buildMatchIndex,
  buildMatchIndexFromJson,
  levelGapFit,
} from './match-index.js';
export { ReportingLines } from './reporting-line.js';
export {
  findSuggestions,
  findSuggestionsByFullScan,
  type DiversityOptions,
  type SuggestFilters,
  type SuggestOptions,
  type SuggestRequest,
  type SuggestResult,
  type Suggestion,
} from './suggest.js';
export {
  buildCandidatePairs,
  evaluatePair,
  scorePair,
  type CandidatePairs,
  type CandidatePairsOptions,
  type PairEvaluation,
} from './candidates.js';
export { exclusionSentence, joinList } from './explain.js';
