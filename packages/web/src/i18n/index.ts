import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { defaultLocale, isLocale, locales, pickLocale, type Locale } from './locale';
import { nl } from './nl';

export const localeStorageKey = 'klik.locale';

// Until a signed-in user's saved locale is known: the last choice made in this browser, else
// the browser's languages, else Dutch. The user's saved locale wins once /api/me answers.
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    supportedLngs: [...locales],
    fallbackLng: defaultLocale,
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: localeStorageKey,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => pickLocale([lng]),
    },
  });

function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = currentLocaleOf(lng);
}

applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

function currentLocaleOf(lng: string | undefined): Locale {
  return isLocale(lng) ? lng : pickLocale([lng]);
}

export function currentLocale(): Locale {
  return currentLocaleOf(i18n.resolvedLanguage ?? i18n.language);
}

export { i18n };
