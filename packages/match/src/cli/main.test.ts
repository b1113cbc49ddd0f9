import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyAssignment } from '../assignment/verify-assignment.js';
import type { AssignmentInstance, AssignmentResult } from '../assignment/types.js';
import { runCli } from './main.js';

const assignInput: AssignmentInstance = {
  mentees: [{ id: 'ann' }, { id: 'bob' }],
  mentors: [
    { id: 'max', capacity: 1 },
    { id: 'eva', capacity: 2 },
  ],
  pairs: [
    { mentee: 'ann', mentor: 'max', score: 9 },
    { mentee: 'bob', mentor: 'max', score: 8 },
    { mentee: 'ann', mentor: 'eva', score: 1 },
  ],
};

const stableInput = {
  mentees: [
    { id: 'ann', prefs: ['max', 'eva'] },
    { id: 'bob', prefs: ['max'] },
  ],
  mentors: [
    { id: 'max', capacity: 1, prefs: ['bob', 'ann'] },
    { id: 'eva', capacity: 1, prefs: ['ann'] },
  ],
};

function withAssign(patch: (input: Record<string, unknown>) => void): string {
  const input = structuredClone(assignInput) as unknown as Record<string, unknown>;
  patch(input);
  return JSON.stringify(input);
}

describe('klik-match CLI', () => {
  it('assign prints the optimal pairs with duals that verify', () => {
    const out = runCli(['assign'], JSON.stringify(assignInput));
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const result = JSON.parse(out.stdout) as AssignmentResult;
    expect(Object.keys(result)).toEqual(['pairs', 'matched', 'score', 'optimal', 'duals']);
    expect(result).toMatchObject({ matched: 2, score: 9, optimal: true });
    const full = { ...result, unmatched: [], groups: { undersized: [], closed: [] } };
    expect(verifyAssignment(assignInput, full).optimal).toBe(true);
  });

  it('stable prints the pairs', () => {
    const out = runCli(['stable'], JSON.stringify(stableInput));
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      pairs: [
        { mentee: 'ann', mentor: 'eva' },
        { mentee: 'bob', mentor: 'max' },
      ],
    });
  });

  const bad: [string, string, string, RegExp][] = [
    ['malformed JSON', 'assign', '{"mentees": [', /malformed JSON/],
    [
      'unknown id',
      'assign',
      withAssign((i) =>
        (i.pairs as { mentee: string }[]).push({ mentee: 'zoe', mentor: 'max', score: 1 } as never),
      ),
      /unknown mentee id "zoe"/,
    ],
    [
      'duplicate id',
      'assign',
      withAssign((i) => (i.mentees as unknown[]).push({ id: 'ann' })),
      /duplicate mentee id "ann"/,
    ],
    [
      'negative capacity',
      'assign',
      withAssign((i) => ((i.mentors as { capacity: number }[])[0].capacity = -1)),
      /capacity must not be negative/,
    ],
    [
      'non-integer score',
      'assign',
      withAssign((i) => ((i.pairs as { score: number }[])[0].score = 2.5)),
      /score must be an integer/,
    ],
    [
      'negative score',
      'assign',
      withAssign((i) => ((i.pairs as { score: number }[])[0].score = -1)),
      /score must be ≥ 0/,
    ],
    [
      'missing field',
      'assign',
      withAssign((i) => delete (i.pairs as Record<string, unknown>[])[0].score),
      /pairs\[0\]: missing field "score"/,
    ],
    ['missing array', 'assign', withAssign((i) => delete i.mentors), /missing field "mentors"/],
    [
      'string capacity',
      'assign',
      withAssign((i) => ((i.mentors as Record<string, unknown>[])[0].capacity = '2')),
      /capacity must be a number/,
    ],
    [
      'stable unknown id',
      'stable',
      JSON.stringify({ ...stableInput, mentors: [{ id: 'max', capacity: 1, prefs: ['nobody'] }] }),
      /unknown mentee id "nobody"/,
    ],
    [
      'stable missing prefs',
      'stable',
      JSON.stringify({ mentees: [{ id: 'a' }], mentors: [] }),
      /missing field "prefs"/,
    ],
    ['not an object', 'stable', '[1, 2]', /must be a JSON object/],
  ];
  it.each(bad)('rejects %s without printing a result', (_name, command, stdin, message) => {
    const out = runCli([command], stdin);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });

  it('reports usage errors with code 2', () => {
    expect(runCli([], '').code).toBe(2);
    expect(runCli(['frobnicate'], '{}')).toMatchObject({ code: 2, stdout: '' });
    expect(runCli(['assign', '--candidates=0'], '{}').code).toBe(2);
  });

  it('dispatches suggest to the scoring half', () => {
    const out = runCli(['suggest'], '{not json');
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
  });

  it('runs as a real process: stdin in, JSON out, non-zero exit on bad input', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const run = (stdin: string) =>
      spawnSync(
        process.execPath,
        ['--conditions=klik-source', '--import', 'tsx', 'src/cli/main.ts', 'assign'],
        {
          cwd: root,
          input: stdin,
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
    const ok = run(JSON.stringify(assignInput));
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ matched: 2, score: 9, optimal: true });
    const bad = run('{"mentees":[{"id":"a"}],"mentors":[{"id":"x","capacity":-3}],"pairs":[]}');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/capacity must not be negative, got -3/);
  }, 30_000);
});
