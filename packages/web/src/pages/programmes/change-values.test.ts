import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { describeChange } from './change-values';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'nl',
    resources: { nl: { translation: nl }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});
const nlT = () => i18n.getFixedT('nl');
const enT = () => i18n.getFixedT('en');
const inDutch = (field: string, before: unknown, after: unknown) =>
  describeChange(field, before, after, nlT(), 'nl');
const inEnglish = (field: string, before: unknown, after: unknown) =>
  describeChange(field, before, after, enT(), 'en');

describe('programme change history in words', () => {
  it('labels a field as the designer does and writes enum values out', () => {
    expect(inDutch('matchingMode', 'participants_choose', 'manager_proposes')).toEqual({
      label: 'Hoe mensen elkaar vinden',
      before: ['Deelnemers kiezen'],
      after: ['Programmamanager stelt introducties voor'],
    });
    expect(inEnglish('type', 'classic', 'reverse')).toEqual({
      label: 'Kind',
      before: ['Classic'],
      after: ['Reverse mentoring'],
    });
  });

  it('writes booleans as yes/no and empty values as not set', () => {
    expect(inDutch('isTargetGroup', false, true)).toMatchObject({ before: ['Nee'], after: ['Ja'] });
    expect(inEnglish('isTargetGroup', true, false)).toMatchObject({
      before: ['Yes'],
      after: ['No'],
    });
    expect(inDutch('goal', '', 'Meer vrouwen in leiderschap')).toMatchObject({
      before: ['Niet ingevuld'],
    });
  });

  it('formats dates and day counts in the reader’s language', () => {
    const dutch = inDutch('startsOn', null, '2026-03-01');
    expect(dutch.label).toBe('Programma begint');
    expect(dutch.after[0]).toMatch(/1 mrt\.? 2026/);
    expect(inEnglish('startsOn', null, '2026-03-01').after[0]).toMatch(/1 Mar 2026/);
    expect(inDutch('checkInCadenceDays', 14, 21)).toEqual({
      label: 'Check-in elke',
      before: ['14 dagen'],
      after: ['21 dagen'],
    });
  });

  it('shows only the conflict rules and weights that changed, as "label: value"', () => {
    const rules = {
      reportingLineLevels: 2,
      excludeSameTeam: false,
      excludeSameDepartment: false,
      excludeEarlierPairs: true,
    };
    expect(inDutch('conflictRules', rules, { ...rules, excludeSameTeam: true })).toEqual({
      label: 'Belangenconflicten',
      before: ['Niet binnen hetzelfde team: Nee'],
      after: ['Niet binnen hetzelfde team: Ja'],
    });
    expect(
      inEnglish('weights', { learning: 100, language: 50 }, { learning: 200, language: 50 }),
    ).toEqual({
      label: 'What counts in a match',
      before: ['What the mentee learns: 100'],
      after: ['What the mentee learns: 200'],
    });
  });

  it('reads audience rules, job levels and sensitive ones included, and an empty audience as everyone', () => {
    expect(
      inDutch(
        'audience',
        {},
        {
          departments: ['Klantenservice', 'ICT'],
          jobLevelMin: 8,
          jobLevelMax: 12,
          startedAfter: '2020-01-15',
          sensitive: { ageBands: ['<25', '25-34'], genders: [] },
        },
      ),
    ).toEqual({
      label: 'Doelgroep',
      before: ['Iedereen in de organisatie'],
      after: [
        'Afdelingen: Klantenservice, ICT',
        'Functieniveau vanaf: 8',
        'Functieniveau tot en met: 12',
        expect.stringMatching(/^In dienst na: 15 jan\.? 2020$/),
        'Leeftijdsgroepen: Jonger dan 25, 25–34',
      ],
    });
    expect(
      inEnglish('audience', { jobLevelMin: 8, departments: ['ICT'] }, { departments: ['ICT'] }),
    ).toMatchObject({ before: ['Job level from: 8'], after: ['Job level from: Not set'] });
  });

  it('lists questions in the reader’s language, marking the required ones', () => {
    const question = { id: 'why', labelNl: 'Waarom?', labelEn: 'Why?', required: true };
    expect(inEnglish('questions', [], [question])).toEqual({
      label: 'Questions on enrolment',
      before: ['Not set'],
      after: ['Why? (required)'],
    });
  });

  it('still shows a field it does not know, by name and without raw JSON', () => {
    expect(inDutch('somethingNew', { a: true, b: ['x', 'y'] }, null)).toEqual({
      label: 'somethingNew',
      before: ['a: Ja; b: x, y'],
      after: ['Niet ingevuld'],
    });
  });
});

describe('check-in questions in the change history', () => {
  const standard = [
    { id: 'met', kind: 'met', labelNl: 'Gesproken?', labelEn: 'Met?' },
    { id: 'usefulness', kind: 'usefulness', labelNl: 'Hoe nuttig?', labelEn: 'How useful?' },
  ];
  it('lists the questions with their kind of answer, in the reader’s language', () => {
    const after = [
      standard[1],
      { id: 'tip', kind: 'text', labelNl: 'Eén tip', labelEn: 'One tip' },
    ];
    expect(inDutch('checkInQuestions', standard, after)).toEqual({
      label: 'Vragen van de check-in',
      before: ['1. Gesproken? (ja/nee (gesproken))', '2. Hoe nuttig? (schaal 1–5 (nuttig))'],
      after: ['1. Hoe nuttig? (schaal 1–5 (nuttig))', '2. Eén tip (open vraag)'],
    });
    expect(inEnglish('checkInQuestions', standard, after).after).toEqual([
      '1. How useful? (scale 1–5 (useful))',
      '2. One tip (open question)',
    ]);
  });
});
