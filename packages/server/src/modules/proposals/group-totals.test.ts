import { describe, expect, it } from 'vitest';
import { totalsByTargetGroup, type GroupedMentee } from './group-totals.js';

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

describe('totals by target group', () => {
  it('count matched and unmatched per department, small ones included, no department last', () => {
    const totals = totalsByTargetGroup(
      [
        mentee({ department: 'Sales' }),
        mentee({ department: null, isMatched: false }),
        mentee({ department: 'ICT' }),
        mentee({ department: 'ICT', isMatched: false }),
      ],
      { includeSensitive: false },
    );
    expect(totals).toEqual([
      { kind: 'department', value: 'ICT', matched: 1, unmatched: 1 },
      { kind: 'department', value: 'Sales', matched: 1, unmatched: 0 },
      { kind: 'department', value: null, matched: 0, unmatched: 1 },
    ]);
  });

  it('leave gender and age out of a programme that is not for a target group', () => {
    const totals = totalsByTargetGroup(times(6, { gender: 'vrouw', ageBand: '25-34' }), {
      includeSensitive: false,
    });
    expect(totals.map((t) => t.kind)).toEqual(['department']);
  });

  it('show gender and age-band groups of five or more, age bands youngest first', () => {
    const totals = totalsByTargetGroup(
      [
        ...times(5, { gender: 'vrouw', ageBand: '55+' }),
        ...times(5, { gender: 'man', ageBand: '<25', isMatched: false }),
        // Five who shared nothing: enough people outside the shown groups.
        ...times(5, {}),
      ],
      { includeSensitive: true },
    );
    expect(totals.filter((t) => t.kind !== 'department')).toEqual([
      { kind: 'gender', value: 'man', matched: 0, unmatched: 5 },
      { kind: 'gender', value: 'vrouw', matched: 5, unmatched: 0 },
      { kind: 'ageBand', value: '<25', matched: 0, unmatched: 5 },
      { kind: 'ageBand', value: '55+', matched: 5, unmatched: 0 },
    ]);
  });

  it('never let a small group be found by subtracting the shown groups from the totals', () => {
    // Six women and one non-binary person: showing "vrouw 6/0" beside "Klantenservice 6/1" would
    // tell that the one unmatched (named) mentee is not a woman.
    const totals = totalsByTargetGroup(
      [...times(6, { gender: 'vrouw' }), mentee({ gender: 'non-binair', isMatched: false })],
      { includeSensitive: true },
    );
    expect(totals).toEqual([
      { kind: 'department', value: 'Klantenservice', matched: 6, unmatched: 1 },
    ]);
  });

  it('hold back the smallest groups until five people are left outside them', () => {
    // Everyone shared: showing both groups would place every unmatched person in one of them.
    const both = totalsByTargetGroup(
      [...times(8, { gender: 'vrouw' }), ...times(6, { gender: 'man', isMatched: false })],
      { includeSensitive: true },
    );
    expect(both.filter((t) => t.kind === 'gender')).toEqual([
      { kind: 'gender', value: 'vrouw', matched: 8, unmatched: 0 },
    ]);
    // Three outside (two small groups and one who did not share) are too few: the smaller shown
    // group is held back too, leaving nine outside.
    const held = totalsByTargetGroup(
      [
        ...times(7, { ageBand: '25-34' }),
        ...times(6, { ageBand: '35-44' }),
        ...times(2, { ageBand: '55+' }),
        mentee({}),
      ],
      { includeSensitive: true },
    );
    expect(held.filter((t) => t.kind === 'ageBand')).toEqual([
      { kind: 'ageBand', value: '25-34', matched: 7, unmatched: 0 },
    ]);
  });

  it('give a count of 1–4 inside a shown group as null, never the number', () => {
    const totals = totalsByTargetGroup(
      [
        ...times(6, { gender: 'vrouw' }),
        ...times(2, { gender: 'vrouw', isMatched: false }),
        ...times(5, {}),
      ],
      { includeSensitive: true },
    );
    expect(totals.find((t) => t.kind === 'gender')).toEqual({
      kind: 'gender',
      value: 'vrouw',
      matched: 6,
      unmatched: null,
    });
  });

  it('give nothing for no mentees', () => {
    expect(totalsByTargetGroup([], { includeSensitive: true })).toEqual([]);
  });
});
