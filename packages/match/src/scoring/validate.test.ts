import { describe, expect, it } from 'vitest';
import { evaluatePair } from './candidates.js';
import { buildMatchIndex, buildMatchIndexFromJson } from './match-index.js';
import { findSuggestions, findSuggestionsByFullScan } from './suggest.js';
import { buildParticipant as person } from './test-factories.js';
import { DEFAULT_RULES, MatchInputError, normalizePool } from './validate.js';

describe('normalizePool', () => {
  it('fills defaults', () => {
    const pool = normalizePool({
      participants: [{ id: 'a', name: 'A', languages: ['nl'], offers: [], wants: [] }],
    });
    expect(pool.rules).toEqual({ ...DEFAULT_RULES, weights: { ...DEFAULT_RULES.weights } });
    expect(pool.participants[0]).toMatchObject({
      meetingMode: 'either',
      capacity: 1,
      activeMentees: 0,
      eligibleAs: ['mentee', 'mentor'],
      interests: [],
      availability: [],
    });
  });

  it('keeps the highest level of a duplicated skill and drops duplicate ids in lists', () => {
    const pool = normalizePool({
      participants: [
        {
          id: 'a',
          name: 'A',
          languages: ['nl', 'nl'],
          offers: [
            { skill: 'x', level: 2 },
            { skill: 'x', level: 4 },
          ],
          wants: [],
          interests: ['i', 'i'],
        },
      ],
    });
    expect(pool.participants[0].offers).toEqual([{ skill: 'x', level: 4 }]);
    expect(pool.participants[0].languages).toEqual(['nl']);
    expect(pool.participants[0].interests).toEqual(['i']);
  });

  it('names every problem with its path', () => {
    let error: unknown;
    try {
      normalizePool({
        participants: [
          {
            id: '',
            name: 'A',
            languages: 'nl',
            offers: [{ skill: 'x', level: 0 }],
            wants: [],
            availability: [200, [5, 3]],
          },
          {
            id: 'b',
            name: 'B',
            languages: [],
            meetingMode: 'phone',
            eligibleAs: ['boss'],
            capacity: 1.5,
          },
        ],
        rules: {
          weights: { learning: 2000, charm: 3 },
          reportingLineLevels: -1,
          competingOrganisations: [['a']],
        },
        labels: { x: { nl: 'x' } },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MatchInputError);
    expect((error as MatchInputError).problems).toEqual(
      expect.arrayContaining([
        'participants[0].id: must be a non-empty string',
        'participants[0].languages: must be an array of strings',
        'participants[0].offers[0].level: must be an integer from 1 to 5',
        'participants[0].availability[0]: must be an hour 0–167 or a range [from, to) within 0–168',
        'participants[0].availability[1]: must be an hour 0–167 or a range [from, to) within 0–168',
        'participants[1].meetingMode: must be one of online, in_person, either',
        'participants[1].eligibleAs: may only contain "mentee" and "mentor"',
        'participants[1].capacity: must be an integer from 0 to 1000',
        'rules.weights.learning: must be an integer from 0 to 1000',
        'rules.weights.charm: is not a known score part',
        'rules.reportingLineLevels: must be an integer from 0 to 100',
        'rules.competingOrganisations[0]: must be a pair of organisation ids',
        'labels.x: must be {nl: string, en: string, kind?}',
      ]),
    );
  });

  it('rejects a non-object pool', () => {
    expect(() => buildMatchIndexFromJson('pool')).toThrow(MatchInputError);
  });
});

describe('many languages (beyond the 31-language bitmask)', () => {
  const languages = Array.from({ length: 40 }, (_, i) => `lang-${i}`);
  const participants = [
    person({ id: 'all', languages, wants: [{ skill: 's', level: 2 }], eligibleAs: ['mentee'] }),
    person({
      id: 'late',
      languages: ['lang-37'],
      offers: [{ skill: 's', level: 3 }],
      eligibleAs: ['mentor'],
    }),
    person({
      id: 'late2',
      languages: ['lang-39', 'lang-38'],
      offers: [{ skill: 's', level: 3 }],
      eligibleAs: ['mentee', 'mentor'],
    }),
    person({
      id: 'none',
      languages: ['xx'],
      offers: [{ skill: 's', level: 5 }],
      eligibleAs: ['mentor'],
    }),
  ];
  const index = buildMatchIndex({ participants });

  it('still finds a shared language', () => {
    const e = evaluatePair(index, 'all', 'late');
    expect(e.allowed).toBe(true);
    if (e.allowed) expect(e.parts.language).toBe(5000);
    const x = evaluatePair(index, 'all', 'none');
    expect(x.allowed).toBe(false);
  });

  it('suggests exactly like the full scan', () => {
    const request = { for: 'all', role: 'mentee' as const, diversity: false as const };
    const got = findSuggestions(index, request);
    expect(got.suggestions.map((s) => s.id).sort()).toEqual(['late', 'late2']);
    expect(got.suggestions).toEqual(findSuggestionsByFullScan(index, request).suggestions);
  });
});
