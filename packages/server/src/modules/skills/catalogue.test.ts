import { describe, expect, it } from 'vitest';
import { skillCatalogue, skillCategories } from './catalogue.js';

describe('the shipped skills list', () => {
  it('has at least 150 skills, every category well covered, in Dutch and English', () => {
    expect(skillCatalogue.length).toBeGreaterThanOrEqual(150);
    for (const category of Object.keys(skillCategories)) {
      expect(skillCatalogue.filter((s) => s.category === category).length).toBeGreaterThanOrEqual(
        15,
      );
    }
    for (const skill of skillCatalogue) {
      expect(skill.nl.trim()).not.toBe('');
      expect(skill.en.trim()).not.toBe('');
    }
  });

  it('has unique, stable slug ids', () => {
    const ids = skillCatalogue.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
