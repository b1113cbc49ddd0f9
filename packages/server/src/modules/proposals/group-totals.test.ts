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

  it('never show one small sensitive group on its own, not even as the merged row', () => {
    const totals = totalsByTargetGroup(
      [...times(6, { gender: 'vrouw' }), mentee({ gender: 'non-binair', isMatched: false })],
      { includeSensitive: true },
    );
    expect(totals).toEqual([
      { kind: 'department', value: 'Klantenservice', matched: 6, unmatched: 1 },
      { kind: 'gender', value: 'vrouw', matched: 6, unmatched: 0 },
    ]);
  });

  it('merge small groups into one row once it holds five people', () => {
    const totals = totalsByTargetGroup(
      [
        ...times(5, { gender: 'vrouw' }),
        ...times(3, { gender: 'man', isMatched: false }),
        ...times(2, { ageBand: '55+' }),
      ],
      { includeSensitive: true },
    );
    expect(totals.at(-1)).toEqual({ kind: 'other', value: null, matched: 2, unmatched: 3 });
    expect(totals.some((t) => t.value === 'man' || t.value === '55+')).toBe(false);
  });

  it('count a person once in the merged row when both their gender and age band are small', () => {
    // Four people, each in a small gender group and a small age band: 8 memberships, 4 people.
    const few = times(4, { gender: 'x', ageBand: '45-54' });
    const totals = totalsByTargetGroup([...few, ...times(5, { gender: 'vrouw' })], {
      includeSensitive: true,
    });
    expect(totals.find((t) => t.kind === 'other')).toBeUndefined();
    const five = totalsByTargetGroup(
      [...few, mentee({ ageBand: '<25', isMatched: false }), ...times(5, { gender: 'vrouw' })],
      { includeSensitive: true },
    );
    expect(five.find((t) => t.kind === 'other')).toEqual({
      kind: 'other',
      value: null,
      matched: 4,
      unmatched: 1,
    });
  });

  it('give nothing for no mentees', () => {
    expect(totalsByTargetGroup([], { includeSensitive: true })).toEqual([]);
  });
});
