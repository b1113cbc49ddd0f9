import type { Translation } from '../../i18n/translation';
import type { attentionNl } from './messages-nl';

/** English texts of what needs attention; same keys as messages-nl.ts (the compiler checks). */
export const attentionEn: Pick<Translation, keyof typeof attentionNl> = {
  attention: {
    nav: {
      unanswered_one: '{{count}} unanswered',
      unanswered_other: '{{count}} unanswered',
      unread_one: '{{count}} unread',
      unread_other: '{{count}} unread',
    },
    home: {
      title: 'What waits for you',
      loading: 'Looking at what waits for you…',
      empty: 'Nothing waits for you right now. Enjoy!',
      emptyHint: 'Look at the programmes to find a mentor, or go to your mentoring.',
      toProgrammes: 'See the programmes',
      toMentoring: 'Go to my mentoring',
      requests_one: '{{count}} request to answer',
      requests_other: '{{count}} requests to answer',
      requestAsMentor: '{{name}} asks you to be their mentor',
      requestAsMentee: '{{name}} offers to be your mentor',
      answerBefore: '{{programme}} · answer before {{date}}',
      allRequests: 'All requests',
      introductions_one: '{{count}} introduction waits for your answer',
      introductions_other: '{{count}} introductions wait for your answer',
      introduction: 'Meet {{name}}',
      introductionRole: {
        mentor: '{{programme}} · you as mentor',
        mentee: '{{programme}} · you as mentee',
      },
      meetings: 'Your next meetings',
      meetingWith: 'Meeting with {{names}}',
      meetingWhen: '{{when}} · {{minutes}} minutes',
      online: 'online',
      agreements_one: '{{count}} agreement to confirm',
      agreements_other: '{{count}} agreements to confirm',
      agreementWith: 'Confirm your agreement with {{names}}',
      agreementVersion: '{{programme}} · version {{version}}',
      agreementChanged: '{{programme}} · version {{version}}, changed',
      messages_one: '{{count}} unread message in your mentoring',
      messages_other: '{{count}} unread messages in your mentoring',
      notifications_one: '{{count}} unread notification',
      notifications_other: '{{count}} unread notifications',
      open: 'Open',
    },
    request: {
      closedMentorFull: 'Closed: {{name}} has no place left in this programme.',
      closedYouFull:
        'Closed: all your places in this programme are taken, so this request could not go ahead.',
      closedBadge: 'Closed: mentor full',
      askSomeoneElse: 'Ask someone else',
      lookAgain: 'You can ask someone else right away: the suggestions show who still has a place.',
    },
  },
};
