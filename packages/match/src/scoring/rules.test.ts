import { describe, expect, it } from 'vitest';
import { evaluatePair, scorePair } from './candidates.js';
import { buildMatchIndex } from './match-index.js';
import { buildParticipant as person, buildPool } from './test-factories.js';
import type { ExclusionCode, MatchPool, Participant, ProgrammeRulesInput } from './types.js';

function exclusionOf(
  mentee: Participant,
  mentor: Participant,
  rules: ProgrammeRulesInput = {},
  extra: Partial<MatchPool> = {},
) {
  const index = buildMatchIndex(buildPool([mentee, mentor], rules, extra));
  const e = evaluatePair(index, mentee.id, mentor.id);
  return e.allowed ? null : e.exclusion;
}

function codeOf(
  mentee: Participant,
  mentor: Participant,
  rules: ProgrammeRulesInput = {},
  extra: Partial<MatchPool> = {},
): ExclusionCode | null {
  return exclusionOf(mentee, mentor, rules, extra)?.code ?? null;
}

describe('hard rules', () => {
  it('same person', () => {
    const a = person({ name: 'Anna' });
    const index = buildMatchIndex(buildPool([a]));
    const e = evaluatePair(index, a.id, a.id);
    expect(e.allowed).toBe(false);
    if (!e.allowed) expect(e.exclusion.code).toBe('same_person');
    expect(scorePair(index, a.id, a.id)).toBeNull();
  });

  it('eligibility: a mentee-only person cannot mentor', () => {
    expect(codeOf(person(), person({ eligibleAs: ['mentee'] }))).toBe('not_eligible');
    expect(codeOf(person({ eligibleAs: ['mentor'] }), person())).toBe('not_eligible');
    expect(
      codeOf(person({ eligibleAs: ['mentee'] }), person({ eligibleAs: ['mentor'] })),
    ).toBeNull();
  });

  describe('reporting line', () => {
    const ceo = person({ id: 'ceo' });
    const vp = person({ id: 'vp', managerId: 'ceo' });
    const lead = person({ id: 'lead', managerId: 'vp' });
    const dev = person({ id: 'dev', managerId: 'lead' });

    it('excludes a direct manager and a skip-level manager, either direction (default 2 levels)', () => {
      const index = buildMatchIndex(buildPool([ceo, vp, lead, dev]));
      const code = (a: string, b: string) => {
        const e = evaluatePair(index, a, b);
        return e.allowed ? null : e.exclusion.code;
      };
      expect(code('dev', 'lead')).toBe('reporting_line');
      expect(code('lead', 'dev')).toBe('reporting_line');
      expect(code('dev', 'vp')).toBe('reporting_line');
      expect(code('vp', 'dev')).toBe('reporting_line');
      expect(code('lead', 'ceo')).toBe('reporting_line');
    });

    it('allows three levels up by default, not with reportingLineLevels 3', () => {
      const index = buildMatchIndex(buildPool([ceo, vp, lead, dev]));
      expect(evaluatePair(index, 'dev', 'ceo').allowed).toBe(true);
      const strict = buildMatchIndex(buildPool([ceo, vp, lead, dev], { reportingLineLevels: 3 }));
      expect(evaluatePair(strict, 'dev', 'ceo').allowed).toBe(false);
    });

    it('is off with reportingLineLevels 0', () => {
      expect(codeOf(dev, lead, { reportingLineLevels: 0 })).toBeNull();
    });

    it('sees managers outside the pool through the org chart', () => {
      const a = person({ managerId: 'm1' });
      const b = person({ managerId: 'm2' });
      const orgChart = [
        { id: 'm1', managerId: 'boss' },
        { id: 'm2', managerId: b.id },
      ];
      expect(codeOf(a, b, {}, { orgChart })).toBeNull();
      // a → m1 → b: b is a's skip-level manager.
      expect(codeOf(a, b, {}, { orgChart: [{ id: 'm1', managerId: b.id }] })).toBe(
        'reporting_line',
      );
    });

    it('siblings (same manager) are not in each other’s reporting line', () => {
      expect(codeOf(person({ managerId: 'x' }), person({ managerId: 'x' }))).toBeNull();
    });

    it('tolerates cycles in the manager data', () => {
      const x = person({ id: 'x', managerId: 'y' });
      const y = person({ id: 'y', managerId: 'x' });
      expect(codeOf(x, y)).toBe('reporting_line');
      const self = person({ id: 's', managerId: 's' });
      expect(codeOf(self, person())).toBeNull();
    });
  });

  it('same team only when configured, scoped to the organisation', () => {
    const a = person({ organisationId: 'acme', team: 'web' });
    const b = person({ organisationId: 'acme', team: 'web' });
    const c = person({ organisationId: 'globex', team: 'web' });
    expect(codeOf(a, b)).toBeNull();
    expect(codeOf(a, b, { excludeSameTeam: true })).toBe('same_team');
    expect(codeOf(a, c, { excludeSameTeam: true })).toBeNull();
  });

  it('same department only when configured', () => {
    const a = person({ department: 'finance' });
    const b = person({ department: 'finance' });
    expect(codeOf(a, b)).toBeNull();
    expect(codeOf(a, b, { excludeSameDepartment: true })).toBe('same_department');
  });

  it('competing organisations, either order', () => {
    const a = person({ organisationId: 'acme' });
    const b = person({ organisationId: 'globex' });
    expect(codeOf(a, b, { competingOrganisations: [['globex', 'acme']] })).toBe(
      'competing_organisations',
    );
    expect(codeOf(a, b, { competingOrganisations: [['acme', 'initech']] })).toBeNull();
  });

  it('declared conflicts, declared by either side', () => {
    const a = person();
    const b = person({ conflicts: [a.id] });
    expect(codeOf(a, b)).toBe('declared_conflict');
    expect(codeOf(b, a)).toBe('declared_conflict');
  });

  it('avoid preferences, by either side', () => {
    const a = person();
    const b = person({ preferences: { avoid: [a.id] } });
    expect(codeOf(a, b)).toBe('avoided');
  });

  it('earlier pairs unless the programme allows them', () => {
    const a = person();
    const b = person({ earlierPartners: [a.id] });
    expect(codeOf(a, b)).toBe('earlier_pair');
    expect(codeOf(a, b, { excludeEarlierPairs: false })).toBeNull();
  });

  it('no shared language when required (default)', () => {
    const a = person({ languages: ['nl'] });
    const b = person({ languages: ['de'] });
    expect(codeOf(a, b)).toBe('no_shared_language');
    expect(codeOf(a, b, { requireSharedLanguage: false })).toBeNull();
  });

  it('incompatible meeting modes when required', () => {
    const a = person({ meetingMode: 'online' });
    const b = person({ meetingMode: 'in_person', place: 'Utrecht' });
    expect(codeOf(a, b)).toBeNull();
    expect(codeOf(a, b, { requireCompatibleMeetingMode: true })).toBe('meeting_mode_mismatch');
  });

  it('capacity: a full mentor is excluded unless capacity is not checked', () => {
    const mentee = person();
    const mentor = person({ capacity: 2, activeMentees: 2 });
    expect(codeOf(mentee, mentor)).toBe('mentor_full');
    const index = buildMatchIndex(buildPool([mentee, mentor]));
    expect(evaluatePair(index, mentee.id, mentor.id, { checkCapacity: false }).allowed).toBe(true);
    expect(codeOf(mentee, person({ capacity: 0 }))).toBe('mentor_full');
    expect(codeOf(mentee, person({ capacity: 3, activeMentees: 2 }))).toBeNull();
  });

  it('reports every broken rule, the first in check order as the code', () => {
    const a = person({ languages: ['nl'], team: 't' });
    const b = person({ languages: ['de'], team: 't', conflicts: [a.id] });
    const e = exclusionOf(a, b, { excludeSameTeam: true });
    expect(e?.codes).toEqual(['same_team', 'declared_conflict', 'no_shared_language']);
    expect(e?.code).toBe('same_team');
  });
});

describe('manager-facing exclusion sentences', () => {
  it.each<[ExclusionCode, () => [Participant, Participant, ProgrammeRulesInput], string, string]>([
    [
      'reporting_line',
      () => [person({ name: 'Anna', managerId: 'b' }), person({ id: 'b', name: 'Bram' }), {}],
      'Anna and Bram are in the same reporting line (within 2 levels)',
      'Anna en Bram zitten in dezelfde rapportagelijn (binnen 2 niveaus)',
    ],
    [
      'same_team',
      () => [
        person({ name: 'Anna', team: 't' }),
        person({ name: 'Bram', team: 't' }),
        { excludeSameTeam: true },
      ],
      'Anna and Bram work in the same team',
      'Anna en Bram werken in hetzelfde team',
    ],
    [
      'competing_organisations',
      () => [
        person({ name: 'Anna', organisationId: 'a' }),
        person({ name: 'Bram', organisationId: 'b' }),
        { competingOrganisations: [['a', 'b']] },
      ],
      'Anna and Bram work for competing organisations',
      'Anna en Bram werken bij concurrerende organisaties',
    ],
    [
      'mentor_full',
      () => [person({ name: 'Anna' }), person({ name: 'Bram', capacity: 1, activeMentees: 1 }), {}],
      'Bram has no free place left (capacity 1)',
      'Bram heeft geen plek meer vrij (capaciteit 1)',
    ],
    [
      'no_shared_language',
      () => [
        person({ name: 'Anna', languages: ['nl'] }),
        person({ name: 'Bram', languages: ['fr'] }),
        {},
      ],
      'Anna and Bram have no language in common',
      'Anna en Bram spreken geen gemeenschappelijke taal',
    ],
  ])('%s', (code, make, en, nl) => {
    const [a, b, rules] = make();
    const e = exclusionOf(a, b, rules);
    expect(e?.code).toBe(code);
    expect(e?.sentence).toEqual({ en, nl });
  });
});
