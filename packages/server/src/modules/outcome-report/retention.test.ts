import { describe, expect, it } from 'vitest';
import { estimateRetention, wilson } from './retention.js';

/** Every expected number below was computed by hand (z = 1.959964). */
describe('retention estimate', () => {
  it('computes the Wilson interval', () => {
    // p = 0.8, n = 5: centre (0.8 + 0.384146) / 1.768292 = 0.669656,
    // half 1.959964 · √(0.032 + 0.0384146) / 1.768292 = 0.294120.
    const w = wilson(4, 5);
    expect(w.share).toBe(0.8);
    expect(w.low).toBeCloseTo(0.375536, 5);
    expect(w.high).toBeCloseTo(0.963776, 5);
    // All retained: the upper bound is 1, the lower n / (n + z²) = 10 / 13.841459.
    const all = wilson(10, 10);
    expect(all.high).toBeCloseTo(1, 10);
    expect(all.low).toBeCloseTo(0.722467, 5);
  });

  it('weighs each participant’s stratum as one and leaves unmatched participants out', () => {
    const estimate = estimateRetention([
      // stratum A: 2 participants (1 stayed); 4 comparable (3 stayed): c_A = 0.75
      { n: 2, retained: 1, comparable: 4, comparableRetained: 3 },
      // stratum B: 3 participants (all stayed); 2 comparable (1 stayed): c_B = 0.5
      { n: 3, retained: 3, comparable: 2, comparableRetained: 1 },
      // nobody comparable: unmatched
      { n: 1, retained: 0, comparable: 0, comparableRetained: 0 },
    ])!;
    expect(estimate.participants).toBe(5);
    expect(estimate.retained).toBe(4);
    expect(estimate.unmatched).toBe(1);
    // c = 0.4 · 0.75 + 0.6 · 0.5 = 0.6
    expect(estimate.comparisonShare.share).toBeCloseTo(0.6, 10);
    // var_c = 0.16 · 0.1875 / 4 + 0.36 · 0.25 / 2 = 0.0075 + 0.045 = 0.0525; half 0.449085
    expect(estimate.comparisonShare.low).toBeCloseTo(0.150915, 5);
    expect(estimate.comparisonShare.high).toBe(1); // 1.049085, clipped
    // d = 0.8 − 0.6 = 0.2; var = 0.032 + 0.0525 = 0.0845; half 0.569740
    expect(estimate.difference.value).toBeCloseTo(0.2, 10);
    expect(estimate.difference.low).toBeCloseTo(-0.36974, 5);
    expect(estimate.difference.high).toBeCloseTo(0.76974, 5);
    expect(estimate.participantShare.low).toBeCloseTo(0.375536, 5);
  });

  it('has no estimate when nobody has a comparable person', () => {
    expect(estimateRetention([{ n: 4, retained: 2, comparable: 0, comparableRetained: 0 }])).toBe(
      null,
    );
    expect(estimateRetention([])).toBe(null);
  });
});
