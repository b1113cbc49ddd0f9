import type { Translation } from '../i18n/translation';
import type { accountNl } from './name-messages-nl';

/** English texts of the account menu and the preferred-name dialog (same keys as Dutch). */
export const accountEn: Pick<Translation, keyof typeof accountNl> = {
  account: {
    menu: 'Account menu of {{name}}',
    preferredName: 'Preferred name',
    preferredNameTitle: 'Your preferred name',
    preferredNameIntro:
      'Your name ({{name}}) comes from your organisation and cannot be changed here. You can choose what you like to be called: others see that name beside yours, for example "{{example}}".',
    preferredNameLabel: 'Preferred first name',
    preferredNameHint: 'Leave empty to use your first name. At most {{count}} characters.',
    saved: 'Your preferred name is saved',
    cleared: 'Your preferred name is cleared',
  },
  outboxSecrets: {
    hidden:
      'Sign-in and reset links are hidden outside demo mode, so no one can sign in as someone else. The subject, recipient and time are still shown.',
    secret: 'Sign-in link',
  },
};
