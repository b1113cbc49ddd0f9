import type { Translation } from '../../i18n/translation';
import type { outcomesNl } from './messages-nl';

/** English texts of the outcome report, its exports and the sponsor's home (see messages-nl.ts). */
export const outcomesEn: Pick<Translation, keyof typeof outcomesNl> = {
  outcomes: {
    title: 'Outcomes',
    nav: 'Outcomes',
  },
};
