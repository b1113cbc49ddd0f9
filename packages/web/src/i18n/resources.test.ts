import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [k, v] of flatten(value, path)) result.set(k, v);
  }
  return result;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const dutch = flatten(nl);
  const english = flatten(en);

  it('have exactly the same keys in Dutch and English', () => {
    expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [locale, strings] of [
      ['nl', dutch],
      ['en', english],
    ] as const) {
      const empty = [...strings]
        .filter(([, text]) => text.trim() === '')
        .map(([key]) => `${locale}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...dutch.keys()].filter(
      (key) =>
        placeholders(dutch.get(key) ?? '').join() !== placeholders(english.get(key) ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });
});
