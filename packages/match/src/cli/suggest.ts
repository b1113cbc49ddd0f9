import { buildCandidatePairs, evaluatePair } from '../scoring/candidates.js';
import { buildMatchIndexFromJson } from '../scoring/match-index.js';
import { findSuggestions } from '../scoring/suggest.js';
import type { SuggestFilters, SuggestRequest, SuggestResult } from '../scoring/suggest.js';
import type { Locale, MeetingMode, Role, Viewer } from '../scoring/types.js';
import { MatchInputError } from '../scoring/validate.js';
import { CliInputError } from './errors.js';

/** `klik-match suggest` with `request`: the suggestions, plus plain sentences when `locale` is set. */
export type SuggestCliOutput = Omit<SuggestResult, 'suggestions'> & {
  suggestions: (SuggestResult['suggestions'][number] & { sentences?: string[] })[];
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function optionalString(o: Record<string, unknown>, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new CliInputError(`${path}.${key} must be a string`);
  return v;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !allowed.includes(v as T)) {
    throw new CliInputError(`${path} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
  return v as T;
}

function parseFilters(v: unknown): SuggestFilters | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v)) throw new CliInputError('request.filters must be an object');
  const known = ['language', 'place', 'meetingMode', 'skill', 'search'];
  for (const key of Object.keys(v)) {
    if (!known.includes(key))
      throw new CliInputError(`request.filters.${key} is not a known filter (${known.join(', ')})`);
  }
  return {
    language: optionalString(v, 'language', 'request.filters'),
    place: optionalString(v, 'place', 'request.filters'),
    meetingMode: oneOf<MeetingMode>(
      v.meetingMode,
      ['online', 'in_person', 'either'],
      'request.filters.meetingMode',
    ),
    skill: optionalString(v, 'skill', 'request.filters'),
    search: optionalString(v, 'search', 'request.filters'),
  };
}

function parseRequest(v: unknown): SuggestRequest & { locale?: Locale } {
  if (!isRecord(v))
    throw new CliInputError('request must be an object {for, role, k?, filters?, locale?}');
  if (typeof v.for !== 'string' || v.for === '')
    throw new CliInputError('request.for must be a participant id');
  const role = oneOf<Role>(v.role, ['mentee', 'mentor'], 'request.role');
  if (role === undefined)
    throw new CliInputError('request.role is required ("mentee" or "mentor")');
  if (
    v.k !== undefined &&
    (typeof v.k !== 'number' || !Number.isInteger(v.k) || v.k < 1 || v.k > 1000)
  ) {
    throw new CliInputError('request.k must be an integer from 1 to 1000');
  }
  let diversity: SuggestRequest['diversity'];
  if (v.diversity === false) diversity = false;
  else if (v.diversity !== undefined) {
    if (!isRecord(v.diversity))
      throw new CliInputError('request.diversity must be false or {jitter?, loadPenalty?, salt?}');
    const d = v.diversity;
    for (const key of ['jitter', 'loadPenalty'] as const) {
      if (d[key] !== undefined && (typeof d[key] !== 'number' || !(d[key] >= 0 && d[key] <= 1))) {
        throw new CliInputError(`request.diversity.${key} must be a number from 0 to 1`);
      }
    }
    diversity = {
      jitter: d.jitter as number | undefined,
      loadPenalty: d.loadPenalty as number | undefined,
      salt: optionalString(d, 'salt', 'request.diversity'),
    };
  }
  if (v.includeExclusions !== undefined && typeof v.includeExclusions !== 'boolean') {
    throw new CliInputError('request.includeExclusions must be a boolean');
  }
  if (
    v.maxReasons !== undefined &&
    (typeof v.maxReasons !== 'number' || !Number.isInteger(v.maxReasons) || v.maxReasons < 0)
  ) {
    throw new CliInputError('request.maxReasons must be a non-negative integer');
  }
  return {
    for: v.for,
    role,
    k: v.k as number | undefined,
    filters: parseFilters(v.filters),
    diversity,
    fullMentors: oneOf(v.fullMentors, ['flag', 'exclude'] as const, 'request.fullMentors'),
    includeExclusions: v.includeExclusions as boolean | undefined,
    maxReasons: v.maxReasons as number | undefined,
    locale: oneOf<Locale>(v.locale, ['nl', 'en'], 'request.locale'),
  };
}

/**
 * `klik-match suggest`: pool JSON in, JSON out. The input is a {@link MatchPool}
 * (`participants`, `rules?`, `labels?`, `orgChart?`) plus exactly one of:
 *
 * - `request: {for, role, k?, filters?, diversity?, fullMentors?, includeExclusions?, locale?}` →
 *   the top-k suggestions ({@link SuggestResult}); with `locale` each suggestion also carries
 *   `sentences` in that language;
 * - `candidatePairs: {k?, includeExclusions?}` → an assignment instance
 *   `{mentees, mentors, pairs}` that `klik-match assign` reads (pipe one into the other);
 * - `evaluate: {mentee, mentor, viewer?}` → one pair's score and reasons, or the rule that
 *   excludes it.
 *
 * Bad input throws {@link CliInputError} naming the field, e.g.
 * `participants[2].offers[0].level: must be an integer from 1 to 5` or
 * `request.for: unknown participant "p-9"`.
 *
 * @example
 * runSuggest({ participants, request: { for: 'p-anna', role: 'mentee', k: 5, locale: 'nl' } });
 */
export function runSuggest(input: unknown): unknown {
  if (!isRecord(input))
    throw new CliInputError('input must be a JSON object {participants, rules?, labels?, request}');
  const modes = (['request', 'candidatePairs', 'evaluate'] as const).filter(
    (m) => input[m] !== undefined,
  );
  if (modes.length !== 1) {
    throw new CliInputError('input needs exactly one of "request", "candidatePairs" or "evaluate"');
  }
  try {
    const { request: rawRequest, candidatePairs, evaluate, ...pool } = input;
    if (modes[0] === 'request') {
      const { locale, ...request } = parseRequest(rawRequest);
      const index = buildMatchIndexFromJson(pool);
      const result: SuggestCliOutput = findSuggestions(index, request);
      if (locale !== undefined) {
        for (const s of result.suggestions) s.sentences = s.reasons.map((r) => r.sentence[locale]);
      }
      return result;
    }
    if (modes[0] === 'candidatePairs') {
      if (!isRecord(candidatePairs))
        throw new CliInputError('candidatePairs must be an object {k?, includeExclusions?}');
      const k = candidatePairs.k;
      if (k !== undefined && (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > 1000)) {
        throw new CliInputError('candidatePairs.k must be an integer from 1 to 1000');
      }
      const includeExclusions = candidatePairs.includeExclusions === true;
      const out = buildCandidatePairs(buildMatchIndexFromJson(pool), {
        k: k as number | undefined,
        includeExclusions,
      });
      return includeExclusions
        ? out
        : { mentees: out.mentees, mentors: out.mentors, pairs: out.pairs };
    }
    if (
      !isRecord(evaluate) ||
      typeof evaluate.mentee !== 'string' ||
      typeof evaluate.mentor !== 'string'
    ) {
      throw new CliInputError(
        'evaluate must be an object {mentee, mentor, viewer?} with participant ids',
      );
    }
    const viewer = oneOf<Viewer>(
      evaluate.viewer,
      ['mentee', 'mentor', 'manager'],
      'evaluate.viewer',
    );
    return evaluatePair(buildMatchIndexFromJson(pool), evaluate.mentee, evaluate.mentor, {
      viewer,
    });
  } catch (error) {
    if (error instanceof MatchInputError) throw new CliInputError(error.message);
    throw error;
  }
}
