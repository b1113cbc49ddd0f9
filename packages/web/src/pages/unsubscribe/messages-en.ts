import type { Translation } from '../../i18n/translation';
import type { unsubscribeNl } from './messages-nl';

/** English texts of the unsubscribe page; same keys as messages-nl.ts (the compiler checks). */
export const unsubscribeEn: Pick<Translation, keyof typeof unsubscribeNl> = {
  unsubscribe: {
    title: 'Reminder emails',
    categories: {
      reminders: 'reminders (for example when someone is waiting for your answer)',
    },
    about: 'This link is about {{category}} sent to {{email}}.',
    subscribedText:
      'You get these reminders by email now. If you unsubscribe, only the email stops: you still see them in Klik, under your notifications.',
    unsubscribe: 'Unsubscribe from reminders',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribedText:
      'You will get no more reminder emails. Other messages (such as a new request or a message from your mentor) still come, and in Klik you see everything under your notifications.',
    resubscribe: 'Get reminders again',
    resubscribed: 'You get the reminders by email again.',
    missingToken:
      'This link is incomplete. Open the unsubscribe link from the email again, or copy all of it.',
    invalidTitle: 'This link does not work',
    invalid:
      'This unsubscribe link is not valid (any more). Open it again from the email, or copy all of it.',
    checking: 'Checking…',
    toSignIn: 'Go to Klik',
  },
};
