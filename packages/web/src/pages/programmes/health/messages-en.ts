import type { Translation } from '../../../i18n/translation';
import type { relationshipHealthNl } from './messages-nl';

/** English texts of the relationship health page; same keys as messages-nl.ts (the compiler checks). */
export const relationshipHealthEn: Pick<Translation, keyof typeof relationshipHealthNl> = {
  relationshipHealth: {
    link: 'Relationships that need attention',
    title: 'Relationships that need attention',
    intro:
      'Running mentoring relationships where a signal suggests they could use some help. The signals come from when things happened, never from messages, notes or answers.',
    back: 'Back to {{name}}',
    listLabel: 'Relationships with signals',
    empty: 'Every relationship is on track: there is no signal right now.',
    total_one: '{{count}} relationship could use some help',
    total_other: '{{count}} relationships could use some help',
    started: 'Started on {{date}}',
    sides: { mentor: 'Mentor', mentee: 'Mentee' },
    signalsHeading: 'Signals',
    signals: {
      noMeeting_one: 'No meeting logged for {{count}} day (agreed: every {{cadence}} days)',
      noMeeting_other: 'No meeting logged for {{count}} days (agreed: every {{cadence}} days)',
      noMeetingProgramme_one:
        'No meeting logged for {{count}} day (the programme: every {{cadence}} days)',
      noMeetingProgramme_other:
        'No meeting logged for {{count}} days (the programme: every {{cadence}} days)',
      noMeetingYet_one:
        'No meeting logged since the start, {{count}} day ago (expected: every {{cadence}} days)',
      noMeetingYet_other:
        'No meeting logged since the start, {{count}} days ago (expected: every {{cadence}} days)',
      checkInsUnanswered_one: 'Someone left the last check-in unanswered',
      checkInsUnanswered_other: 'Someone left the last {{count}} check-ins unanswered',
      usefulnessFalling: 'According to the check-ins, someone finds it less useful than before',
      oneSideSilent:
        'Over the last {{days}} days one side has been completely silent: no message, no meeting, no check-in',
      agreementUnconfirmed:
        'Started {{days}} days ago, and the agreement has never been confirmed by everyone',
      pausedOverdue_one: 'Paused until {{date}}: {{count}} day past the planned return',
      pausedOverdue_other: 'Paused until {{date}}: {{count}} days past the planned return',
    },
    lastNudge: 'Nudged on {{date}} to {{names}}',
    lastNudgeBy: 'Nudged on {{date}} to {{names}} (by {{by}})',
    nudge: 'Send a nudge',
    nudgeFor: 'Send a nudge to {{names}}',
    modal: {
      title: 'A nudge to {{names}}',
      intro:
        "Your message arrives in Klik and by email, in each recipient's language. Afterwards you see that it was sent, not what anyone answers.",
      recipients: 'To whom?',
      everyone: 'Both',
      everyoneGroup: 'Everyone in the group',
      only: 'Only {{name}} ({{side}})',
      bodyNl: 'Message in Dutch',
      bodyEn: 'Message in English',
      loadingTemplate: 'Loading the suggested message…',
      review: 'Next',
      confirmTitle: 'Send the nudge?',
      confirmText:
        '{{names}} will get this message in Klik and by email. Sending cannot be undone.',
      back: 'Back',
      send: 'Send the nudge',
      sent: 'Your nudge to {{names}} has been sent',
    },
  },
};
