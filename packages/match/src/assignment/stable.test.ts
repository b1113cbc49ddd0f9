import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareStableWithOptimal,
  derivePreferences,
  findBlockingPairs,
  stable,
} from './stable.js';
import type { StableInstance } from './stable.js';

const example: StableInstance = {
  mentees: [
    { id: 'ann', prefs: ['max', 'eva'] },
    { id: 'bob', prefs: ['max'] },
  ],
  mentors: [
    { id: 'max', capacity: 1, prefs: ['bob', 'ann'] },
    { id: 'eva', capacity: 1, prefs: ['ann'] },
  ],
};

const arbitraryStable = fc
  .record({
    nMentees: fc.integer({ min: 0, max: 5 }),
    caps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 0, maxLength: 3 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    density: fc.double({ min: 0.2, max: 1, noNaN: true }),
  })
  .map(({ nMentees, caps, seed, density }): StableInstance => {
    let s = seed;
    const random = (): number => {
      s = (s * 48271) % 2147483647;
      return s / 2147483647;
    };
    const shuffle = <T>(items: T[]): T[] => {
      for (let k = items.length - 1; k > 0; k--) {
        const r = Math.floor(random() * (k + 1));
        [items[k], items[r]] = [items[r], items[k]];
      }
      return items;
    };
    const menteeIds = Array.from({ length: nMentees }, (_, i) => `e${i}`);
    const mentorIds = caps.map((_, j) => `r${j}`);
    return {
      mentees: menteeIds.map((id) => ({
        id,
        prefs: shuffle(mentorIds.filter(() => random() < density)),
      })),
      mentors: mentorIds.map((id, j) => ({
        id,
        capacity: caps[j],
        prefs: shuffle(menteeIds.filter(() => random() < density)),
      })),
    };
  });

/** Every stable matching, by enumeration (each mentee: unmatched or one listed mentor). */
function allStableMatchings(instance: StableInstance): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  const current: { mentee: string; mentor: string }[] = [];
  const load = new Map(instance.mentors.map((m) => [m.id, 0]));
  const cap = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  const lists = new Map(instance.mentors.map((m) => [m.id, new Set(m.prefs)]));
  const go = (i: number): void => {
    if (i === instance.mentees.length) {
      if (findBlockingPairs(instance, { pairs: current }).length === 0)
        out.push(new Map(current.map((p) => [p.mentee, p.mentor])));
      return;
    }
    const mentee = instance.mentees[i];
    go(i + 1);
    for (const mentor of mentee.prefs) {
      if (!lists.get(mentor)?.has(mentee.id)) continue;
      const l = load.get(mentor) ?? 0;
      if (l >= (cap.get(mentor) ?? 0)) continue;
      load.set(mentor, l + 1);
      current.push({ mentee: mentee.id, mentor });
      go(i + 1);
      current.pop();
      load.set(mentor, l);
    }
  };
  go(0);
  return out;
}

describe('stable', () => {
  it('matches the documented example', () => {
    const result = stable(example);
    expect(result.pairs).toEqual([
      { mentee: 'ann', mentor: 'eva' },
      { mentee: 'bob', mentor: 'max' },
    ]);
    expect(findBlockingPairs(example, result)).toEqual([]);
  });

  it('only matches mutually acceptable pairs and respects capacity', () => {
    const instance: StableInstance = {
      mentees: [
        { id: 'a', prefs: ['x'] },
        { id: 'b', prefs: ['x'] },
        { id: 'c', prefs: ['x', 'y'] },
      ],
      mentors: [
        { id: 'x', capacity: 2, prefs: ['c', 'a', 'b'] },
        { id: 'y', capacity: 1, prefs: ['b'] },
      ],
    };
    const result = stable(instance);
    expect(result.pairs).toEqual([
      { mentee: 'a', mentor: 'x' },
      { mentee: 'c', mentor: 'x' },
    ]);
    expect(result.unmatched).toEqual(['b']);
  });

  it('finds blocking pairs in an unstable matching', () => {
    expect(findBlockingPairs(example, { pairs: [{ mentee: 'ann', mentor: 'max' }] })).toEqual([
      { mentee: 'bob', mentor: 'max' },
    ]);
    expect(() => findBlockingPairs(example, { pairs: [{ mentee: 'bob', mentor: 'eva' }] })).toThrow(
      /not mutually acceptable/,
    );
  });

  it('rejects bad input', () => {
    expect(() => stable({ mentees: [{ id: 'a', prefs: ['zz'] }], mentors: [] })).toThrow(
      /unknown mentor id "zz"/,
    );
    expect(() => stable({ mentees: [], mentors: [{ id: 'x', capacity: -1, prefs: [] }] })).toThrow(
      /must not be negative/,
    );
    expect(() =>
      stable({
        mentees: [{ id: 'a', prefs: ['x', 'x'] }],
        mentors: [{ id: 'x', capacity: 1, prefs: [] }],
      }),
    ).toThrow(/listed twice/);
  });

  it('has no blocking pair and is mentee-optimal (brute force over all stable matchings)', () => {
    fc.assert(
      fc.property(arbitraryStable, (instance) => {
        const result = stable(instance);
        expect(findBlockingPairs(instance, result)).toEqual([]);
        const mine = new Map(result.pairs.map((p) => [p.mentee, p.mentor]));
        const all = allStableMatchings(instance);
        expect(
          all.some((m) => m.size === mine.size && [...m].every(([e, r]) => mine.get(e) === r)),
        ).toBe(true);
        for (const mentee of instance.mentees) {
          const rank = (mentor: string | undefined): number =>
            mentor === undefined ? Infinity : mentee.prefs.indexOf(mentor);
          for (const other of all)
            expect(rank(mine.get(mentee.id))).toBeLessThanOrEqual(rank(other.get(mentee.id)));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('breaks score ties by input order and reports the score beside the optimum', () => {
    const instance = {
      mentees: [{ id: 'a' }, { id: 'b' }],
      mentors: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      pairs: [
        { mentee: 'a', mentor: 'y', score: 5 },
        { mentee: 'a', mentor: 'x', score: 5 },
        { mentee: 'b', mentor: 'x', score: 6 },
      ],
    };
    expect(derivePreferences(instance).mentees[0].prefs).toEqual(['x', 'y']);
    const comparison = compareStableWithOptimal(instance);
    expect(comparison.blockingPairs).toBe(0);
    expect(comparison.stable.score).toBeLessThanOrEqual(comparison.optimal.score);
    expect(comparison.optimal).toEqual({ matched: 2, score: 11 });
  });

  it('never beats the optimal assignment on matched count or score', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        (seed, nMentees, nMentors) => {
          let s = seed;
          const random = (): number => {
            s = (s * 48271) % 2147483647;
            return s / 2147483647;
          };
          const mentees = Array.from({ length: nMentees }, (_, i) => ({ id: `e${i}` }));
          const mentors = Array.from({ length: nMentors }, (_, j) => ({
            id: `r${j}`,
            capacity: Math.floor(random() * 3),
          }));
          const pairs = mentees.flatMap((e) =>
            mentors
              .filter(() => random() < 0.6)
              .map((r) => ({ mentee: e.id, mentor: r.id, score: Math.floor(random() * 10) })),
          );
          const comparison = compareStableWithOptimal({ mentees, mentors, pairs });
          expect(comparison.blockingPairs).toBe(0);
          expect(comparison.stable.matched).toBeLessThanOrEqual(comparison.optimal.matched);
          if (comparison.stable.matched === comparison.optimal.matched) {
            expect(comparison.stable.score).toBeLessThanOrEqual(comparison.optimal.score);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
