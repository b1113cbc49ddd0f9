import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locales } from './locale.js';
import { message, messages, renderMessage, templateParams, terms } from './messages.js';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}

describe('server message catalogue', () => {
  it('has every message in Dutch and English with the same parameters', () => {
    for (const [key, texts] of Object.entries(messages)) {
      for (const locale of locales) expect(texts[locale].trim(), `${key}.${locale}`).not.toBe('');
      expect(templateParams(texts.nl), key).toEqual(templateParams(texts.en));
    }
    for (const [key, texts] of Object.entries(terms)) {
      for (const locale of locales) expect(texts[locale].trim(), `${key}.${locale}`).not.toBe('');
    }
  });

  it('fills in parameters, translating those that are terms', () => {
    const text = message('notFound', { thing: terms.programme });
    expect(renderMessage(text, 'en')).toBe('Programme not found');
    expect(renderMessage(text, 'nl')).toBe('Programma niet gevonden');
    const places = message('placesTaken', { taken: 3, capacity: 3 });
    expect(renderMessage(places, 'nl')).toBe('3 van 3 plekken bezet');
  });
});

describe('untranslated messages cannot come back', () => {
  const files = sourceFiles(srcDir);

  it('finds the server sources', () => {
    expect(files.some((f) => f.endsWith('errors.ts'))).toBe(true);
  });

  it('builds no AppError from a raw text', () => {
    // A message is a catalogue key with parameters: message('notFound', { thing }), never a string.
    const rawText = /\b(?:new AppError\(\s*'[a-z_]+',|\b(?:forbidden|conflict)\()\s*['"`]/g;
    const offenders = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(rawText)].map(
        (m) => `${path.relative(srcDir, file)}: ${m[0]}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('gives request schemas no raw custom message, in schema files or beside routes', () => {
    // `.min(1, 'is required')` would stay English; `.min(1, schemaMessage('isRequired'))` does not.
    const rawZod =
      /\.(?:min|max|length|int|regex|refine|email|url|uuid|literal)\([^()]*(?:\([^()]*\))?[^()]*,\s*['"`]|\b(?:message|error):\s*['"`]/g;
    const schemas = files.filter((f) => /modules\/[^/]+\/(?:schema|routes)\.ts$/.test(f));
    expect(schemas.filter((f) => f.endsWith('schema.ts')).length).toBeGreaterThan(3);
    expect(schemas.filter((f) => f.endsWith('routes.ts')).length).toBeGreaterThan(5);
    const offenders = schemas.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(rawZod)].map(
        (m) => `${path.relative(srcDir, file)}: ${m[0]}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('gives no field problem a raw text', () => {
    const rawField = /\bmessage:\s*['"`]/g;
    const services = files.filter((f) => /modules\/[^/]+\/service\.ts$/.test(f));
    expect(services.length).toBeGreaterThan(5);
    const offenders = services.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(rawField)].map(
        (m) => `${path.relative(srcDir, file)}: ${m[0]}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
