import type { Translation } from '../../i18n/translation';
import type { leadershipNl } from './messages-nl';

/** English texts of the programme's sponsors and leaders, their consent and the invitation to enrol (see messages-nl.ts). */
export const leadershipEn: Pick<Translation, keyof typeof leadershipNl> = {
  leadership: {
    title: 'Leadership',
  },
};
