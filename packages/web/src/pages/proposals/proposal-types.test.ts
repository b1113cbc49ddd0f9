import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { targetGroupLabel } from './proposal-types';

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
    expect(targetGroupLabel({ ...row, kind: 'other', value: null }, nlT())).toBe(
      'Overige (kleine groepen samengevoegd)',
    );
  });
});
