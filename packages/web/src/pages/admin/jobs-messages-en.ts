import type { Translation } from '../../i18n/translation';
import type { jobsNl } from './jobs-messages-nl';

/** English texts of the background-jobs page; same keys as jobs-messages-nl.ts (the compiler checks). */
export const jobsEn: Pick<Translation, keyof typeof jobsNl> = {
  jobs: {
    nav: 'Background jobs',
    title: 'Background jobs',
    intro:
      'Klik does some work in the background: reminders, expiring requests and sending mail. A job that keeps failing stops after its attempts and is listed here, with its last error.',
    queued: 'Queued',
    running: 'Running',
    done: 'Done',
    failed: 'Failed',
    emptyFailed: 'There are no failed jobs.',
    kind: 'Kind',
    attempts: 'Attempts',
    lastError: 'Last error',
    created: 'Created',
    lastTried: 'Last tried',
    retry: 'Try again',
    retryLabel: 'Try job {{kind}} again',
    retried: 'The job is queued again.',
    kinds: {
      mail_deliver: 'Send mail',
      request_remind: 'Request reminder',
      request_expire: 'Expire a request',
    },
  },
  mailDelivery: {
    pending: 'Being sent',
    sent: 'Sent',
    failed: 'Not sent',
    error_one: 'After {{count}} attempt: {{error}}',
    error_other: 'After {{count}} attempts: {{error}}',
  },
};
