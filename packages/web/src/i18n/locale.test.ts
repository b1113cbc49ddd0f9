import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale';

describe('pickLocale', () => {
  it('takes the first supported language', () => {
    expect(pickLocale(['fr-FR', 'en-GB', 'nl'])).toBe('en');
    expect(pickLocale(['nl-BE'])).toBe('nl');
  });

  it('falls back to Dutch', () => {
    expect(pickLocale([])).toBe('nl');
    expect(pickLocale(['de', null, undefined])).toBe('nl');
  });
});
