import type { Translation } from '../../i18n/translation';
import type { storiesNl } from './messages-nl';

/** English texts of stories: writing, review and publication (see messages-nl.ts). */
export const storiesEn: Pick<Translation, keyof typeof storiesNl> = {
  stories: {
    title: 'Stories',
    nav: 'Stories',
  },
};
