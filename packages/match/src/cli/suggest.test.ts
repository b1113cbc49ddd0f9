import { describe, expect, it } from 'vitest';
import { buildParticipant as person } from '../scoring/test-factories.js';
import type { MatchPool } from '../scoring/types.js';
import { CliInputError } from './errors.js';
import { runCli } from './main.js';
import { runSuggest } from './suggest.js';
import type { SuggestCliOutput } from './suggest.js';

const pool: MatchPool = {
  participants: [
    person({
      id: 'anna',
      name: 'Anna',
      wants: [{ skill: 'public-speaking', level: 3 }],
      offers: [{ skill: 'social-media', level: 4 }],
      interests: ['sailing'],
      eligibleAs: ['mentee'],
      managerId: 'carla',
    }),
    person({
      id: 'bram',
      name: 'Bram',
      offers: [{ skill: 'public-speaking', level: 5 }],
      wants: [{ skill: 'social-media', level: 2 }],
      interests: ['sailing'],
      eligibleAs: ['mentor'],
      capacity: 2,
    }),
    person({
      id: 'carla',
      name: 'Carla',
      offers: [{ skill: 'public-speaking', level: 5 }],
      eligibleAs: ['mentor'],
    }),
    person({ id: 'dirk', name: 'Dirk', interests: ['chess'], eligibleAs: ['mentee'] }),
  ],
  labels: {
    sailing: { nl: 'zeilen', en: 'sailing' },
    'public-speaking': { nl: 'presenteren', en: 'public speaking' },
    'social-media': { nl: 'social media', en: 'social media' },
  },
};

function expectCliError(input: unknown, message: RegExp): void {
  let caught: unknown;
  try {
    runSuggest(input);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CliInputError);
  expect((caught as Error).message).toMatch(message);
}

describe('klik-match suggest', () => {
  it('returns suggestions with reasons, and plain sentences in the requested language', () => {
    const out = runSuggest({
      ...pool,
      request: { for: 'anna', role: 'mentee', k: 3, locale: 'nl', diversity: false },
    }) as SuggestCliOutput;
    expect(out.suggestions.map((s) => s.id)).toEqual(['bram']); // carla is Anna's manager
    expect(out.suggestions[0].sentences).toEqual([
      'Bram kan je helpen met presenteren',
      'Jij kunt Bram helpen met social media',
      'Jullie houden allebei van zeilen',
      'Jullie kunnen allebei online afspreken',
    ]);
    expect(out.managerOnly).toBeUndefined();
  });

  it('builds an assignment instance that klik-match assign solves', () => {
    const instance = runSuggest({ ...pool, candidatePairs: { k: 5 } });
    expect(instance).toMatchObject({
      mentees: [{ id: 'anna' }, { id: 'dirk' }],
      mentors: [
        { id: 'bram', capacity: 2 },
        { id: 'carla', capacity: 1 },
      ],
    });
    const solved = runCli(['assign'], JSON.stringify(instance));
    expect(solved.code).toBe(0);
    const result = JSON.parse(solved.stdout) as {
      pairs: { mentee: string; mentor: string }[];
      optimal: boolean;
    };
    expect(result.optimal).toBe(true);
    expect(result.pairs).toContainEqual(
      expect.objectContaining({ mentee: 'anna', mentor: 'bram' }),
    );
    expect(result.pairs).not.toContainEqual(
      expect.objectContaining({ mentee: 'anna', mentor: 'carla' }),
    );
  });

  it('evaluates one pair for a manager, naming the rule that excludes it', () => {
    const out = runSuggest({ ...pool, evaluate: { mentee: 'anna', mentor: 'carla' } });
    expect(out).toMatchObject({
      allowed: false,
      exclusion: {
        code: 'reporting_line',
        sentence: { en: expect.stringContaining('reporting line') },
      },
    });
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [1, 2], /input must be a JSON object/],
    ['no mode', { ...pool }, /exactly one of "request", "candidatePairs" or "evaluate"/],
    [
      'unknown id',
      { ...pool, request: { for: 'zoe', role: 'mentee' } },
      /request.for: unknown participant "zoe"/,
    ],
    [
      'wrong role',
      { ...pool, request: { for: 'bram', role: 'mentee' } },
      /"bram" is not enrolled as mentee/,
    ],
    [
      'bad role',
      { ...pool, request: { for: 'anna', role: 'boss' } },
      /request.role must be one of/,
    ],
    [
      'bad k',
      { ...pool, request: { for: 'anna', role: 'mentee', k: 2.5 } },
      /request.k must be an integer/,
    ],
    [
      'bad filter',
      { ...pool, request: { for: 'anna', role: 'mentee', filters: { colour: 'red' } } },
      /request.filters.colour/,
    ],
    [
      'bad locale',
      { ...pool, request: { for: 'anna', role: 'mentee', locale: 'fr' } },
      /request.locale/,
    ],
    [
      'bad level',
      {
        participants: [{ ...pool.participants[0], offers: [{ skill: 'x', level: 9 }] }],
        request: { for: 'anna', role: 'mentee' },
      },
      /participants\[0\].offers\[0\].level: must be an integer from 1 to 5/,
    ],
    [
      'duplicate id',
      {
        participants: [pool.participants[0], pool.participants[0]],
        request: { for: 'anna', role: 'mentee' },
      },
      /participants\[1\].id: duplicate id "anna"/,
    ],
    [
      'missing languages',
      {
        participants: [{ id: 'x', name: 'X', offers: [], wants: [], interests: [] }],
        request: { for: 'x', role: 'mentee' },
      },
      /participants\[0\].languages: is required/,
    ],
    [
      'bad weight',
      { ...pool, rules: { weights: { learning: -1 } }, request: { for: 'anna', role: 'mentee' } },
      /rules.weights.learning/,
    ],
    [
      'bad capacity',
      { participants: [{ ...pool.participants[1], capacity: -1 }], candidatePairs: {} },
      /capacity: must be an integer/,
    ],
    ['bad evaluate', { ...pool, evaluate: { mentee: 'anna' } }, /evaluate must be an object/],
    [
      'unknown pair id',
      { ...pool, evaluate: { mentee: 'anna', mentor: 'zed' } },
      /mentor: unknown participant "zed"/,
    ],
  ])('bad input (%s) names the problem', (_, input, message) => {
    expectCliError(input, message);
  });

  it('through the CLI: exits non-zero with the problem on stderr and nothing on stdout', () => {
    const out = runCli(
      ['suggest'],
      JSON.stringify({ ...pool, request: { for: 'zoe', role: 'mentee' } }),
    );
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/unknown participant "zoe"/);
    const ok = runCli(
      ['suggest'],
      JSON.stringify({ ...pool, request: { for: 'dirk', role: 'mentee' } }),
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ for: 'dirk', role: 'mentee' });
  });
});
