import { describe, expect, it } from 'vitest';
import { evaluatePair } from './candidates.js';
import { joinList } from './explain.js';
import { buildMatchIndex } from './match-index.js';
import { findSuggestions } from './suggest.js';
import { buildParticipant as person } from './test-factories.js';
import type { Labels, MatchPool, Reason, ScorePartCode, Viewer } from './types.js';

const labels: Labels = {
  sailing: { nl: 'zeilen', en: 'sailing', kind: 'hobby' },
  chess: { nl: 'schaken', en: 'chess', kind: 'hobby' },
  honesty: { nl: 'eerlijkheid', en: 'honesty', kind: 'value' },
  'lived-abroad': { nl: 'in het buitenland gewoond', en: 'lived abroad', kind: 'experience' },
  jazz: { nl: 'jazz', en: 'jazz', kind: 'tag' },
  'public-speaking': { nl: 'presenteren', en: 'public speaking' },
  negotiation: { nl: 'onderhandelen', en: 'negotiation' },
  'social-media': { nl: 'social media', en: 'social media' },
};

const anna = person({
  id: 'anna',
  name: 'Anna',
  languages: ['nl', 'en'],
  wants: [
    { skill: 'public-speaking', level: 3 },
    { skill: 'negotiation', level: 2 },
  ],
  offers: [{ skill: 'social-media', level: 4 }],
  interests: ['sailing', 'chess', 'honesty', 'lived-abroad', 'jazz'],
  utcOffsetMinutes: 60,
  availability: [[10, 13]],
  meetingMode: 'in_person',
  place: 'Utrecht',
  preferences: { prefer: ['bram'] },
});
const bram = person({
  id: 'bram',
  name: 'Bram',
  languages: ['nl'],
  offers: [
    { skill: 'public-speaking', level: 5 },
    { skill: 'negotiation', level: 4 },
  ],
  wants: [{ skill: 'social-media', level: 2 }],
  interests: ['sailing', 'honesty', 'lived-abroad', 'jazz'],
  utcOffsetMinutes: 60,
  availability: [[11, 13]],
  meetingMode: 'either',
  place: 'Utrecht',
});
// Others so that sailing etc. are rarer than in a pool of two.
const pool: MatchPool = {
  participants: [anna, bram, person({ interests: ['chess'] }), person(), person()],
  labels,
};
const index = buildMatchIndex(pool);

function reasons(viewer: Viewer): Map<ScorePartCode, Reason> {
  const e = evaluatePair(index, 'anna', 'bram', { viewer });
  if (!e.allowed) throw new Error('excluded');
  return new Map(e.reasons.map((r) => [r.code, r]));
}

describe('explanations for the mentee', () => {
  const r = reasons('mentee');
  it('learning: «name» can help you with …', () => {
    expect(r.get('learning')?.sentence).toEqual({
      en: 'Bram can help you with public speaking and negotiation',
      nl: 'Bram kan je helpen met presenteren en onderhandelen',
    });
    expect(r.get('learning')?.items.map((i) => i.id)).toEqual(['public-speaking', 'negotiation']);
  });
  it('reverse learning: you can help «name» with …', () => {
    expect(r.get('reverse_learning')?.sentence).toEqual({
      en: 'You can help Bram with social media',
      nl: 'Jij kunt Bram helpen met social media',
    });
  });
  it('common ground by kind, rarest first', () => {
    const s = r.get('common_ground')!.sentence;
    expect(s.en).toContain('You both love sailing');
    expect(s.nl).toContain('Jullie houden allebei van zeilen');
    expect(s.en).toContain('You both value honesty');
    expect(s.nl).toContain('Jullie vinden allebei eerlijkheid belangrijk');
    expect(s.en).toContain('You share an experience: lived abroad');
    expect(s.nl).toContain('Jullie delen een ervaring: in het buitenland gewoond');
    expect(r.get('common_ground')!.items).toHaveLength(3); // at most three items named
  });
  it('practicalities', () => {
    expect(r.get('language')?.sentence).toEqual({
      en: 'You both speak Dutch',
      nl: 'Jullie spreken allebei Nederlands',
    });
    expect(r.get('time_zone')?.sentence).toEqual({
      en: 'You are in the same time zone',
      nl: 'Jullie zitten in dezelfde tijdzone',
    });
    expect(r.get('availability')?.sentence).toEqual({
      en: 'You are both free at the same 2 hours each week',
      nl: 'Jullie zijn elke week op dezelfde 2 uur vrij',
    });
    expect(r.get('meeting')?.sentence).toEqual({
      en: 'You can both meet in person in Utrecht',
      nl: 'Jullie kunnen allebei live afspreken in Utrecht',
    });
  });
  it('preference from the viewer’s side', () => {
    expect(r.get('preference')?.sentence).toEqual({
      en: 'You asked for Bram',
      nl: 'Je hebt om Bram gevraagd',
    });
  });
  it('every reason carries its contribution, highest first', () => {
    const e = evaluatePair(index, 'anna', 'bram', { viewer: 'mentee' });
    if (!e.allowed) throw new Error('excluded');
    const contributions = e.reasons.map((x) => x.contribution);
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
    expect(contributions.reduce((a, b) => a + b, 0)).toBe(e.score);
  });
});

describe('explanations for the mentor (mirrored)', () => {
  const r = reasons('mentor');
  it('learning: you can help «name» with …', () => {
    expect(r.get('learning')?.sentence).toEqual({
      en: 'You can help Anna with public speaking and negotiation',
      nl: 'Jij kunt Anna helpen met presenteren en onderhandelen',
    });
  });
  it('reverse learning: «name» can help you with …', () => {
    expect(r.get('reverse_learning')?.sentence).toEqual({
      en: 'Anna can help you with social media',
      nl: 'Anna kan je helpen met social media',
    });
  });
  it('preference: «name» asked for you', () => {
    expect(r.get('preference')?.sentence).toEqual({
      en: 'Anna asked for you',
      nl: 'Anna heeft om jou gevraagd',
    });
  });
});

describe('explanations for a programme manager (third person)', () => {
  const r = reasons('manager');
  it('names both people', () => {
    expect(r.get('learning')?.sentence.nl).toBe(
      'Bram kan Anna helpen met presenteren en onderhandelen',
    );
    expect(r.get('reverse_learning')?.sentence.en).toBe('Anna can help Bram with social media');
    expect(r.get('common_ground')?.sentence.en).toContain('Anna and Bram both love sailing');
    expect(r.get('language')?.sentence.nl).toBe('Anna en Bram spreken allebei Nederlands');
    expect(r.get('preference')?.sentence.en).toBe('Anna asked for Bram');
  });
});

describe('suggestions carry reasons for the viewer', () => {
  it('a mentee sees what the mentor can teach first', () => {
    const { suggestions } = findSuggestions(index, {
      for: 'anna',
      role: 'mentee',
      k: 1,
      diversity: false,
    });
    expect(suggestions[0].id).toBe('bram');
    expect(suggestions[0].reasons[0].sentence.en).toBe(
      'Bram can help you with public speaking and negotiation',
    );
    expect(suggestions[0].reasons.length).toBeLessThanOrEqual(4);
  });
  it('a mentor sees mirrored sentences', () => {
    const { suggestions } = findSuggestions(index, {
      for: 'bram',
      role: 'mentor',
      k: 1,
      diversity: false,
    });
    expect(suggestions[0].id).toBe('anna');
    expect(suggestions[0].reasons.map((r) => r.sentence.nl)).toContain(
      'Anna kan je helpen met social media',
    );
  });
  it('falls back to the id when a label is missing, and 1-hour wording', () => {
    const p = buildMatchIndex({
      participants: [
        person({
          id: 'a',
          wants: [{ skill: 'kotlin', level: 2 }],
          availability: [5],
          utcOffsetMinutes: 0,
        }),
        person({
          id: 'b',
          name: 'Bo',
          offers: [{ skill: 'kotlin', level: 3 }],
          availability: [5],
          utcOffsetMinutes: 120,
        }),
      ],
    });
    const e = evaluatePair(p, 'a', 'b', { viewer: 'mentee' });
    if (!e.allowed) throw new Error('excluded');
    const byCode = new Map(e.reasons.map((x) => [x.code, x.sentence]));
    expect(byCode.get('learning')?.en).toBe('Bo can help you with kotlin');
    expect(byCode.get('availability')?.nl).toBe('Jullie zijn elke week op hetzelfde uur vrij');
    expect(byCode.get('time_zone')).toEqual({
      en: 'Your time zones are only 2 hours apart',
      nl: 'Jullie tijdzones liggen maar 2 uur uit elkaar',
    });
  });
});

describe('joinList', () => {
  it('joins in both languages', () => {
    expect(joinList(['a'], 'en')).toBe('a');
    expect(joinList(['a', 'b'], 'nl')).toBe('a en b');
    expect(joinList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
  });
});
