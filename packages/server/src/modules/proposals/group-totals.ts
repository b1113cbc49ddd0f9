import { SensitiveBody } from '../enrolments/schema.js';

export type TargetGroupKind = 'department' | 'gender' | 'ageBand' | 'other';

/** One row of the per-group totals; the web writes the words, the server only the facts. */
export interface TargetGroupTotal {
  kind: TargetGroupKind;
  /** The department (null: none recorded), gender or age band; null for `other`. */
  value: string | null;
  matched: number;
  unmatched: number;
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
 * who enrolled could tell how one person's match went, and with it their gender or age.
 */
export const minimumSensitiveGroupSize = 5;

const ageBandOrder: readonly string[] = SensitiveBody.shape.ageBand.unwrap().options;
const kindOrder: readonly TargetGroupKind[] = ['department', 'gender', 'ageBand', 'other'];

/**
 * Matched/unmatched per department and — when sensitive attributes may be used (a target-group
 * programme) — per consented gender and age band.
 *
 * Privacy rule: departments are not sensitive and always shown. A gender or age-band group of
 * fewer than `minimumSensitiveGroupSize` people is never shown on its own; all such small groups
 * are merged into one `other` row, counting each person once even when both their gender and
 * their age band are small. If that merged row itself holds fewer than
 * `minimumSensitiveGroupSize` people it is left out entirely (one small group "merged" with
 * nothing would be shown as it is).
 */
export function totalsByTargetGroup(
  mentees: readonly GroupedMentee[],
  options: { includeSensitive: boolean },
): TargetGroupTotal[] {
  const groups = new Map<string, { kind: TargetGroupKind; value: string | null; ids: string[] }>();
  const add = (kind: TargetGroupKind, value: string | null, id: string) => {
    const key = `${kind}\u0000${value ?? ''}`;
    const group = groups.get(key) ?? { kind, value, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  };
  for (const mentee of mentees) {
    add('department', mentee.department, mentee.id);
    if (!options.includeSensitive) continue;
    if (mentee.gender) add('gender', mentee.gender, mentee.id);
    if (mentee.ageBand) add('ageBand', mentee.ageBand, mentee.id);
  }

  const isMatched = new Map(mentees.map((m) => [m.id, m.isMatched]));
  const count = (ids: Iterable<string>) => {
    const total = { matched: 0, unmatched: 0 };
    for (const id of ids) {
      if (isMatched.get(id)) total.matched++;
      else total.unmatched++;
    }
    return total;
  };

  const result: TargetGroupTotal[] = [];
  const merged = new Set<string>();
  for (const group of groups.values()) {
    if (group.kind !== 'department' && group.ids.length < minimumSensitiveGroupSize)
      for (const id of group.ids) merged.add(id);
    else result.push({ kind: group.kind, value: group.value, ...count(group.ids) });
  }
  if (merged.size >= minimumSensitiveGroupSize)
    result.push({ kind: 'other', value: null, ...count(merged) });
  return result.sort(compareGroups);
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
