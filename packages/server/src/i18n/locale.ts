export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];

export function toLocale(value: string | null | undefined, fallback: Locale = 'nl'): Locale {
  const short = value?.slice(0, 2).toLowerCase();
  return short === 'en' || short === 'nl' ? short : fallback;
}
