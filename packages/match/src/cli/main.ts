/**
 * `klik-match` command line: reads one JSON document on stdin, writes one JSON document on stdout.
 *
 *   klik-match assign  < instance.json   optimal capacitated assignment with duals
 *   klik-match stable  < instance.json   mentee-optimal stable matching
 *   klik-match suggest < pool.json       top-k suggestions (see the README)
 *
 * Bad input exits with code 1 and one line on stderr naming the problem; nothing is printed on
 * stdout in that case. Usage errors exit with code 2.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { assign } from '../assignment/assign.js';
import { InvalidInstanceError } from '../assignment/errors.js';
import { stable } from '../assignment/stable.js';
import type { StableInstance } from '../assignment/stable.js';
import type { AssignmentInstance, AssignOptions } from '../assignment/types.js';
import { verifyAssignment } from '../assignment/verify-assignment.js';
import { CliInputError } from './errors.js';
import { runSuggest } from './suggest.js';

/** What a CLI run produced: the exit code and the full text of stdout and stderr. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = `usage: klik-match <assign|stable|suggest> [--pretty] [--candidates=all|auto|K] [--group-minimum=report|close-undersized] < input.json
  assign   {"mentees":[{"id"}],"mentors":[{"id","capacity"}],"pairs":[{"mentee","mentor","score"}]}
  stable   {"mentees":[{"id","prefs":[mentor ids]}],"mentors":[{"id","capacity","prefs":[mentee ids]}]}
  suggest  pool JSON, see the README of @klik/match
`;

/**
 * Run the CLI in-process: `argv` without the node and script paths, `stdinText` the whole input.
 *
 * @example
 * ```ts
 * const { code, stdout } = runCli(['stable'], JSON.stringify(instance));
 * ```
 */
export function runCli(argv: readonly string[], stdinText: string): CliOutcome {
  const [command, ...flags] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    return {
      code: command === undefined ? 2 : 0,
      stdout: command === undefined ? '' : USAGE,
      stderr: command === undefined ? USAGE : '',
    };
  }
  let pretty = false;
  const options: AssignOptions = {};
  for (const flag of flags) {
    if (flag === '--pretty') pretty = true;
    else if (flag.startsWith('--candidates=')) {
      const value = flag.slice('--candidates='.length);
      if (value === 'all' || value === 'auto') options.candidates = value;
      else if (/^[1-9][0-9]*$/.test(value)) options.candidates = Number(value);
      else return usageError(`bad value for --candidates: ${value}`);
    } else if (flag.startsWith('--group-minimum=')) {
      const value = flag.slice('--group-minimum='.length);
      if (value === 'report' || value === 'close-undersized') options.groupMinimum = value;
      else return usageError(`bad value for --group-minimum: ${value}`);
    } else return usageError(`unknown option ${flag}`);
  }
  if (command !== 'assign' && command !== 'stable' && command !== 'suggest') {
    return usageError(`unknown command ${command}`);
  }
  try {
    const input = parseJson(stdinText);
    let output: unknown;
    if (command === 'assign') output = runAssign(input, options);
    else if (command === 'stable') output = runStable(input);
    else output = runSuggest(input);
    return {
      code: 0,
      stdout: `${JSON.stringify(output, null, pretty ? 2 : undefined)}\n`,
      stderr: '',
    };
  } catch (error) {
    if (error instanceof CliInputError || error instanceof InvalidInstanceError) {
      return { code: 1, stdout: '', stderr: `klik-match ${command}: ${error.message}\n` };
    }
    if (error instanceof RangeError) {
      return { code: 1, stdout: '', stderr: `klik-match ${command}: ${error.message}\n` };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { code: 70, stdout: '', stderr: `klik-match ${command}: internal error: ${message}\n` };
  }
}

function usageError(message: string): CliOutcome {
  return { code: 2, stdout: '', stderr: `klik-match: ${message}\n${USAGE}` };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    throw new CliInputError(`malformed JSON on stdin: ${detail}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shape checks the engine's own validation does not cover (it assumes typed input). */
function requireArrayOfObjects(
  root: Record<string, unknown>,
  key: string,
  fields: readonly string[],
  optional = false,
): void {
  const value = root[key];
  if (value === undefined && optional) return;
  if (!Array.isArray(value)) throw new CliInputError(`missing field "${key}" (an array)`);
  value.forEach((item: unknown, k) => {
    if (!isRecord(item)) throw new CliInputError(`${key}[${k}] must be an object`);
    for (const field of fields) {
      if (!(field in item)) throw new CliInputError(`${key}[${k}]: missing field "${field}"`);
      if (
        (field === 'id' || field === 'mentee' || field === 'mentor') &&
        typeof item[field] !== 'string'
      ) {
        throw new CliInputError(`${key}[${k}].${field} must be a string`);
      }
      if ((field === 'capacity' || field === 'score') && typeof item[field] !== 'number') {
        throw new CliInputError(`${key}[${k}].${field} must be a number`);
      }
      if (field === 'prefs') {
        const prefs = item[field];
        if (!Array.isArray(prefs) || prefs.some((p) => typeof p !== 'string')) {
          throw new CliInputError(`${key}[${k}].prefs must be an array of id strings`);
        }
      }
    }
  });
}

function runAssign(input: unknown, options: AssignOptions): unknown {
  if (!isRecord(input)) throw new CliInputError('input must be a JSON object');
  requireArrayOfObjects(input, 'mentees', ['id']);
  requireArrayOfObjects(input, 'mentors', ['id', 'capacity']);
  requireArrayOfObjects(input, 'pairs', ['mentee', 'mentor', 'score']);
  requireArrayOfObjects(input, 'pins', ['mentee', 'mentor'], true);
  requireArrayOfObjects(input, 'forbids', ['mentee', 'mentor'], true);
  const instance = input as unknown as AssignmentInstance;
  const result = assign(instance, options);
  // Never print a claim we cannot back: check the certificate before answering.
  const report = verifyAssignment(instance, result);
  if (!report.optimal)
    throw new Error(`certificate check failed: ${report.issues[0]?.message ?? 'unknown'}`);
  return {
    pairs: result.pairs,
    matched: result.matched,
    score: result.score,
    optimal: true,
    duals: result.duals,
  };
}

function runStable(input: unknown): unknown {
  if (!isRecord(input)) throw new CliInputError('input must be a JSON object');
  requireArrayOfObjects(input, 'mentees', ['id', 'prefs']);
  requireArrayOfObjects(input, 'mentors', ['id', 'capacity', 'prefs']);
  const result = stable(input as unknown as StableInstance);
  return { pairs: result.pairs };
}

/** Entry point used by `bin/klik-match.js`: stdin → {@link runCli} → stdout/stderr/exit code. */
export function runMain(): void {
  let text: string;
  try {
    text = readFileSync(0, 'utf8');
  } catch {
    text = '';
  }
  const outcome = runCli(process.argv.slice(2), text);
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) runMain();
