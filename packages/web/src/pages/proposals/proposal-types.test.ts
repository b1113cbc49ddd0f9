import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { ApiError } from '../../api/client';
import {
  groupCount,
  pinCandidateLabel,
  pinProblemsByMentee,
  sentIntroductionStatus,
  targetGroupLabel,
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

describe('proposal totals per target group in words', () => {
  it('names the group kind and translates age bands', () => {
    const row = { matched: 3, unmatched: 2 };
    expect(targetGroupLabel({ ...row, kind: 'department', value: 'Klantenservice' }, nlT())).toBe(
      'Afdeling: Klantenservice',
    );
    expect(targetGroupLabel({ ...row, kind: 'department', value: null }, enT())).toBe(
      'Department: not set',
    );
    expect(targetGroupLabel({ ...row, kind: 'ageBand', value: '25-34' }, nlT())).toBe(
      'Leeftijd: 25–34',
    );
    expect(targetGroupLabel({ ...row, kind: 'ageBand', value: '55+' }, enT())).toBe(
      'Age: 55 and over',
    );
    expect(targetGroupLabel({ ...row, kind: 'gender', value: 'vrouw' }, nlT())).toBe(
      'Gender: vrouw',
    );
  });

  it('writes a hidden count as fewer than five', () => {
    expect(groupCount(null, nlT())).toBe('minder dan 5');
    expect(groupCount(null, enT())).toBe('fewer than 5');
    expect(groupCount(0, enT())).toBe('0');
    expect(groupCount(12, nlT())).toBe('12');
  });
});

describe('pinning an unmatched mentee', () => {
  const pins = [
    { menteeId: 'm1', mentorId: 'a' },
    { menteeId: 'm2', mentorId: 'b' },
  ];

  it('puts a refused pin’s message next to its mentee', () => {
    const error = new ApiError(422, 'unprocessable', 'Kan niet', [
      { field: 'body.pins.1', message: 'Deze mentor is vol.' },
      { field: 'body.forbids.0', message: 'Niet deze' },
    ]);
    expect([...pinProblemsByMentee(error, pins)]).toEqual([['m2', 'Deze mentor is vol.']]);
  });

  it('ignores other errors and pins that were not sent', () => {
    expect(pinProblemsByMentee(new Error('netwerk'), pins).size).toBe(0);
    const error = new ApiError(422, 'unprocessable', 'x', [{ field: 'body.pins.5', message: 'y' }]);
    expect(pinProblemsByMentee(error, pins).size).toBe(0);
    expect(pinProblemsByMentee(null, pins).size).toBe(0);
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
