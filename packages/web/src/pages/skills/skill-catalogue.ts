import type { ApiError } from '../../api/client';
import type { Locale } from '../../i18n/locale';
import type { Skills } from '../programmes/programme-types';

export type Skill = Skills['items'][number];
export type SkillCategory = Skills['categories'][number];

export interface SkillGroup {
  category: SkillCategory;
  items: Skill[];
}

/** The limits of `POST /api/skills` (CreateSkillBody on the server). */
export const skillNameLength = { min: 2, max: 80 } as const;

/** Lower case without accents, so "financien" finds "Financiën". */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** Whether every word of the search appears in the Dutch or the English name. */
export function matchesSearch(skill: Pick<Skill, 'nl' | 'en'>, search: string): boolean {
  const words = normaliseForSearch(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const names = `${normaliseForSearch(skill.nl)} ${normaliseForSearch(skill.en)}`;
  return words.every((word) => names.includes(word));
}

/**
 * The list by category, in the server's category order, each sorted by the name in the reader's
 * language; only skills matching the search (and, if asked, only the organisation's own), and
 * no empty categories.
 */
export function groupSkills(
  skills: Skills,
  {
    search = '',
    onlyCustom = false,
    locale,
  }: { search?: string; onlyCustom?: boolean; locale: Locale },
): SkillGroup[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return skills.categories
    .map((category) => ({
      category,
      items: skills.items
        .filter((item) => item.category === category.id)
        .filter((item) => !onlyCustom || item.isCustom)
        .filter((item) => matchesSearch(item, search))
        .sort((a, b) => collator.compare(a[locale], b[locale])),
    }))
    .filter((group) => group.items.length > 0);
}

export type SkillField = 'nl' | 'en' | 'category';

/** Why a field is wrong: too short or long, no category from the list, or the name is taken. */
export type SkillFieldProblem = 'length' | 'category' | 'exists';

const ruleOf = (field: SkillField): SkillFieldProblem =>
  field === 'category' ? 'category' : 'length';

/** A client-side check of one field, with the same rules as the server. */
export function checkSkillField(field: SkillField, value: string): SkillFieldProblem | null {
  if (field === 'category') return value ? null : ruleOf(field);
  const length = value.trim().length;
  return length >= skillNameLength.min && length <= skillNameLength.max ? null : ruleOf(field);
}

/**
 * The server's field problems, to be shown in the reader's language: its messages are English,
 * but each field of this form has one rule, so the field says enough. A 409 means the name is
 * taken.
 */
export function serverFieldProblems(
  error: Pick<ApiError, 'status' | 'fieldErrors'>,
): Partial<Record<SkillField, SkillFieldProblem>> {
  const result: Partial<Record<SkillField, SkillFieldProblem>> = {};
  for (const field of Object.keys(error.fieldErrors())) {
    if (field !== 'nl' && field !== 'en' && field !== 'category') continue;
    result[field] = error.status === 409 ? 'exists' : ruleOf(field);
  }
  return result;
}
