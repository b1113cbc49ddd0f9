/**
 * The one module that decides which feedback figures a programme's managers may see: check-in
 * distributions, outcome-survey figures, per group. See issue 10, rule 5.
 *
 * INTERFACE ONLY — the implementation is being written (helper "anonymity"). Callers code
 * against these types and functions; do not change the signatures without asking.
 */

export interface Thresholds {
  /** Fewest people behind any figure shown (default 5; an org admin may set 3–50). */
  minGroup: number;
  /** Fewest people whose free-text answers are shown at all (default 10; ≥ minGroup). */
  minComments: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minGroup: 5, minComments: 10 };
/** An org admin can never set the group minimum lower than this. */
export const MIN_GROUP_FLOOR = 3;
export const MAX_THRESHOLD = 100;

/** What a feedback figure may be split by. The last three only where consented and allowed. */
export const groupDimensions = [
  'department',
  'location',
  'role',
  'jobLevelBand',
  'gender',
  'ageBand',
  'background',
] as const;
export type GroupDimension = (typeof groupDimensions)[number];

/**
 * A cell: the number of distinct people (respondents) who share every dimension's value
 * (null: not known, or not consented). Computed in SQL with GROUP BY over the dimensions.
 */
export interface Cell {
  values: Partial<Record<GroupDimension, string | null>>;
  people: number;
}

export interface GroupRef {
  dimension: GroupDimension;
  value: string;
}

export type WithheldReason =
  /** The group itself has fewer than minGroup people. */
  | 'too_few'
  /** Shown beside groups already shown, some combination would describe fewer than minGroup. */
  | 'overlap';

export interface Disclosure {
  /** People in the whole population (the respondents). */
  total: number;
  /** Whether the population as a whole may be described (total ≥ minGroup). Else nothing is. */
  totalShown: boolean;
  /** The groups whose figures may be shown, in the order they were asked for. */
  shown: GroupRef[];
  withheld: { group: GroupRef; reason: WithheldReason }[];
}

/**
 * Which of the candidate groups may be shown beside the whole population's figures, so that no
 * combination (sum, difference, any linear combination) of the figures shown describes a set of
 * fewer than `minGroup` people. Candidates are considered in the order given (put the dimension
 * the viewer asked for first); a candidate that would break the rule is withheld with its reason.
 * Figures are assumed to be sums over people (counts, sums of scores), as every feedback figure is.
 */
export function discloseGroups(
  cells: readonly Cell[],
  candidates: readonly GroupRef[],
  minGroup: number,
): Disclosure {
  void cells;
  void candidates;
  void minGroup;
  throw new Error('discloseGroups: not implemented yet');
}

/** Whether free-text answers from `people` distinct people may be shown (without names or groups). */
export function mayShowComments(people: number, thresholds: Thresholds): boolean {
  return people >= thresholds.minComments;
}

/** Validates an org admin's thresholds: the field and the reason, or null when they hold. */
export function thresholdProblem(
  thresholds: Thresholds,
): { field: keyof Thresholds; reason: 'below_floor' | 'above_max' | 'below_group' } | null {
  if (thresholds.minGroup < MIN_GROUP_FLOOR) return { field: 'minGroup', reason: 'below_floor' };
  if (thresholds.minGroup > MAX_THRESHOLD) return { field: 'minGroup', reason: 'above_max' };
  if (thresholds.minComments < thresholds.minGroup)
    return { field: 'minComments', reason: 'below_group' };
  if (thresholds.minComments > MAX_THRESHOLD) return { field: 'minComments', reason: 'above_max' };
  return null;
}
