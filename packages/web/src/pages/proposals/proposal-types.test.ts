import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import {
  departmentLabel,
  ignoredPinsByMentee,
  pairRuleOrigin,
  pinCandidateLabel,
  sentIntroductionStatus,
  unmatchedReasons,
  type ProposalRun,
} from './proposal-types';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});
const nlT = () => i18n.getFixedT('nl');
const enT = () => i18n.getFixedT('en');

describe('the board in a manager’s words', () => {
  const totals = {
    mentees: 15,
    mentors: 8,
    places: 12,
    matched: 12,
    unmatched: 3,
    averageStrength: 71,
    firstChoice: 9,
    unmatchedBecause: {
      noAllowedMentor: 1,
      forbidden: 0,
      declinedEarlier: 2,
      forbiddenOrDeclined: 0,
      mentorsTaken: 0,
    },
    leftOut: { declinedPairs: 3, forbiddenPairs: 0 },
  };

  it('says why mentees were left without a pair, only the reasons that occurred', () => {
    expect(unmatchedReasons(totals, nlT())).toEqual([
      '1 zonder toegestane mentor met een vrije plek',
      '2 omdat elke passende mentor eerder is afgewezen',
    ]);
    expect(unmatchedReasons(totals, enT())).toEqual([
      '1 without an allowed mentor with a free place',
      '2 because every suitable mentor was declined earlier',
    ]);
  });

  it('names a department, or says it is not set', () => {
    const row = { kind: 'department' as const, matched: 3, unmatched: 2 };
    expect(departmentLabel({ ...row, value: 'Klantenservice' }, nlT())).toBe('Klantenservice');
    expect(departmentLabel({ ...row, value: null }, enT())).toBe('Not set');
  });

  it('says who saved a pin or forbid and when', () => {
    const rule = {
      id: 'r',
      kind: 'forbid' as const,
      mentee: { id: 'm', name: 'Bram' },
      mentor: { id: 'a', name: 'Anna' },
      createdBy: { name: 'Sanne de Vries' },
      createdAt: '2026-12-02T10:00:00.000Z',
    };
    expect(pairRuleOrigin(rule, enT(), 'en')).toMatch(/^by Sanne de Vries, .*2026/);
    expect(pairRuleOrigin({ ...rule, createdBy: null }, nlT(), 'nl')).toMatch(/2026/);
  });

  it('asks before sending, naming the number', () => {
    expect(nlT()('proposals.confirm.title', { count: 12 })).toBe('12 introducties versturen?');
    expect(enT()('proposals.confirm.title', { count: 1 })).toBe('Send 1 introduction?');
  });
});

describe('pinning an unmatched mentee', () => {
  it('puts a saved pin the run could not use next to its mentee', () => {
    const run = {
      ignoredPins: [
        {
          ruleId: 'r',
          mentee: { id: 'm2', name: 'Bram' },
          mentor: { id: 'b', name: 'Anna' },
          problem: 'Deze mentor is vol.',
        },
      ],
    } as unknown as ProposalRun;
    expect([...ignoredPinsByMentee(run)]).toEqual([['m2', 'Deze mentor is vol.']]);
    expect(ignoredPinsByMentee(undefined).size).toBe(0);
  });

  it('words a mentor option with the click, and says when the proposal has no place left', () => {
    const candidate = { mentor: { id: 'a', name: 'Anna de Vries' }, strength: 72, placesLeft: 1 };
    expect(pinCandidateLabel(candidate, nlT())).toBe('Anna de Vries · 72% klik');
    expect(pinCandidateLabel({ ...candidate, placesLeft: 0 }, enT())).toBe(
      'Anna de Vries · 72% click · full in this proposal',
    );
  });
});

describe('sent introductions', () => {
  const item = {
    id: 'i',
    mentee: { id: 'm', name: 'Bram' },
    mentor: { id: 'a', name: 'Anna' },
    menteeResponse: 'accepted' as const,
    mentorResponse: 'pending' as const,
    status: 'pending' as const,
    hasRelationship: false,
    createdAt: '2025-01-01T10:00:00.000Z',
  };

  it('say where each stands, and when a relationship started', () => {
    expect(sentIntroductionStatus(item, nlT())).toBe('Wacht op antwoord');
    expect(
      sentIntroductionStatus(
        { ...item, mentorResponse: 'accepted', status: 'accepted', hasRelationship: true },
        nlT(),
      ),
    ).toBe('Mentorrelatie gestart');
    expect(sentIntroductionStatus({ ...item, status: 'accepted' }, enT())).toBe('Accepted');
    expect(
      sentIntroductionStatus({ ...item, mentorResponse: 'declined', status: 'declined' }, enT()),
    ).toBe('Declined');
  });
});
