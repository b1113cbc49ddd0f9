import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProgramme } from '../../bench/generate.js';
import { assign } from './assign.js';
import { InvalidInstanceError } from './errors.js';
import type { AssignmentInstance } from './types.js';
import { verifyAssignment } from './verify-assignment.js';

function buildInstance(overrides: Partial<AssignmentInstance> = {}): AssignmentInstance {
  return {
    mentees: [{ id: 'ann' }, { id: 'bob' }],
    mentors: [
      { id: 'max', capacity: 1 },
      { id: 'eva', capacity: 1 },
    ],
    pairs: [
      { mentee: 'ann', mentor: 'max', score: 9 },
      { mentee: 'bob', mentor: 'max', score: 8 },
      { mentee: 'ann', mentor: 'eva', score: 1 },
    ],
    ...overrides,
  };
}

/** Best (matched, score) over every feasible assignment, by enumeration. */
function bruteForce(instance: AssignmentInstance): { matched: number; score: number } {
  const forbidden = new Set((instance.forbids ?? []).map((f) => `${f.mentee}|${f.mentor}`));
  const pins = new Map((instance.pins ?? []).map((p) => [p.mentee, p.mentor]));
  const options = instance.mentees.map((m) =>
    instance.pairs.filter(
      (p) =>
        p.mentee === m.id &&
        !forbidden.has(`${p.mentee}|${p.mentor}`) &&
        (!pins.has(m.id) || pins.get(m.id) === p.mentor),
    ),
  );
  const load = new Map(instance.mentors.map((m) => [m.id, 0]));
  const cap = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  let best = { matched: -1, score: -1 };
  const go = (i: number, matched: number, score: number): void => {
    if (i === instance.mentees.length) {
      if (matched > best.matched || (matched === best.matched && score > best.score))
        best = { matched, score };
      return;
    }
    if (!pins.has(instance.mentees[i].id)) go(i + 1, matched, score);
    for (const p of options[i]) {
      const l = load.get(p.mentor) ?? 0;
      if (l >= (cap.get(p.mentor) ?? 0)) continue;
      load.set(p.mentor, l + 1);
      go(i + 1, matched + 1, score + p.score);
      load.set(p.mentor, l);
    }
  };
  go(0, 0, 0);
  return best;
}

const arbitraryInstance = fc
  .record({
    nMentees: fc.integer({ min: 0, max: 6 }),
    caps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 4 }),
    density: fc.double({ min: 0.1, max: 1, noNaN: true }),
    maxScore: fc.integer({ min: 0, max: 12 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .map(({ nMentees, caps, density, maxScore, seed }): AssignmentInstance => {
    let s = seed;
    const random = (): number => {
      s = (s * 48271) % 2147483647;
      return s / 2147483647;
    };
    const mentees = Array.from({ length: nMentees }, (_, i) => ({ id: `e${i}` }));
    const mentors = caps.map((capacity, j) => ({ id: `r${j}`, capacity }));
    const pairs = [];
    for (const e of mentees) {
      for (const r of mentors) {
        if (random() < density)
          pairs.push({ mentee: e.id, mentor: r.id, score: Math.floor(random() * (maxScore + 1)) });
      }
    }
    const forbids = pairs
      .filter(() => random() < 0.1)
      .map(({ mentee, mentor }) => ({ mentee, mentor }));
    return { mentees, mentors, pairs, forbids };
  });

describe('assign', () => {
  it('prefers more matched mentees over a higher score', () => {
    const result = assign(buildInstance());
    expect(result.pairs).toEqual([
      { mentee: 'ann', mentor: 'eva', score: 1 },
      { mentee: 'bob', mentor: 'max', score: 8 },
    ]);
    expect(result).toMatchObject({ matched: 2, score: 9, optimal: true, unmatched: [] });
    expect(verifyAssignment(buildInstance(), result)).toMatchObject({
      feasible: true,
      optimal: true,
      issues: [],
    });
  });

  it('maximises the score among maximum matchings with capacities', () => {
    const instance = buildInstance({
      mentees: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      mentors: [{ id: 'x', capacity: 2 }],
      pairs: [
        { mentee: 'a', mentor: 'x', score: 1 },
        { mentee: 'b', mentor: 'x', score: 5 },
        { mentee: 'c', mentor: 'x', score: 3 },
      ],
    });
    const result = assign(instance);
    expect(result.pairs.map((p) => p.mentee)).toEqual(['b', 'c']);
    expect(result.unmatched).toEqual(['a']);
    expect(verifyAssignment(instance, result).optimal).toBe(true);
  });

  it('keeps pins and avoids forbids', () => {
    const instance = buildInstance({
      pins: [{ mentee: 'ann', mentor: 'max' }],
      forbids: [{ mentee: 'ann', mentor: 'eva' }],
    });
    const result = assign(instance);
    expect(result.pairs).toEqual([{ mentee: 'ann', mentor: 'max', score: 9 }]);
    expect(result.unmatched).toEqual(['bob']);
    expect(verifyAssignment(instance, result).optimal).toBe(true);
  });

  it('rejects bad input with a message naming the problem', () => {
    expect(() => assign(buildInstance({ mentees: [{ id: 'ann' }, { id: 'ann' }] }))).toThrow(
      /duplicate mentee id "ann"/,
    );
    expect(() => assign(buildInstance({ mentors: [{ id: 'max', capacity: -1 }] }))).toThrow(
      /capacity must not be negative/,
    );
    expect(() =>
      assign(buildInstance({ pairs: [{ mentee: 'zoe', mentor: 'max', score: 1 }] })),
    ).toThrow(/unknown mentee id "zoe"/);
    expect(() =>
      assign(buildInstance({ pairs: [{ mentee: 'ann', mentor: 'max', score: 1.5 }] })),
    ).toThrow(/score must be an integer/);
    expect(() =>
      assign(buildInstance({ pairs: [{ mentee: 'ann', mentor: 'max', score: -2 }] })),
    ).toThrow(/score must be ≥ 0/);
    expect(() =>
      assign(
        buildInstance({
          pairs: [
            { mentee: 'ann', mentor: 'max', score: 1 },
            { mentee: 'ann', mentor: 'max', score: 2 },
          ],
        }),
      ),
    ).toThrow(/duplicate pair/);
    expect(() => assign(buildInstance({ pins: [{ mentee: 'bob', mentor: 'eva' }] }))).toThrow(
      /not a listed pair/,
    );
    expect(() =>
      assign(
        buildInstance({
          pins: [
            { mentee: 'ann', mentor: 'max' },
            { mentee: 'bob', mentor: 'max' },
          ],
        }),
      ),
    ).toThrow(/more pins than capacity/);
    expect(() => assign(buildInstance({ mentees: [{ id: 'ann' }, { id: 'ann' }] }))).toThrow(
      InvalidInstanceError,
    );
  });

  it('reports undersized groups, or closes them on request', () => {
    const instance: AssignmentInstance = {
      mentees: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      mentors: [
        { id: 'g', capacity: 8, group: true, minGroupSize: 3 },
        { id: 'h', capacity: 8, group: true, minGroupSize: 3 },
      ],
      pairs: [
        { mentee: 'a', mentor: 'g', score: 5 },
        { mentee: 'b', mentor: 'g', score: 5 },
        { mentee: 'c', mentor: 'h', score: 5 },
        { mentee: 'c', mentor: 'g', score: 1 },
      ],
    };
    const reported = assign(instance);
    expect(reported.groups.undersized).toEqual([
      { mentor: 'g', size: 2, minimum: 3 },
      { mentor: 'h', size: 1, minimum: 3 },
    ]);
    const closed = assign(instance, { groupMinimum: 'close-undersized' });
    expect(closed.groups).toEqual({ undersized: [], closed: ['h'] });
    expect(closed.pairs.map((p) => p.mentor)).toEqual(['g', 'g', 'g']);
    expect(verifyAssignment(instance, closed).optimal).toBe(true);
  });

  it('detects a tampered result', () => {
    const instance = buildInstance();
    const result = assign(instance);
    const worse = {
      ...result,
      pairs: [{ mentee: 'ann', mentor: 'max', score: 9 }],
      matched: 1,
      score: 9,
    };
    const report = verifyAssignment(instance, worse);
    expect(report.feasible).toBe(true);
    expect(report.optimal).toBe(false);
    expect(report.issues.map((i) => i.code)).toContain('duality-gap');
    const over = {
      ...result,
      pairs: [...result.pairs, { mentee: 'ann', mentor: 'max', score: 9 }],
    };
    expect(verifyAssignment(instance, over).feasible).toBe(false);
  });

  it('equals brute force on random small instances and its certificate verifies', () => {
    fc.assert(
      fc.property(arbitraryInstance, (instance) => {
        const expected = bruteForce(instance);
        const result = assign(instance);
        expect({ matched: result.matched, score: result.score }).toEqual(expected);
        const report = verifyAssignment(instance, result);
        expect(report.issues).toEqual([]);
        expect(report.optimal).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('gives the same optimum from a small candidate set plus pricing', () => {
    fc.assert(
      fc.property(arbitraryInstance, fc.integer({ min: 1, max: 2 }), (instance, k) => {
        const full = assign(instance, { candidates: 'all' });
        const priced = assign(instance, { candidates: k });
        expect({ matched: priced.matched, score: priced.score }).toEqual({
          matched: full.matched,
          score: full.score,
        });
        expect(verifyAssignment(instance, priced).optimal).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('respects pins on random instances', () => {
    fc.assert(
      fc.property(arbitraryInstance, fc.integer({ min: 0, max: 1000 }), (base, pick) => {
        const forbidden = new Set((base.forbids ?? []).map((f) => `${f.mentee}|${f.mentor}`));
        const allowed = base.pairs.filter((p) => !forbidden.has(`${p.mentee}|${p.mentor}`));
        const cap = new Map(base.mentors.map((m) => [m.id, m.capacity]));
        const pin = allowed.length > 0 ? allowed[pick % allowed.length] : undefined;
        if (pin === undefined || (cap.get(pin.mentor) ?? 0) === 0) return;
        const instance = { ...base, pins: [{ mentee: pin.mentee, mentor: pin.mentor }] };
        const result = assign(instance);
        expect({ matched: result.matched, score: result.score }).toEqual(bruteForce(instance));
        expect(result.pairs).toContainEqual(pin);
        expect(verifyAssignment(instance, result).optimal).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('warm-started pricing re-solves reach the full optimum on skewed medium instances', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const instance = generateProgramme({
        mentees: 300,
        mentors: 60,
        candidatesPerMentee: 15,
        minCapacity: 0,
        maxCapacity: 5,
        skew: (seed % 4) * 0.5,
        seed,
      });
      const full = assign(instance, { candidates: 'all' });
      for (const k of [1, 2, 4]) {
        const priced = assign(instance, { candidates: k });
        expect(priced.stats.solves).toBeGreaterThanOrEqual(1);
        expect({ matched: priced.matched, score: priced.score }).toEqual({
          matched: full.matched,
          score: full.score,
        });
        expect(verifyAssignment(instance, priced).issues).toEqual([]);
      }
    }
  });
});
