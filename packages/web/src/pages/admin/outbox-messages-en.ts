import type { Translation } from '../../i18n/translation';
import type { outboxMailNl } from './outbox-messages-nl';

/** English texts for the outbox's headers and attachments; same keys as outbox-messages-nl.ts. */
export const outboxMailEn: Pick<Translation, keyof typeof outboxMailNl> = {
  outboxMail: {
    headers: 'Extra headers',
    attachments: 'Attachments',
    download: 'Download {{name}}',
    invitation: 'calendar invitation ({{method}})',
  },
};
