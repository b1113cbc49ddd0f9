import type { Translation } from '../../i18n/translation';
import type { leadershipNl } from './messages-nl';

/** English texts of the programme's sponsors and leaders, their consent and the invitation to enrol (see messages-nl.ts). */
export const leadershipEn: Pick<Translation, keyof typeof leadershipNl> = {
  leadership: {
    title: 'Leadership',
    isLeadership: 'Leadership',
    isLeadershipHint:
      'Belongs to the organisation’s leadership. Sponsors and managers of managers belong to it anyway.',
    sectionTitle: 'Sponsors and leadership',
    sponsors: 'Sponsors',
    noSponsors: 'This programme has no sponsors yet.',
    takesPart: 'takes part',
    learnsToo: 'Our directors learn too',
    leadersTakingPart: 'Leaders who take part',
    noLeaders:
      'No leaders take part visibly yet. Leaders who take part choose themselves whether they are shown here.',
    roles: { mentor: 'mentor', mentee: 'mentee', both: 'mentor and mentee' },
    editSponsors: 'Change sponsors',
    sponsorPicker: 'Sponsors',
    sponsorPickerDescription: 'Search by name or email address; at most 10 people.',
    noMatches: 'Nobody found',
    save: 'Save',
    cancel: 'Cancel',
    sponsorsSaved: 'The sponsors are saved.',
    consentTitle: 'Visible as a leader',
    consentSwitch: 'Show me on the programme page as a leader who takes part',
    consentDescription:
      'Your name, job title and your own line appear on the programme page and in the invitation to enrol. You can turn this off at any time; it applies everywhere at once.',
    lineLabel: 'Why do you take part? (in your own words)',
    linePlaceholder: 'For example: I want to learn how young colleagues work with AI.',
    consentSave: 'Save',
    consentSaved: 'Saved.',
    consentShown: 'You are shown on the programme page.',
    consentHidden: 'You are not shown on the programme page.',
    invite: 'Invite the audience',
    inviteTitle: 'Invite the audience to enrol',
    inviteCount_one:
      '{{count}} person of the audience gets an invitation in Klik and by email, with the leaders who take part and stories from participants. Everyone gets the invitation once.',
    inviteCount_other:
      '{{count}} people of the audience get an invitation in Klik and by email, with the leaders who take part and stories from participants. Everyone gets the invitation once.',
    inviteNobody: 'Everyone in the audience has enrolled or been invited already.',
    inviteConfirm: 'Send invitations',
    invited_one: '{{count}} person invited',
    invited_other: '{{count}} people invited',
    invitedNow_one: '{{count}} invitation sent.',
    invitedNow_other: '{{count}} invitations sent.',
  },
};
