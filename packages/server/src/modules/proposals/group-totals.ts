import { SensitiveBody } from '../enrolments/schema.js';
import {
  sensitiveAggregate,
  type AggregateView,
  type SensitiveAttributeKind,
} from '../../privacy/index.js';

export type GroupKind = 'department' | SensitiveAttributeKind;

/** One row of the per-group totals; the web writes the words, the server only the facts. */
export interface GroupTotal {
  kind: GroupKind;
  /** The department (null: none recorded), or a sensitive value where the view allows one. */
  value: string | null;
  /** Null where the count is 1–4 in a sensitive row: too few to show. */
  matched: number | null;
  unmatched: number | null;
}

export interface GroupedMentee {
  id: string;
  department: string | null;
  /** Consented sensitive attributes; left out (undefined) when the view may not show them. */
  gender?: string | null;
  ageBand?: string | null;
  isMatched: boolean;
}

const ageBandOrder: readonly string[] = SensitiveBody.shape.ageBand.unwrap().options;
const kindOrder: readonly GroupKind[] = ['department', 'gender', 'ageBand', 'background'];

/**
 * Matched/unmatched per department (not sensitive: always shown), and per gender and age band
 * only where the privacy module allows a sensitive aggregate in this view. On the proposal
 * board it never does (the manager sees the named mentees and moves them with pins, forbids
 * and reruns), so the board has department rows only.
 */
export function totalsByGroup(
  mentees: readonly GroupedMentee[],
  view: AggregateView,
): GroupTotal[] {
  const result: GroupTotal[] = [];
  const departments = new Map<string | null, GroupedMentee[]>();
  for (const mentee of mentees)
    departments.set(mentee.department, [...(departments.get(mentee.department) ?? []), mentee]);
  for (const [value, members] of departments) {
    const matched = members.filter((m) => m.isMatched).length;
    result.push({ kind: 'department', value, matched, unmatched: members.length - matched });
  }
  for (const kind of ['gender', 'ageBand'] as const) {
    const members = mentees.map((m) => ({
      value: m[kind] ?? null,
      outcome: m.isMatched ? ('matched' as const) : ('unmatched' as const),
    }));
    for (const group of sensitiveAggregate(view, kind, members, ['matched', 'unmatched'])) {
      result.push({ kind, value: group.value, ...group.counts });
    }
  }
  return result.sort(compareGroups);
}

function compareGroups(a: GroupTotal, b: GroupTotal): number {
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
