import { describe, expect, it } from 'vitest';
import { evaluatePair } from './candidates.js';
import { buildMatchIndex, levelGapFit } from './match-index.js';
import { buildParticipant as person, buildPool } from './test-factories.js';
import type { Participant, ProgrammeRulesInput, ScorePartCode } from './types.js';
import { DEFAULT_WEIGHTS } from './validate.js';

/** Parts of an allowed pair (fails the test when the pair is excluded). */
function partsOf(
  mentee: Participant,
  mentor: Participant,
  rules: ProgrammeRulesInput = {},
  others: Participant[] = [],
): Record<ScorePartCode, number> & { total: number } {
  const index = buildMatchIndex(buildPool([mentee, mentor, ...others], rules));
  const e = evaluatePair(index, mentee.id, mentor.id);
  if (!e.allowed) throw new Error(`pair excluded: ${e.exclusion.code}`);
  return { ...e.parts, total: e.score };
}

describe('learning fit (mentee wants ← mentor offers)', () => {
  const wants = [{ skill: 'public-speaking', level: 3 }];
  it.each([
    [5, 1000],
    [4, 1000],
    [3, 700],
    [2, 250],
    [1, 0],
  ])('mentor at level %i for a wanted level 3 gives strength %i', (level, strength) => {
    const p = partsOf(person({ wants }), person({ offers: [{ skill: 'public-speaking', level }] }));
    expect(p.learning).toBe(DEFAULT_WEIGHTS.learning * strength);
  });

  it('level-gap table: above counts fully, equal mostly, below little or nothing', () => {
    expect([2, 1, 0, -1, -2, -4].map(levelGapFit)).toEqual([1000, 1000, 700, 250, 0, 0]);
  });

  it('covering three wanted skills is full; one of four covers a third', () => {
    const wants4 = ['a', 'b', 'c', 'd'].map((skill) => ({ skill, level: 2 }));
    const one = partsOf(person({ wants: wants4 }), person({ offers: [{ skill: 'a', level: 5 }] }));
    expect(one.learning).toBe(DEFAULT_WEIGHTS.learning * 333);
    const three = partsOf(
      person({ wants: wants4 }),
      person({ offers: ['a', 'b', 'c'].map((skill) => ({ skill, level: 5 })) }),
    );
    expect(three.learning).toBe(DEFAULT_WEIGHTS.learning * 1000);
  });

  it('does not count what the mentor wants as learning for the mentee', () => {
    const p = partsOf(person({ wants }), person({ wants }));
    expect(p.learning).toBe(0);
  });
});

describe('reverse learning (mentor wants ← mentee offers)', () => {
  it('counts what the junior can teach the senior', () => {
    const mentee = person({ offers: [{ skill: 'social-media', level: 4 }] });
    const mentor = person({ wants: [{ skill: 'social-media', level: 2 }] });
    const p = partsOf(mentee, mentor);
    expect(p.reverse_learning).toBe(DEFAULT_WEIGHTS.reverseLearning * 1000);
    expect(p.learning).toBe(0);
  });

  it('is the learning fit of the swapped pair, under its own weight', () => {
    const a = person({ offers: [{ skill: 'x', level: 3 }], wants: [{ skill: 'y', level: 2 }] });
    const b = person({ offers: [{ skill: 'y', level: 2 }], wants: [{ skill: 'x', level: 4 }] });
    const ab = partsOf(a, b);
    const ba = partsOf(b, a);
    expect(ab.learning / DEFAULT_WEIGHTS.learning).toBe(
      ba.reverse_learning / DEFAULT_WEIGHTS.reverseLearning,
    );
    expect(ab.reverse_learning / DEFAULT_WEIGHTS.reverseLearning).toBe(
      ba.learning / DEFAULT_WEIGHTS.learning,
    );
  });
});

describe('common ground (IDF over the pool)', () => {
  it('weighs an item shared by 2 of 4 people at round(1000·ln 3 / ln 5) = 683 → strength 455', () => {
    const a = person({ interests: ['sailing', 'chess'] });
    const b = person({ interests: ['sailing'] });
    const c = person({ interests: ['chess'] });
    const d = person({ interests: [] });
    expect(partsOf(a, b, {}, [c, d]).common_ground).toBe(DEFAULT_WEIGHTS.commonGround * 455);
  });

  it('makes rarer shared items weigh more', () => {
    const everyone = ['jazz'];
    const a = person({ interests: [...everyone, 'sailing'] });
    const b = person({ interests: [...everyone, 'sailing'] });
    const c = person({ interests: everyone });
    const d = person({ interests: everyone });
    const rare = partsOf(a, b, {}, [c, d]).common_ground;
    const common = partsOf(c, d, {}, [a, b]).common_ground;
    expect(rare).toBeGreaterThan(common);
    expect(common).toBe(DEFAULT_WEIGHTS.commonGround * 287); // jazz held by 4 of 4: 431 → 287
  });

  it('is symmetric', () => {
    const a = person({ interests: ['sailing', 'chess', 'jazz'] });
    const b = person({ interests: ['chess', 'jazz'] });
    expect(partsOf(a, b).common_ground).toBe(partsOf(b, a).common_ground);
  });

  it('saturates at 1000', () => {
    const many = Array.from({ length: 10 }, (_, i) => `rare-${i}`);
    const p = partsOf(person({ interests: many }), person({ interests: many }), {}, [
      person(),
      person(),
      person(),
    ]);
    expect(p.common_ground).toBe(DEFAULT_WEIGHTS.commonGround * 1000);
  });
});

describe('practical parts', () => {
  it('shared language scores its weight', () => {
    expect(
      partsOf(person({ languages: ['nl', 'en'] }), person({ languages: ['en'] })).language,
    ).toBe(DEFAULT_WEIGHTS.language * 1000);
  });

  it('no shared language scores 0 when not required', () => {
    const p = partsOf(person({ languages: ['nl'] }), person({ languages: ['de'] }), {
      requireSharedLanguage: false,
    });
    expect(p.language).toBe(0);
  });

  it.each([
    [60, 60, 1000],
    [60, 180, 750],
    [-600, 780, 875], // 23 hours apart one way is 1 hour the other way round
    [-300, 300, 0],
  ])('time zones %i and %i minutes give strength %i', (a, b, strength) => {
    const p = partsOf(person({ utcOffsetMinutes: a }), person({ utcOffsetMinutes: b }));
    expect(p.time_zone).toBe(DEFAULT_WEIGHTS.timeZone * strength);
  });

  it('unknown time zone scores 0', () => {
    expect(partsOf(person({ utcOffsetMinutes: 60 }), person()).time_zone).toBe(0);
  });

  it('weekly availability: 2 shared hours is half, 4 or more is full', () => {
    const two = partsOf(person({ availability: [[10, 14]] }), person({ availability: [[12, 20]] }));
    expect(two.availability).toBe(DEFAULT_WEIGHTS.availability * 500);
    const four = partsOf(
      person({ availability: [[10, 20]] }),
      person({ availability: [[12, 16], 30] }),
    );
    expect(four.availability).toBe(DEFAULT_WEIGHTS.availability * 1000);
    const single = partsOf(person({ availability: [5, 6, 7] }), person({ availability: [7, 100] }));
    expect(single.availability).toBe(DEFAULT_WEIGHTS.availability * 250);
    expect(partsOf(person({ availability: [1] }), person()).availability).toBe(0);
  });

  it('meeting: in person at the same place 1000, online 800, incompatible 0', () => {
    const w = DEFAULT_WEIGHTS.meeting;
    const utrecht = partsOf(
      person({ meetingMode: 'in_person', place: 'Utrecht' }),
      person({ meetingMode: 'either', place: ' utrecht ' }),
    );
    expect(utrecht.meeting).toBe(w * 1000);
    expect(
      partsOf(person({ meetingMode: 'online' }), person({ meetingMode: 'either' })).meeting,
    ).toBe(w * 800);
    expect(
      partsOf(
        person({ meetingMode: 'either', place: 'Utrecht' }),
        person({ meetingMode: 'either', place: 'Delft' }),
      ).meeting,
    ).toBe(w * 800);
    expect(
      partsOf(person({ meetingMode: 'in_person' }), person({ meetingMode: 'online' })).meeting,
    ).toBe(0);
    expect(
      partsOf(
        person({ meetingMode: 'in_person', place: 'A' }),
        person({ meetingMode: 'in_person', place: 'B' }),
      ).meeting,
    ).toBe(0);
  });
});

describe('stated preferences', () => {
  it('counts 500 per side that asks for the other', () => {
    const mentor = person();
    const mentee = person({ preferences: { prefer: [mentor.id] } });
    expect(partsOf(mentee, mentor).preference).toBe(DEFAULT_WEIGHTS.preference * 500);
    const both = person({ preferences: { prefer: [mentee.id] }, id: 'both-mentor' });
    const mentee2 = person({ preferences: { prefer: ['both-mentor'] }, id: mentee.id });
    expect(partsOf(mentee2, both).preference).toBe(DEFAULT_WEIGHTS.preference * 1000);
  });
});

describe('weights and totals', () => {
  it('the score is the sum of the parts and follows the programme weights', () => {
    const mentee = person({
      wants: [{ skill: 's', level: 2 }],
      interests: ['sailing'],
      utcOffsetMinutes: 0,
    });
    const mentor = person({
      offers: [{ skill: 's', level: 4 }],
      interests: ['sailing'],
      utcOffsetMinutes: 0,
    });
    const p = partsOf(mentee, mentor, { weights: { learning: 7, commonGround: 0 } });
    expect(p.learning).toBe(7000);
    expect(p.common_ground).toBe(0);
    const sum = (Object.keys(p) as (keyof typeof p)[])
      .filter((k) => k !== 'total')
      .reduce((acc, k) => acc + p[k], 0);
    expect(p.total).toBe(sum);
    expect(Number.isInteger(p.total)).toBe(true);
  });
});
