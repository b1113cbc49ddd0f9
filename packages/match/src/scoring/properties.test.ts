import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCandidatePairs, evaluatePair, scorePair } from './candidates.js';
import { buildMatchIndex } from './match-index.js';
import { ReportingLines } from './reporting-line.js';
import { findSuggestions, findSuggestionsByFullScan } from './suggest.js';
import type { SuggestRequest } from './suggest.js';
import type { ExclusionCode, MatchPool, Participant, ProgrammeRulesInput, Role } from './types.js';

// ---- random pools ------------------------------------------------------------------------------

const SKILLS = ['s0', 's1', 's2', 's3', 's4'];
const INTERESTS = ['i0', 'i1', 'i2', 'i3', 'i4', 'i5'];
const subset = <T>(xs: T[]) => fc.subarray(xs);
const skillLevels = fc.uniqueArray(
  fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 5 }) }),
  {
    selector: (s) => s.skill,
    maxLength: 3,
  },
);

function poolArbitrary(maxPeople = 12): fc.Arbitrary<MatchPool> {
  return fc.integer({ min: 2, max: maxPeople }).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `p${i}`);
    const someone = fc.constantFrom(...ids, 'outsider');
    const person = (id: string): fc.Arbitrary<Participant> =>
      fc.record({
        id: fc.constant(id),
        name: fc.constant(`Name ${id}`),
        organisationId: fc.option(fc.constantFrom('o1', 'o2', 'o3'), { nil: undefined }),
        managerId: fc.option(fc.constantFrom(...ids, 'boss', 'ghost'), { nil: undefined }),
        department: fc.option(fc.constantFrom('d1', 'd2'), { nil: undefined }),
        team: fc.option(fc.constantFrom('t1', 't2', 't3'), { nil: undefined }),
        languages: subset(['nl', 'en', 'de']),
        utcOffsetMinutes: fc.option(fc.constantFrom(-300, 0, 60, 120, 540), { nil: undefined }),
        availability: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 5 }),
        meetingMode: fc.constantFrom('online' as const, 'in_person' as const, 'either' as const),
        place: fc.option(fc.constantFrom('Utrecht', 'Delft'), { nil: undefined }),
        offers: skillLevels,
        wants: skillLevels,
        interests: subset(INTERESTS),
        capacity: fc.integer({ min: 0, max: 3 }),
        activeMentees: fc.integer({ min: 0, max: 2 }),
        pendingRequests: fc.integer({ min: 0, max: 5 }),
        eligibleAs: fc.constantFrom<Role[]>(['mentee'], ['mentor'], ['mentee', 'mentor']),
        preferences: fc.record({
          prefer: fc.array(someone, { maxLength: 2 }),
          avoid: fc.array(someone, { maxLength: 1 }),
        }),
        conflicts: fc.array(someone, { maxLength: 1 }),
        earlierPartners: fc.array(someone, { maxLength: 1 }),
      });
    const rules: fc.Arbitrary<ProgrammeRulesInput> = fc.record({
      reportingLineLevels: fc.integer({ min: 0, max: 3 }),
      excludeSameTeam: fc.boolean(),
      excludeSameDepartment: fc.boolean(),
      competingOrganisations: fc.constantFrom<[string, string][]>(
        [],
        [['o1', 'o2']],
        [['o3', 'o1']],
      ),
      excludeEarlierPairs: fc.boolean(),
      requireSharedLanguage: fc.boolean(),
      requireCompatibleMeetingMode: fc.boolean(),
      weights: fc.record({
        commonGround: fc.integer({ min: 0, max: 50 }),
        preference: fc.integer({ min: 0, max: 50 }),
      }),
    });
    return fc.record({
      participants: fc.tuple(...ids.map(person)),
      rules,
      orgChart: fc.constantFrom(
        [],
        [{ id: 'boss', managerId: 'p0' }],
        [{ id: 'ghost', managerId: 'boss' }],
      ),
    });
  });
}

// ---- an independent, naive statement of the hard rules ----------------------------------------

function naiveCodes(
  pool: MatchPool,
  menteeId: string,
  mentorId: string,
  checkCapacity: boolean,
): Set<ExclusionCode> {
  const r = pool.rules ?? {};
  const byId = new Map(pool.participants.map((p) => [p.id, p]));
  const a = byId.get(menteeId)!;
  const b = byId.get(mentorId)!;
  const codes = new Set<ExclusionCode>();
  const managerOf = new Map<string, string | undefined>(
    pool.participants.map((p) => [p.id, p.managerId]),
  );
  for (const e of pool.orgChart ?? [])
    if (managerOf.get(e.id) === undefined) managerOf.set(e.id, e.managerId);
  const reaches = (from: string, to: string, levels: number) => {
    let cur: string | undefined = from;
    for (let i = 0; i < levels; i++) {
      cur = cur === undefined ? undefined : managerOf.get(cur);
      if (cur === undefined) return false;
      if (cur === to) return true;
    }
    return false;
  };
  const levels = r.reportingLineLevels ?? 2;
  const roles = (p: Participant) => p.eligibleAs ?? ['mentee', 'mentor'];
  if (a.id === b.id) codes.add('same_person');
  if (!roles(a).includes('mentee') || !roles(b).includes('mentor')) codes.add('not_eligible');
  if (a.id !== b.id && (reaches(a.id, b.id, levels) || reaches(b.id, a.id, levels)))
    codes.add('reporting_line');
  const sameOrg = (a.organisationId ?? '') === (b.organisationId ?? '');
  if (r.excludeSameTeam && a.team && sameOrg && a.team === b.team) codes.add('same_team');
  if (r.excludeSameDepartment && a.department && sameOrg && a.department === b.department)
    codes.add('same_department');
  for (const [x, y] of r.competingOrganisations ?? []) {
    if (
      (a.organisationId === x && b.organisationId === y) ||
      (a.organisationId === y && b.organisationId === x)
    ) {
      codes.add('competing_organisations');
    }
  }
  if (a.conflicts?.includes(b.id) || b.conflicts?.includes(a.id)) codes.add('declared_conflict');
  if (a.preferences?.avoid?.includes(b.id) || b.preferences?.avoid?.includes(a.id))
    codes.add('avoided');
  if (
    (r.excludeEarlierPairs ?? true) &&
    (a.earlierPartners?.includes(b.id) || b.earlierPartners?.includes(a.id))
  ) {
    codes.add('earlier_pair');
  }
  if ((r.requireSharedLanguage ?? true) && !a.languages.some((l) => b.languages.includes(l)))
    codes.add('no_shared_language');
  if (r.requireCompatibleMeetingMode) {
    const modes = (p: Participant) =>
      p.meetingMode === 'either' || !p.meetingMode ? ['online', 'in_person'] : [p.meetingMode];
    const online = modes(a).includes('online') && modes(b).includes('online');
    const inPerson =
      modes(a).includes('in_person') &&
      modes(b).includes('in_person') &&
      !!a.place &&
      a.place === b.place;
    if (!online && !inPerson) codes.add('meeting_mode_mismatch');
  }
  if (checkCapacity && (b.capacity ?? 1) - (b.activeMentees ?? 0) <= 0) codes.add('mentor_full');
  return codes;
}

const RUNS = { numRuns: 80 };

describe('properties', () => {
  it('no suggestion ever violates a hard rule, and the index answers exactly like a full scan', () => {
    fc.assert(
      fc.property(
        poolArbitrary(),
        fc.boolean(),
        fc.constantFrom<'flag' | 'exclude'>('flag', 'exclude'),
        fc.integer({ min: 1, max: 6 }),
        (pool, diverse, fullMentors, k) => {
          const index = buildMatchIndex(pool);
          for (const p of pool.participants) {
            for (const role of p.eligibleAs ?? ['mentee', 'mentor']) {
              const request: SuggestRequest = {
                for: p.id,
                role,
                k,
                fullMentors,
                diversity: diverse ? { jitter: 0.1, loadPenalty: 0.05, salt: 'week-1' } : false,
              };
              const got = findSuggestions(index, request);
              expect(got.suggestions).toEqual(
                findSuggestionsByFullScan(index, request).suggestions,
              );
              for (const s of got.suggestions) {
                const [mentee, mentor] = role === 'mentee' ? [p.id, s.id] : [s.id, p.id];
                const codes = naiveCodes(
                  pool,
                  mentee,
                  mentor,
                  role === 'mentee' && fullMentors === 'exclude',
                );
                expect([...codes]).toEqual([]);
                if (role === 'mentee') {
                  const mentorP = pool.participants.find((x) => x.id === s.id)!;
                  expect(s.isFull).toBe(
                    (mentorP.capacity ?? 1) - (mentorP.activeMentees ?? 0) <= 0,
                  );
                }
              }
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('evaluatePair excludes exactly the pairs the naive rules exclude, with the same codes', () => {
    fc.assert(
      fc.property(poolArbitrary(8), (pool) => {
        const index = buildMatchIndex(pool);
        for (const a of pool.participants) {
          for (const b of pool.participants) {
            const e = evaluatePair(index, a.id, b.id);
            const codes = naiveCodes(pool, a.id, b.id, true);
            expect(e.allowed ? [] : e.exclusion.codes.slice().sort()).toEqual([...codes].sort());
          }
        }
      }),
      RUNS,
    );
  });

  it('symmetric parts are symmetric; learning of (a, b) is reverse learning of (b, a)', () => {
    fc.assert(
      fc.property(poolArbitrary(8), (pool) => {
        const open: MatchPool = {
          participants: pool.participants.map((p) => ({ ...p, eligibleAs: ['mentee', 'mentor'] })),
          rules: {
            reportingLineLevels: 0,
            excludeEarlierPairs: false,
            requireSharedLanguage: false,
          },
        };
        const index = buildMatchIndex(open);
        const ids = open.participants.map((p) => p.id);
        for (const a of ids) {
          for (const b of ids) {
            const ab = evaluatePair(index, a, b, { checkCapacity: false });
            const ba = evaluatePair(index, b, a, { checkCapacity: false });
            if (!ab.allowed || !ba.allowed) continue; // only declared conflicts / avoid / same person remain
            for (const part of [
              'common_ground',
              'language',
              'time_zone',
              'availability',
              'meeting',
              'preference',
            ] as const) {
              expect(ab.parts[part]).toBe(ba.parts[part]);
            }
            expect(ab.parts.learning / 40).toBe(ba.parts.reverse_learning / 20);
          }
        }
      }),
      RUNS,
    );
  });

  it('reporting line in O(1) equals a naive walk up the manager chain (cycles included)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 30 })
          .chain((n) =>
            fc.array(fc.integer({ min: -1, max: n - 1 }), { minLength: n, maxLength: n }),
          ),
        fc.integer({ min: 0, max: 5 }),
        (parents, levels) => {
          const lines = new ReportingLines(Int32Array.from(parents));
          const walk = (from: number, to: number) => {
            let cur = from;
            for (let steps = 1; steps <= parents.length + 1; steps++) {
              cur = parents[cur];
              if (cur === -1) return Infinity;
              if (cur === to) return steps;
            }
            return Infinity;
          };
          for (let a = 0; a < parents.length; a++) {
            for (let b = 0; b < parents.length; b++) {
              if (a === b) continue;
              expect(lines.stepsUp(a, b)).toBe(walk(a, b));
              expect(lines.isWithin(a, b, levels)).toBe(
                walk(a, b) <= levels || walk(b, a) <= levels,
              );
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('candidate pairs are allowed, scored like scorePair, and only list mentors with free places', () => {
    fc.assert(
      fc.property(poolArbitrary(), fc.integer({ min: 1, max: 4 }), (pool, k) => {
        const index = buildMatchIndex(pool);
        const out = buildCandidatePairs(index, { k });
        const free = new Map(out.mentors.map((m) => [m.id, m.capacity]));
        const seen = new Set<string>();
        for (const pair of out.pairs) {
          expect([...naiveCodes(pool, pair.mentee, pair.mentor, true)]).toEqual([]);
          expect(scorePair(index, pair.mentee, pair.mentor)).toBe(pair.score);
          expect(free.get(pair.mentor)).toBeGreaterThan(0);
          const key = `${pair.mentee}|${pair.mentor}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }),
      RUNS,
    );
  });
});
