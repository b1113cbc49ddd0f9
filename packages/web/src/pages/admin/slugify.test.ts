import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it('makes a lower-case, dashed slug without accents', () => {
    expect(slugify('Café De Zwaan & Zonen B.V.')).toBe('cafe-de-zwaan-zonen-b-v');
  });

  it('never starts or ends with a dash and keeps to 60 characters', () => {
    expect(slugify('  --Klik--  ')).toBe('klik');
    const long = slugify('a '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('-')).toBe(false);
  });
});
