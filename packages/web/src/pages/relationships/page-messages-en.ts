import type { Translation } from '../../i18n/translation';
import type { mentoringNl } from './page-messages-nl';

/** English texts of the relationship page; same keys as page-messages-nl.ts (the compiler checks). */
export const mentoringEn: Pick<Translation, keyof typeof mentoringNl> = {
  mentoring: {
    continueInSpace: 'Continue in your mentoring space',
    back: 'My mentoring',
    titleWith: 'Mentoring with {{names}}',
    titleGroup: "{{name}}'s group",
    yourGroup: 'Your group',
    inProgramme: 'In {{name}}',
    endsOn: 'The programme runs until {{date}}',
    roles: { mentor: 'Mentor', mentee: 'Mentee' },
    status: {
      active: 'Active',
      paused: 'Paused',
      completed: 'Completed',
      ended_early: 'Ended',
    },
    banner: {
      paused: 'Your mentoring relationship is paused for a while. You can keep sending messages.',
      pausedUntil:
        'Your mentoring relationship is paused until {{date}}; then it runs again by itself. You can keep sending messages.',
      completed:
        'The programme has ended and your mentoring relationship is complete. You can still read everything.',
      endedEarly: 'This mentoring relationship has ended. You can still read everything.',
      left: 'You are no longer part of this group. You can read what happened until then.',
    },
    who: {
      title: 'Who you are',
      you: 'you',
      left: 'No longer takes part',
      offers: 'Can help with',
      wants: 'Wants to learn',
      languages: 'Languages',
      meetingMode: 'Meets',
      place: 'Place',
      contact: 'Contact',
      email: 'Email',
      phone: 'Phone',
      contactHint: "You both said yes, so you see each other's contact details.",
      meetingModes: { online: 'Online', in_person: 'In person', either: 'Online or in person' },
    },
    why: {
      title: 'Why you clicked',
      with: 'With {{name}}',
      none: 'No reasons were kept for this mentoring relationship.',
    },
    hopes: {
      title: 'What you hope for',
      learn: 'Hopes to learn',
      give: 'Hopes to give',
      none: 'Not filled in yet. Write it down in your agreement.',
    },
    next: {
      title: 'Next meeting',
      none: 'No meeting has been planned yet.',
      minutes: '{{count}} minutes',
      video: 'Video link',
      place: 'Place',
    },
    conversation: {
      title: 'Conversation',
      intro: 'One conversation for all of you; it starts with the request.',
      fromRequest: 'From the request',
      requestHopes: 'Hopes',
      you: 'You',
      empty: 'No messages yet.',
      message: 'Message',
      send: 'Send',
      readOnly: 'This conversation can only be read now.',
    },
    actions: {
      pause: 'Pause',
      resume: 'Pick up again',
      end: 'End',
      leave: 'Leave the group',
      paused: 'Your mentoring relationship is now paused.',
      resumed: 'Your mentoring relationship is running again.',
    },
    pause: {
      title: 'Pause for a while',
      text: 'Your mentoring relationship then stands still: the place is kept and you can keep sending messages. The other side is told it is paused.',
      until: 'Back on (optional)',
      untilHint: 'On that day the relationship runs again by itself.',
      reason: 'Reason (optional)',
      reasonHint: 'For the programme only, to improve it. The other side never sees this reason.',
    },
    end: {
      title: 'End the mentoring relationship?',
      leaveTitle: 'Leave the group?',
      text: 'This cannot be undone. You do not have to give a reason: the other side is only told that the relationship has ended, without a reason. Everything stays readable for both of you.',
      leaveText:
        'This cannot be undone. The group goes on without you; the others are only told that you no longer take part, without a reason. You can keep reading everything until now.',
      groupText:
        'This cannot be undone. The mentoring relationship ends for the whole group; the others are only told that it has ended, without a reason.',
      reason: 'Reason (optional)',
      reasonHint:
        'For the programme only, and only counted together with other answers. The other side never sees a reason.',
    },
    ended: {
      title: 'Your mentoring relationship has ended',
      leftTitle: 'You have left the group',
      thanks:
        'Thank you for what you did together. Ending a mentoring relationship is not a failure: sometimes it just does not fit, or it is time for something else.',
      menteeNext: 'You can look further right away: new suggestions are waiting for you.',
      mentorNext: 'Your place is free again for a new mentee.',
      toSuggestions: 'See new suggestions',
      toMentoring: 'Go to My mentoring',
      readBack: 'Back to the relationship',
    },
    phone: {
      label: 'Phone number (optional)',
      hint: 'Only shown to the people you are in a mentoring relationship with, after you both said yes.',
    },
    card: {
      unread_one: '{{count}} unread message',
      unread_other: '{{count}} unread messages',
      nextMeeting: 'Next meeting: {{date}}',
      pausedUntil: 'Paused until {{date}}',
      left: 'You left this group',
    },
  },
};
