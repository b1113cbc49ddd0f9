import { SensitiveBody } from '../enrolments/schema.js';

export type TargetGroupKind = 'department' | 'gender' | 'ageBand';

/** One row of the per-group totals; the web writes the words, the server only the facts. */
export interface TargetGroupTotal {
  kind: TargetGroupKind;
  /** The department (null: none recorded), gender or age band. */
  value: string | null;
  /** Null where the count is 1–4 in a gender or age-band row: too few to show. */
  matched: number | null;
  unmatched: number | null;
}

export interface GroupedMentee {
  id: string;
  department: string | null;
  /** Consented sensitive attributes; null when not given. */
  gender: string | null;
  ageBand: string | null;
  isMatched: boolean;
}

/**
 * The smallest number of people a sensitive figure may describe. Below it, a manager who knows
 * who enrolled (and sees the named list of unmatched mentees) could tell one person's gender or
 * age, or how their match went.
 */
export const minimumSensitiveGroupSize = 5;

const ageBandOrder: readonly string[] = SensitiveBody.shape.ageBand.unwrap().options;
const kindOrder: readonly TargetGroupKind[] = ['department', 'gender', 'ageBand'];

/**
 * Matched/unmatched per department and — when sensitive attributes may be used (a target-group
 * programme) — per consented gender and age band.
 *
 * Privacy rule (aggregate reporting only, never a person): departments are not sensitive and
 * always shown. For gender and for age band separately:
 * - a group is shown only when it holds at least `minimumSensitiveGroupSize` people;
 * - the people outside the shown groups of that kind (smaller groups and everyone who did not
 *   share) must also number at least `minimumSensitiveGroupSize`, otherwise the department
 *   totals minus the shown groups would single them out (or, when everyone shared, tell an
 *   unmatched person's group); the smallest shown groups are held back until that holds;
 * - in a shown group, a matched or unmatched count of 1–4 is given as null ("fewer than 5"),
 *   so it cannot be paired with the named list of unmatched mentees.
 */
export function totalsByTargetGroup(
  mentees: readonly GroupedMentee[],
  options: { includeSensitive: boolean },
): TargetGroupTotal[] {
  const result: TargetGroupTotal[] = [];
  for (const [value, members] of groupBy(mentees, (m) => m.department)) {
    result.push({ kind: 'department', value, ...count(members) });
  }
  if (options.includeSensitive) {
    result.push(
      ...sensitiveRows(
        'gender',
        groupBy(mentees, (m) => m.gender),
        mentees.length,
      ),
    );
    result.push(
      ...sensitiveRows(
        'ageBand',
        groupBy(mentees, (m) => m.ageBand),
        mentees.length,
      ),
    );
  }
  return result.sort(compareGroups);
}

function sensitiveRows(
  kind: TargetGroupKind,
  groups: Map<string | null, GroupedMentee[]>,
  everyone: number,
): TargetGroupTotal[] {
  const min = minimumSensitiveGroupSize;
  // Largest first, so the groups held back are the smallest.
  const shown = [...groups]
    .filter(([value, members]) => value !== null && members.length >= min)
    .sort((a, b) => b[1].length - a[1].length);
  let outside = everyone - shown.reduce((sum, [, members]) => sum + members.length, 0);
  while (shown.length > 0 && outside < min) outside += shown.pop()![1].length;
  return shown.map(([value, members]) => {
    const { matched, unmatched } = count(members);
    const safe = (n: number) => (n === 0 || n >= min ? n : null);
    return { kind, value, matched: safe(matched), unmatched: safe(unmatched) };
  });
}

function groupBy(
  mentees: readonly GroupedMentee[],
  key: (mentee: GroupedMentee) => string | null,
): Map<string | null, GroupedMentee[]> {
  const groups = new Map<string | null, GroupedMentee[]>();
  for (const mentee of mentees) {
    const value = key(mentee);
    groups.set(value, [...(groups.get(value) ?? []), mentee]);
  }
  return groups;
}

function count(members: readonly GroupedMentee[]) {
  const matched = members.filter((m) => m.isMatched).length;
  return { matched, unmatched: members.length - matched };
}

function compareGroups(a: TargetGroupTotal, b: TargetGroupTotal): number {
  const byKind = kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  if (a.kind === 'ageBand') {
    const byBand = ageBandOrder.indexOf(a.value ?? '') - ageBandOrder.indexOf(b.value ?? '');
    if (byBand !== 0) return byBand;
  }
  // No department last.
  if (a.value === null || b.value === null)
    return a.value === b.value ? 0 : a.value === null ? 1 : -1;
  return a.value.localeCompare(b.value);
}
