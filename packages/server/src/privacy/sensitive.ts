/**
 * The one place that decides what may be said, in aggregate, about people's sensitive attributes
 * (gender, age band, background). Every dashboard, total or report that could touch them asks
 * here; see "Privacy of sensitive attributes" in docs/architecture.md.
 *
 * The rule:
 * 1. A sensitive attribute is never a field of a row that names a person (named lists).
 * 2. A sensitive aggregate is never shown beside a named list of the same people that the same
 *    viewer controls (who is in it, or where they land: pins, forbids, reruns, the audience).
 *    Such a viewer can move one named person in or out and read the aggregate before and after,
 *    so no threshold protects it: k = 5 and the complement rule only hold against one look.
 * 3. Where an aggregate may be shown, a group is shown only with at least `minimumGroupSize`
 *    people, while at least that many stay outside the shown groups of its kind, and a count of
 *    1–4 inside a shown group is given as null ("fewer than 5").
 */

export const sensitiveAttributeKinds = ['gender', 'ageBand', 'background'] as const;
export type SensitiveAttributeKind = (typeof sensitiveAttributeKinds)[number];

/** The smallest number of people a sensitive figure may describe. */
export const minimumGroupSize = 5;

/** Where an aggregate would appear, from the viewer's side. */
export interface AggregateView {
  /** The viewer sees (on the same screen, or one they can open) named people of the population. */
  besideNamedList: boolean;
  /**
   * The viewer can change who is in that named list or how each of them fares (pins, forbids,
   * runs, audience rules, inviting or removing people) and look again.
   */
  viewerControlsList: boolean;
}

/** The views the server has today. */
export const views = {
  /** A programme's proposal board: matched and unmatched mentees by name, pins and forbids. */
  proposalBoard: { besideNamedList: true, viewerControlsList: true },
  /** A programme's enrolment list for its managers, who also set its audience. */
  enrolmentList: { besideNamedList: true, viewerControlsList: true },
  /**
   * A programme's anonymous feedback results (check-ins, outcome survey). The managers do see the
   * enrolment list, but they do not control who is in the results' population: an answer stays in
   * it after the person leaves or is removed, and a person is counted only by answering. Moving one
   * named person in or out does not change the figures, so rule 2 does not forbid them; the
   * anonymity module (privacy/anonymity.ts) keeps every group at the threshold.
   */
  feedbackResults: { besideNamedList: true, viewerControlsList: false },
} as const satisfies Record<string, AggregateView>;

/** Whether any sensitive-attribute aggregate may appear in this view (rule 2). */
export function canShowSensitiveAggregate(view: AggregateView): boolean {
  return !(view.besideNamedList && view.viewerControlsList);
}

/** One person as an aggregate counts them: their value (null: not given) and their outcome. */
export interface SensitiveMember<O extends string> {
  value: string | null;
  outcome: O;
}

export interface SensitiveGroup<O extends string> {
  kind: SensitiveAttributeKind;
  value: string;
  /** Per outcome; null where the count is 1–4 (too few to show). */
  counts: Record<O, number | null>;
}

/**
 * Counts per value of one sensitive attribute, split by outcome, under rules 2 and 3: nothing at
 * all in a view beside a named list the viewer controls; otherwise only groups of 5+, while 5+
 * remain outside the shown groups (the smallest shown are held back until that holds), with
 * counts of 1–4 as null.
 *
 * @example
 * sensitiveAggregate({ besideNamedList: false, viewerControlsList: false }, 'gender',
 *   members, ['matched', 'unmatched'])
 * // → [{ kind: 'gender', value: 'vrouw', counts: { matched: 6, unmatched: null } }]
 */
export function sensitiveAggregate<O extends string>(
  view: AggregateView,
  kind: SensitiveAttributeKind,
  members: readonly SensitiveMember<O>[],
  outcomes: readonly O[],
): SensitiveGroup<O>[] {
  if (!canShowSensitiveAggregate(view)) return [];
  const min = minimumGroupSize;
  const groups = new Map<string, SensitiveMember<O>[]>();
  for (const member of members) {
    if (member.value === null) continue;
    groups.set(member.value, [...(groups.get(member.value) ?? []), member]);
  }
  // Largest first, so the groups held back are the smallest; ties by value, so the answer does
  // not depend on the order people came in.
  const shown = [...groups]
    .filter(([, group]) => group.length >= min)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  let outside = members.length - shown.reduce((sum, [, group]) => sum + group.length, 0);
  while (shown.length > 0 && outside < min) outside += shown.pop()![1].length;
  return shown
    .map(([value, group]) => ({
      kind,
      value,
      counts: Object.fromEntries(
        outcomes.map((o) => [o, safeCount(group.filter((m) => m.outcome === o).length)]),
      ) as Record<O, number | null>,
    }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

/** A count inside a shown group: 0 or 5+ as it is, 1–4 as null. */
export function safeCount(n: number): number | null {
  return n === 0 || n >= minimumGroupSize ? n : null;
}

/**
 * A row of a named list without any sensitive attribute (rule 1). Named lists pass their rows
 * through this, so a column added to a query later cannot carry one out.
 */
export function withoutSensitiveAttributes<T extends object>(
  row: T,
): Omit<T, SensitiveAttributeKind> {
  const copy = { ...row } as Record<string, unknown>;
  for (const kind of sensitiveAttributeKinds) delete copy[kind];
  return copy as Omit<T, SensitiveAttributeKind>;
}
