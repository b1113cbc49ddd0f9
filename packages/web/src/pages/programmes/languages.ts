/** The languages a profile offers to choose from; a profile may hold others it was given. */
export const languageCodes = [
  'nl',
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'pl',
  'tr',
  'ar',
  'zh',
  'fy',
  'pap',
] as const;

/** A language's name in the interface language ("Duits", "German"), or its code. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageOptions(locale: string, extra: readonly string[] = []) {
  return [...new Set([...languageCodes, ...extra])].map((code) => ({
    value: code,
    label: languageName(code, locale),
  }));
}
