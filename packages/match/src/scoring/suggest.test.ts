import { describe, expect, it } from 'vitest';
import { buildCandidatePairs } from './candidates.js';
import { buildMatchIndex } from './match-index.js';
import { findSuggestions, findSuggestionsByFullScan } from './suggest.js';
import type { SuggestRequest } from './suggest.js';
import { generateSyntheticPool } from './synthetic-pool.js';
import { buildParticipant as person } from './test-factories.js';
import type { Participant, Role } from './types.js';
import { MatchInputError } from './validate.js';

const wantsSpeaking = [{ skill: 'public-speaking', level: 3 }];
const mentee = person({
  id: 'mia',
  name: 'Mia',
  wants: wantsSpeaking,
  eligibleAs: ['mentee'],
  place: 'Utrecht',
});
function mentor(id: string, overrides: Partial<Participant> = {}): Participant {
  return person({
    id,
    name: id.toUpperCase(),
    offers: [{ skill: 'public-speaking', level: 4 }],
    eligibleAs: ['mentor'],
    capacity: 2,
    ...overrides,
  });
}

describe('findSuggestions', () => {
  const pool = {
    participants: [
      mentee,
      mentor('ann', { languages: ['nl', 'en'], place: 'Utrecht', meetingMode: 'in_person' }),
      mentor('bob', { offers: [{ skill: 'public-speaking', level: 3 }], languages: ['nl'] }),
      mentor('cas', { offers: [{ skill: 'finance', level: 5 }], meetingMode: 'online' }),
      mentor('dee', { managerId: 'mia' }),
      mentor('eve', { capacity: 1, activeMentees: 1 }),
      person({ id: 'other-mentee', wants: wantsSpeaking, eligibleAs: ['mentee'] }),
    ],
  };
  const index = buildMatchIndex(pool);
  const ask = (r: Partial<SuggestRequest> = {}) =>
    findSuggestions(index, { for: 'mia', role: 'mentee', diversity: false, ...r });

  it('ranks mentors by score and never suggests mentees or excluded people', () => {
    const ids = ask().suggestions.map((s) => s.id);
    expect(ids).not.toContain('dee'); // reporting line
    expect(ids).not.toContain('other-mentee');
    expect(ids).not.toContain('mia');
    expect(ids[0]).toBe('ann');
    const scores = ask().suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('flags full mentors by default and can exclude them', () => {
    const eve = ask().suggestions.find((s) => s.id === 'eve');
    expect(eve?.isFull).toBe(true);
    expect(eve?.remainingCapacity).toBe(0);
    expect(ask({ fullMentors: 'exclude' }).suggestions.map((s) => s.id)).not.toContain('eve');
  });

  it('keeps exclusions apart, for managers only, and only when asked', () => {
    expect(ask().managerOnly).toBeUndefined();
    const result = ask({ includeExclusions: true, fullMentors: 'exclude' });
    const codes = new Map(result.managerOnly!.exclusions.map((e) => [e.mentor, e.code]));
    expect(codes.get('dee')).toBe('reporting_line');
    expect(codes.get('eve')).toBe('mentor_full');
    expect(JSON.stringify(result.suggestions)).not.toContain('reporting_line');
  });

  it('honours k', () => {
    expect(ask({ k: 2 }).suggestions).toHaveLength(2);
  });

  it('filters by skill, language, place, meeting mode and search', () => {
    expect(ask({ filters: { skill: 'finance' } }).suggestions.map((s) => s.id)).toEqual(['cas']);
    expect(ask({ filters: { language: 'en' } }).suggestions.map((s) => s.id)).toEqual(['ann']);
    expect(ask({ filters: { place: 'utrecht' } }).suggestions.map((s) => s.id)).toEqual(['ann']);
    expect(ask({ filters: { meetingMode: 'online' } }).suggestions.map((s) => s.id)).not.toContain(
      'ann',
    );
    expect(ask({ filters: { search: 'bo' } }).suggestions.map((s) => s.id)).toEqual(['bob']);
    expect(ask({ filters: { search: 'FINANCE' } }).suggestions.map((s) => s.id)).toEqual(['cas']);
    expect(ask({ filters: { language: 'sw' } }).suggestions).toEqual([]);
  });

  it('suggests mentees to a mentor', () => {
    const r = findSuggestions(index, { for: 'ann', role: 'mentor', diversity: false });
    expect(r.suggestions.map((s) => s.id).sort()).toEqual(['mia', 'other-mentee']);
    expect(r.suggestions[0].remainingCapacity).toBeNull();
  });

  it('reports a match strength as a percentage of the maximum score', () => {
    const s = ask().suggestions[0];
    expect(s.strength).toBe(Math.round((100 * s.score) / index.maxScore));
  });

  it('names bad requests', () => {
    expect(() => findSuggestions(index, { for: 'nobody', role: 'mentee' })).toThrow(
      /request.for: unknown participant "nobody"/,
    );
    expect(() => findSuggestions(index, { for: 'ann', role: 'mentee' })).toThrow(
      /not enrolled as mentee/,
    );
    expect(() => findSuggestions(index, { for: 'mia', role: 'mentee', k: 0 })).toThrow(
      MatchInputError,
    );
    expect(() =>
      findSuggestions(index, { for: 'mia', role: 'mentee', diversity: { jitter: 2 } }),
    ).toThrow(/diversity.jitter/);
  });
});

describe('diversity', () => {
  // One star mentor slightly better than twenty good ones, many similar mentees.
  const mentors = Array.from({ length: 20 }, (_, i) => mentor(`m${i}`, { interests: ['x'] }));
  const star = mentor('star', {
    offers: [{ skill: 'public-speaking', level: 5 }],
    interests: ['x'],
    availability: [1],
  });
  const mentees = Array.from({ length: 30 }, (_, i) =>
    person({
      id: `e${i}`,
      wants: wantsSpeaking,
      eligibleAs: ['mentee'],
      interests: ['x'],
      availability: [1],
    }),
  );
  const index = buildMatchIndex({ participants: [star, ...mentors, ...mentees] });
  const firsts = (diversity: SuggestRequest['diversity']) =>
    mentees.map(
      (m) =>
        findSuggestions(index, { for: m.id, role: 'mentee', k: 3, diversity }).suggestions[0].id,
    );

  it('without diversity the same star is everyone’s first suggestion', () => {
    expect(new Set(firsts(false))).toEqual(new Set(['star']));
  });

  it('jitter spreads first suggestions over near-ties, deterministically per viewer', () => {
    const spread = firsts({ jitter: 0.05 });
    expect(new Set(spread).size).toBeGreaterThan(5);
    expect(firsts({ jitter: 0.05 })).toEqual(spread);
    expect(firsts({ jitter: 0.05, salt: 'next-week' })).not.toEqual(spread);
  });

  it('the reported score stays the true score', () => {
    const a = findSuggestions(index, {
      for: 'e1',
      role: 'mentee',
      k: 21,
      diversity: { jitter: 0.05 },
    });
    const b = findSuggestions(index, { for: 'e1', role: 'mentee', k: 21, diversity: false });
    const score = new Map(b.suggestions.map((s) => [s.id, s.score]));
    for (const s of a.suggestions) expect(s.score).toBe(score.get(s.id));
  });

  it('load penalty sinks a mentor with many waiting requests', () => {
    const busy = buildMatchIndex({
      participants: [{ ...star, pendingRequests: 10 }, ...mentors, ...mentees],
    });
    const first = findSuggestions(busy, {
      for: 'e1',
      role: 'mentee',
      diversity: { jitter: 0, loadPenalty: 0.02 },
    });
    expect(first.suggestions[0].id).not.toBe('star');
  });
});

describe('indexed search equals a full scan on a larger realistic pool', () => {
  // Large enough that popular interests take the bounded ("heavy") path.
  const pool = generateSyntheticPool({ size: 4000, seed: 11 });
  const index = buildMatchIndex(pool);
  const viewers = pool.participants.filter((_, i) => i % 80 === 0);

  it.each<[string, Partial<SuggestRequest>]>([
    ['default diversity', {}],
    ['no diversity', { diversity: false }],
    ['full mentors excluded, k = 25', { fullMentors: 'exclude', k: 25 }],
    ['filtered by place and language', { filters: { place: 'Utrecht', language: 'en' } }],
    ['filtered by a rare skill', { filters: { skill: 'skill-150' } }],
    [
      'filtered by meeting mode and a rare language',
      { filters: { meetingMode: 'in_person', language: 'pl' } },
    ],
    ['searched', { filters: { search: 'person 1', meetingMode: 'online' } }],
  ])('%s', (_, options) => {
    for (const p of viewers) {
      for (const role of p.eligibleAs as Role[]) {
        const request: SuggestRequest = { for: p.id, role, ...options };
        expect(findSuggestions(index, request).suggestions).toEqual(
          findSuggestionsByFullScan(index, request).suggestions,
        );
      }
    }
  });

  it('scores only a small part of the pool for most requests', () => {
    const stats = viewers.flatMap((p) =>
      (p.eligibleAs as Role[]).map((role) => findSuggestions(index, { for: p.id, role }).stats),
    );
    const scored = stats.map((s) => s.scored).sort((a, b) => a - b);
    expect(scored[Math.floor(scored.length / 2)]).toBeLessThan(200);
    expect(stats.filter((s) => s.fullScan).length).toBeLessThan(stats.length / 4);
  });
});

describe('buildCandidatePairs', () => {
  it('produces an assignment instance: mentees, mentors with free places, sparse scored pairs', () => {
    const pool = generateSyntheticPool({ size: 300, seed: 3 });
    const out = buildCandidatePairs(pool, { k: 5, includeExclusions: true });
    const menteeIds = new Set(out.mentees.map((m) => m.id));
    const mentorIds = new Set(out.mentors.map((m) => m.id));
    for (const p of out.pairs) {
      expect(menteeIds.has(p.mentee)).toBe(true);
      expect(mentorIds.has(p.mentor)).toBe(true);
      expect(Number.isInteger(p.score) && p.score >= 0).toBe(true);
    }
    for (const m of out.mentors) expect(m.capacity).toBeGreaterThan(0);
    // Every mentee with any allowed mentor gets at least one candidate.
    const perMentee = new Map<string, number>();
    for (const p of out.pairs) perMentee.set(p.mentee, (perMentee.get(p.mentee) ?? 0) + 1);
    expect(perMentee.size).toBeGreaterThan(out.mentees.length * 0.9);
    for (const e of out.exclusions) expect(e.sentence.en.length).toBeGreaterThan(0);
  });

  it('contains every mentee’s top-k mentors and every mentor’s top-k mentees', () => {
    const pool = generateSyntheticPool({ size: 400, seed: 9 });
    const index = buildMatchIndex(pool);
    const out = buildCandidatePairs(index, { k: 4 });
    const keys = new Set(out.pairs.map((p) => `${p.mentee}|${p.mentor}`));
    const free = new Set(out.mentors.map((m) => m.id));
    for (const p of pool.participants) {
      if (p.eligibleAs?.includes('mentee')) {
        const top = findSuggestionsByFullScan(index, {
          for: p.id,
          role: 'mentee',
          k: 4,
          diversity: false,
          fullMentors: 'exclude',
        });
        for (const s of top.suggestions) expect(keys.has(`${p.id}|${s.id}`)).toBe(true);
      }
      if (p.eligibleAs?.includes('mentor') && free.has(p.id)) {
        const top = findSuggestionsByFullScan(index, {
          for: p.id,
          role: 'mentor',
          k: 4,
          diversity: false,
        });
        for (const s of top.suggestions) expect(keys.has(`${s.id}|${p.id}`)).toBe(true);
      }
    }
  });
});
