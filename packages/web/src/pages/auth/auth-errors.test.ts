import { describe, expect, it } from 'vitest';
import { safeNext } from './auth-errors';

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/people?q=an')).toBe('/people?q=an');
  });

  it('refuses other sites and missing values', () => {
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
