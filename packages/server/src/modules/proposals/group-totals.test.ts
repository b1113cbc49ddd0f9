import { describe, expect, it } from 'vitest';
import { views, type AggregateView } from '../../privacy/index.js';
import { totalsByGroup, type GroupedMentee } from './group-totals.js';

let next = 0;
function mentee(overrides: Partial<GroupedMentee> = {}): GroupedMentee {
  next++;
  return {
    id: `m${next}`,
    department: 'Klantenservice',
    gender: null,
    ageBand: null,
    isMatched: true,
    ...overrides,
  };
}
const times = (n: number, overrides: Partial<GroupedMentee>) =>
  Array.from({ length: n }, () => mentee(overrides));
// A view without a named list the viewer controls (an outcome report, say).
const report: AggregateView = { besideNamedList: false, viewerControlsList: false };

describe('totals per group', () => {
  it('count matched and unmatched per department, small ones included, no department last', () => {
    const totals = totalsByGroup(
      [
        mentee({ department: 'Sales' }),
        mentee({ department: null, isMatched: false }),
        mentee({ department: 'ICT' }),
        mentee({ department: 'ICT', isMatched: false }),
      ],
      views.proposalBoard,
    );
    expect(totals).toEqual([
      { kind: 'department', value: 'ICT', matched: 1, unmatched: 1 },
      { kind: 'department', value: 'Sales', matched: 1, unmatched: 0 },
      { kind: 'department', value: null, matched: 0, unmatched: 1 },
    ]);
  });

  it('give no gender or age band on the proposal board, however large the groups', () => {
    const totals = totalsByGroup(
      [
        ...times(20, { gender: 'vrouw', ageBand: '25-34' }),
        ...times(20, { gender: 'man', ageBand: '35-44', isMatched: false }),
        ...times(20, {}),
      ],
      views.proposalBoard,
    );
    expect(totals.map((t) => t.kind)).toEqual(['department']);
  });

  it('leave them to the privacy module where a view may show them (k = 5, complement)', () => {
    const totals = totalsByGroup(
      [
        ...times(5, { gender: 'vrouw', ageBand: '55+' }),
        ...times(5, { gender: 'man', ageBand: '<25', isMatched: false }),
        ...times(2, { gender: 'vrouw', ageBand: '55+', isMatched: false }),
        ...times(5, {}),
      ],
      report,
    );
    expect(totals.filter((t) => t.kind !== 'department')).toEqual([
      { kind: 'gender', value: 'man', matched: 0, unmatched: 5 },
      { kind: 'gender', value: 'vrouw', matched: 5, unmatched: null },
      { kind: 'ageBand', value: '<25', matched: 0, unmatched: 5 },
      { kind: 'ageBand', value: '55+', matched: 5, unmatched: null },
    ]);
    // Six women and one non-binary person: nothing, or subtraction would single them out.
    expect(
      totalsByGroup(
        [...times(6, { gender: 'vrouw' }), mentee({ gender: 'non-binair', isMatched: false })],
        report,
      ).map((t) => t.kind),
    ).toEqual(['department']);
  });

  it('give nothing for no mentees', () => {
    expect(totalsByGroup([], report)).toEqual([]);
  });
});
