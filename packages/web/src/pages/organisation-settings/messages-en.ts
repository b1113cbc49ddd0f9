import type { Translation } from '../../i18n/translation';
import type { feedbackPrivacyNl } from './messages-nl';

/** English texts of the feedback-privacy section; same keys as messages-nl.ts (the compiler checks). */
export const feedbackPrivacyEn: Pick<Translation, keyof typeof feedbackPrivacyNl> = {
  feedbackPrivacy: {
    title: 'Feedback privacy',
    intro:
      'Programme managers see answers to check-ins and outcome surveys only as figures for a group, never per person. Here you decide how large that group must at least be.',
    minGroup: 'Fewest people for figures',
    minGroupHint:
      'Results appear only when at least {{people}} people answered, also per department, location or other group. Never fewer than 3.',
    minComments: 'Fewest people for open answers',
    minCommentsHint:
      'Open answers appear only from {{people}} people, without names or groups. At least the minimum for figures.',
    minGroupRange: 'Choose a whole number from 3 to 100',
    minCommentsRange: 'Choose a whole number from {{minimum}} to 100',
    save: 'Save privacy settings',
    saved: 'The feedback privacy settings have been saved.',
  },
};
