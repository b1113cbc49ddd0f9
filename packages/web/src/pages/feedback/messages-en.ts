import type { Translation } from '../../i18n/translation';
import type { checkInsNl } from './messages-nl';

/** English texts of the check-ins; same keys as messages-nl.ts (the compiler checks). */
export const checkInsEn: Pick<Translation, keyof typeof checkInsNl> = {
  checkIns: {
    nav: 'Feedback',
    home: {
      title_one: 'A check-in to answer',
      title_other: '{{count}} check-ins to answer',
    },
    page: {
      title: 'My feedback',
      intro:
        'Now and then we ask how your mentoring is going. That shows the programme what works and what could be better.',
    },
    privacy:
      'Your answers are yours: the other side never sees them. The programme sees only totals of 5 or more people.',
    open: {
      title: 'Check-ins to answer',
      empty: 'No check-in is waiting for you now.',
      answer: 'Answer',
    },
    past: {
      title: 'Earlier check-ins',
      empty: 'No earlier check-ins yet.',
      read: 'Read your answers back',
      view: 'View',
    },
    withNames: 'Your mentoring with {{names}}',
    withNobody: 'Your mentoring',
    sent: 'Sent on {{date}}',
    answeredOn: 'Answered on {{date}}',
    status: {
      open: 'Open',
      answered: 'Answered',
      missed: 'Missed',
    },
    missedExplained:
      'This check-in was not answered before the next one came; it can no longer be filled in.',
    answeredExplained: 'You answered this check-in. These were your answers:',
    back: 'Back to My feedback',
    form: {
      yes: 'Yes',
      no: 'No',
      scaleHint: '1 = not at all, 5 = very much',
      scale: {
        '1': 'Not at all',
        '2': 'A little',
        '3': 'Fairly',
        '4': 'A lot',
        '5': 'Very much',
      },
      gainsHint: 'Choose what fits; none is fine too.',
      textHint: 'Optional.',
      required: 'Answer this question',
      submit: 'Send answers',
      sentToast: 'Thank you! Your answers are saved.',
      noAnswer: 'Not answered',
    },
    kinds: {
      met: 'yes/no (met)',
      usefulness: 'scale 1–5 (useful)',
      gains: 'multiple choice (what it brings)',
      programme: 'open question (to the programme)',
      scale: 'scale 1–5',
      yes_no: 'yes/no',
      text: 'open question',
    },
    editor: {
      title: 'Check-in questions',
      intro:
        'Participants get these questions on the rhythm of their agreement. The question how useful it was always stays; you can reword or leave out the others and add up to 5 of your own. Check-ins already sent keep their questions.',
      standard: 'These are the standard questions.',
      custom: 'This programme has its own questions.',
      labelNl: 'Question (Dutch)',
      labelEn: 'Question (English)',
      kind: 'Kind of answer',
      remove: 'Leave out',
      removeQuestion: 'Leave out question {{number}}',
      moveUp: 'Move question {{number}} up',
      moveDown: 'Move question {{number}} down',
      add: 'Add a question of your own',
      addStandard: 'Add “{{label}}” again',
      ownCount: '{{count}} of 5 questions of your own',
      save: 'Save questions',
      reset: 'Back to the standard questions',
      resetConfirmTitle: 'Back to the standard questions?',
      resetConfirm:
        'This programme’s own questions and rewordings go. Check-ins already sent keep their questions. The change appears in the change history.',
      saved: 'The questions are saved.',
      number: 'Question {{number}}',
      fixed: 'Always stays',
      newQuestion: 'New question',
    },
    history: {
      label: 'Check-in questions',
    },
  },
};
