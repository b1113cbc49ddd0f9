import { describe, expect, it } from 'vitest';
import type { Skills } from '../programmes/programme-types';
import {
  checkSkillField,
  groupSkills,
  matchesSearch,
  serverFieldProblems,
} from './skill-catalogue';

const skills: Skills = {
  categories: [
    { id: 'leadership', nl: 'Leiderschap', en: 'Leadership' },
    { id: 'technology', nl: 'Technologie', en: 'Technology' },
    { id: 'finance', nl: 'Financiën', en: 'Finance' },
  ],
  items: [
    { id: 'coaching', category: 'leadership', nl: 'Coachen', en: 'Coaching', isCustom: false },
    {
      id: 'feedback',
      category: 'leadership',
      nl: 'Feedback geven',
      en: 'Giving feedback',
      isCustom: false,
    },
    { id: 'budgeting', category: 'finance', nl: 'Begroten', en: 'Budgeting', isCustom: false },
    {
      id: 'custom-claims',
      category: 'finance',
      nl: 'Schadeafhandeling',
      en: 'Claims handling',
      isCustom: true,
    },
    {
      id: 'custom-reporting',
      category: 'finance',
      nl: 'Financiële rapportage',
      en: 'Financial reporting',
      isCustom: true,
    },
  ],
};

const names = (groups: ReturnType<typeof groupSkills>) =>
  groups.map((group) => [group.category.id, group.items.map((item) => item.id)]);

describe('the skills list', () => {
  it('groups by category in the server’s order, sorted by name in the reader’s language, without empty categories', () => {
    expect(names(groupSkills(skills, { locale: 'nl' }))).toEqual([
      ['leadership', ['coaching', 'feedback']],
      ['finance', ['budgeting', 'custom-reporting', 'custom-claims']],
    ]);
    // In English "Giving feedback" comes after "Coaching", "Claims" before "Financial".
    expect(names(groupSkills(skills, { locale: 'en' }))).toEqual([
      ['leadership', ['coaching', 'feedback']],
      ['finance', ['budgeting', 'custom-claims', 'custom-reporting']],
    ]);
  });

  it('finds a skill by its Dutch or English name, every word, ignoring case and accents', () => {
    expect(names(groupSkills(skills, { search: 'CLAIMS', locale: 'nl' }))).toEqual([
      ['finance', ['custom-claims']],
    ]);
    expect(names(groupSkills(skills, { search: 'financiele', locale: 'nl' }))).toEqual([
      ['finance', ['custom-reporting']],
    ]);
    expect(matchesSearch(skills.items[1]!, 'feedback geven')).toBe(true);
    expect(matchesSearch(skills.items[1]!, 'feedback ontvangen')).toBe(false);
    expect(matchesSearch(skills.items[1]!, '   ')).toBe(true);
    expect(groupSkills(skills, { search: 'zeilen', locale: 'en' })).toEqual([]);
  });

  it('shows only the organisation’s own skills when asked', () => {
    expect(names(groupSkills(skills, { onlyCustom: true, locale: 'en' }))).toEqual([
      ['finance', ['custom-claims', 'custom-reporting']],
    ]);
  });
});

describe('the add-skill form', () => {
  it('checks names of 2 to 80 characters and a chosen category, like the server', () => {
    expect(checkSkillField('nl', ' a ')).toBe('length');
    expect(checkSkillField('nl', 'ab')).toBeNull();
    expect(checkSkillField('en', 'x'.repeat(81))).toBe('length');
    expect(checkSkillField('category', '')).toBe('category');
    expect(checkSkillField('category', 'finance')).toBeNull();
  });

  it('puts the server’s problems next to their fields: a 409 means the name is taken', () => {
    // What ApiError.fieldErrors() gives: the field without "body.", the server's English text.
    const answer = (status: number, fields: Record<string, string>) => ({
      status,
      fieldErrors: () => fields,
    });
    expect(serverFieldProblems(answer(409, { en: 'already exists' }))).toEqual({ en: 'exists' });
    expect(
      serverFieldProblems(
        answer(400, {
          nl: 'Too small: expected string to have >=2 characters',
          category: 'Invalid option',
          body: 'something else',
        }),
      ),
    ).toEqual({ nl: 'length', category: 'category' });
    expect(serverFieldProblems(answer(403, {}))).toEqual({});
  });
});
