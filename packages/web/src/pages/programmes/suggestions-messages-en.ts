import type { Translation } from '../../i18n/translation';
import type { suggestionBlockNl } from './suggestions-messages-nl';

/** English texts of the suggestions page's notice; same keys as suggestions-messages-nl.ts. */
export const suggestionBlockEn: Pick<Translation, keyof typeof suggestionBlockNl> = {
  suggestionBlock: {
    has_mentor: 'You already have a mentor in this programme: {{name}}.',
    has_mentorLink: 'Go to your mentoring space',
    waiting_for_answer:
      'You asked {{name}}. While that request is open you cannot ask anyone else: wait for the answer or withdraw the request.',
    waiting_for_answerLink: 'View your request',
    offer_to_answer: '{{name}} offered to be your mentor. Answer that offer first.',
    offer_to_answerLink: 'View the offer',
    no_free_place:
      'All your places as a mentor are taken, so you cannot offer mentoring to anyone now. Once a place is free again, you can.',
    mentors_offer:
      'In this programme mentors offer themselves: you are told as soon as a mentor offers you mentoring. You can look around below.',
    manager_proposes:
      'In this programme the programme manager proposes introductions; you cannot send a request yourself here. You can look around below.',
    not_running: 'This programme is not running (any more): no requests can be sent.',
  },
};
