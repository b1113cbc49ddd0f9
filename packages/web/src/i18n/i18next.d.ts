import 'i18next';
import type { nl } from './nl';

// Typed keys: a missing or misspelled translation key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof nl };
  }
}
