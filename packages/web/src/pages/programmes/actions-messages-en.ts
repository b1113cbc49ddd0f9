import type { Translation } from '../../i18n/translation';
import type { feedbackActionsNl } from './actions-messages-nl';

/** English texts of "You said, we did" (see actions-messages-nl.ts). */
export const feedbackActionsEn: Pick<Translation, keyof typeof feedbackActionsNl> = {
  feedbackActions: {
    title: 'You said, we did',
    intro:
      'Show participants what the programme did with their feedback. Everyone taking part now gets one notification.',
    record: 'Record what you changed',
    nlColumn: 'Dutch',
    enColumn: 'English',
    saidNl: 'You said (Dutch)',
    saidEn: 'You said (English)',
    didNl: 'We did (Dutch)',
    didEn: 'We did (English)',
    saidHint: 'What participants told you in check-ins and surveys',
    didHint: 'What the programme changed because of it',
    results: 'Which results does this answer?',
    resultsHint: 'At most 10',
    checkInGroup: 'Check-in questions',
    outcomeGroup: 'Outcomes',
    outcomes: {
      learned_skills: 'Learned new skills',
      career_step: 'Took a career step',
      inspired: 'Felt inspired',
      recommend: 'Would recommend',
      self_rating: 'Self-rating of skills',
    },
    standardQuestions: {
      met: 'Did you meet since last time?',
      usefulness: 'How useful was it?',
      gains: 'What do you get out of it?',
      programme: 'Anything the programme should know?',
    },
    change: 'Linked change of the rules (optional)',
    changeHint: 'A change from the change history that you made because of this',
    changeOption: '{{date}}: {{fields}}',
    noChanges: 'No changes of the rules have been recorded yet.',
    submit: 'Record and tell participants',
    confirmTitle: 'Tell participants what changed?',
    confirmText_one:
      'The {{count}} participant of this programme gets a notification, in the app and by email.',
    confirmText_other:
      'All {{count}} participants of this programme get a notification, in the app and by email.',
    confirmNone: 'Nobody takes part right now: nobody gets a notification.',
    confirm: 'Record and send',
    recorded_one: 'Recorded; {{count}} participant got a notification.',
    recorded_other: 'Recorded; {{count}} participants got a notification.',
    list: 'Recorded earlier',
    empty: 'Nothing recorded yet.',
    recordedOn: 'Recorded on {{date}}',
    linkedChange: 'Change of {{date}}: {{fields}}',
    answers: 'Answers',
    edit: 'Edit',
    editLabel: 'Edit what was recorded on {{date}}',
    editTitle: 'Correct the wording',
    editNote: 'Participants do not get a new notification for this.',
    saved: 'Saved.',
    delete: 'Delete',
    deleteLabel: 'Delete what was recorded on {{date}}',
    deleteTitle: 'Delete?',
    deleteText:
      'Participants will no longer see this on the programme page. Notifications already sent stay.',
    deleted: 'Deleted.',
    youSaid: 'You said',
    weDid: 'We did',
    becauseOfFeedback: 'Because of feedback',
    becauseOfFeedbackLabel:
      'Changed because of feedback: see what participants said and what we did',
  },
};
