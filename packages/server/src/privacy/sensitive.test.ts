import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canShowSensitiveAggregate,
  minimumGroupSize,
  safeCount,
  sensitiveAggregate,
  views,
  withoutSensitiveAttributes,
  type AggregateView,
  type SensitiveMember,
} from './sensitive.js';

type Outcome = 'matched' | 'unmatched';
const outcomes: Outcome[] = ['matched', 'unmatched'];
const report: AggregateView = { besideNamedList: false, viewerControlsList: false };
const times = (n: number, member: SensitiveMember<Outcome>) =>
  Array.from({ length: n }, () => ({ ...member }));

const member = fc.record({
  value: fc.constantFrom(null, 'vrouw', 'man', 'non-binair', 'x'),
  outcome: fc.constantFrom<Outcome>('matched', 'unmatched'),
});
const population = fc.array(member, { maxLength: 60 });
const anyView = fc.record({ besideNamedList: fc.boolean(), viewerControlsList: fc.boolean() });

describe('where a sensitive aggregate may appear', () => {
  it('never beside a named list the viewer controls; elsewhere it may', () => {
    expect(canShowSensitiveAggregate(views.proposalBoard)).toBe(false);
    expect(canShowSensitiveAggregate(views.enrolmentList)).toBe(false);
    expect(canShowSensitiveAggregate(report)).toBe(true);
    expect(canShowSensitiveAggregate({ besideNamedList: true, viewerControlsList: false })).toBe(
      true,
    );
  });

  it('gives nothing at all in such a view, whatever the people (property)', () => {
    fc.assert(
      fc.property(population, (members) => {
        expect(sensitiveAggregate(views.proposalBoard, 'gender', members, outcomes)).toEqual([]);
      }),
    );
  });

  it('in such a view, the answer cannot change when one named person moves (property)', () => {
    // The attack: the manager forbids or pins one named person and looks again. Whatever one
    // person's value and outcome, the two answers are the same (both empty).
    fc.assert(
      fc.property(population, member, member, (others, before, after) => {
        const a = sensitiveAggregate(views.proposalBoard, 'ageBand', [...others, before], outcomes);
        const b = sensitiveAggregate(views.proposalBoard, 'ageBand', [...others, after], outcomes);
        expect(a).toEqual(b);
      }),
    );
  });
});

describe('a sensitive aggregate where one may be shown', () => {
  it('shows groups of five or more with their counts', () => {
    const groups = sensitiveAggregate(
      report,
      'gender',
      [
        ...times(5, { value: 'vrouw', outcome: 'matched' }),
        ...times(5, { value: 'man', outcome: 'unmatched' }),
        ...times(5, { value: null, outcome: 'matched' }),
      ],
      outcomes,
    );
    expect(groups).toEqual([
      { kind: 'gender', value: 'man', counts: { matched: 0, unmatched: 5 } },
      { kind: 'gender', value: 'vrouw', counts: { matched: 5, unmatched: 0 } },
    ]);
  });

  it('never lets a small group be found by subtracting the shown groups from the total', () => {
    // Six women and one non-binary person: "vrouw 6" beside "7 mentees" would single them out.
    const groups = sensitiveAggregate(
      report,
      'gender',
      [
        ...times(6, { value: 'vrouw', outcome: 'matched' }),
        { value: 'non-binair', outcome: 'unmatched' },
      ],
      outcomes,
    );
    expect(groups).toEqual([]);
  });

  it('holds back the smallest groups until five are left outside them', () => {
    const groups = sensitiveAggregate(
      report,
      'ageBand',
      [
        ...times(7, { value: '25-34', outcome: 'matched' }),
        ...times(6, { value: '35-44', outcome: 'matched' }),
        ...times(2, { value: '55+', outcome: 'matched' }),
        { value: null, outcome: 'matched' },
      ],
      outcomes,
    );
    expect(groups.map((g) => g.value)).toEqual(['25-34']);
  });

  it('gives a count of 1–4 as null', () => {
    expect([0, 1, 4, 5, 9].map(safeCount)).toEqual([0, null, null, 5, 9]);
  });

  it('holds k = 5 inside, k = 5 outside and no count of 1–4, for any population (property)', () => {
    fc.assert(
      fc.property(population, anyView, (members, view) => {
        const groups = sensitiveAggregate(view, 'gender', members, outcomes);
        if (!canShowSensitiveAggregate(view)) {
          expect(groups).toEqual([]);
          return;
        }
        let inside = 0;
        for (const group of groups) {
          const size = members.filter((m) => m.value === group.value).length;
          expect(size).toBeGreaterThanOrEqual(minimumGroupSize);
          inside += size;
          for (const n of Object.values(group.counts))
            expect(n === null || n === 0 || n >= minimumGroupSize).toBe(true);
        }
        if (groups.length > 0)
          expect(members.length - inside).toBeGreaterThanOrEqual(minimumGroupSize);
      }),
    );
  });

  it('does not depend on the order people are counted in (property)', () => {
    fc.assert(
      fc.property(population, (members) => {
        const reversed = [...members].reverse();
        expect(sensitiveAggregate(report, 'gender', reversed, outcomes)).toEqual(
          sensitiveAggregate(report, 'gender', members, outcomes),
        );
      }),
    );
  });
});

describe('a named list row', () => {
  it('carries no sensitive attribute', () => {
    const row = withoutSensitiveAttributes({
      id: 'p1',
      name: 'Sanne',
      gender: 'vrouw',
      ageBand: '25-34',
      background: 'x',
    });
    expect(row).toEqual({ id: 'p1', name: 'Sanne' });
  });
});
