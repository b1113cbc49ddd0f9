import type { Translation } from '../../../i18n/translation';
import type { feedbackResultsNl } from './results-messages-nl';

/** English texts of the anonymous feedback results on the programme dashboard (same keys as nl). */
export const feedbackResultsEn: Pick<Translation, keyof typeof feedbackResultsNl> = {
  feedbackResults: {
    title: 'What participants say',
    intro:
      'Answers to the check-ins and the closing survey, as totals only. A figure appears once at least {{minGroup}} people have answered; you never see a single answer.',
    loading: 'Working out the results…',
    checkInsTitle: 'Check-ins',
    checkInsRespondents_one: '{{count}} person has answered a check-in.',
    checkInsRespondents_other: '{{count}} people have answered a check-in.',
    noQuestions: 'This programme has no check-in questions yet.',
    notEnough:
      'Not enough answers yet: results appear once {{needed}} people have answered ({{respondents}} so far).',
    notEnoughComments:
      'Not enough writers yet: the answers appear once {{needed}} people have written something ({{respondents}} so far).',
    otherPeriods:
      'Not shown for this quarter: the answers outside this quarter come from too few people, so the difference from the whole programme would say something about them.',
    reasons: {
      too_few: 'fewer than {{needed}} people answered',
      overlap: 'together with the other groups it would describe fewer than {{needed}} people',
      other_periods: 'the answers outside this quarter come from too few people',
    },
    answersFrom: '{{answers}} answers from {{respondents}} people',
    mean: 'Mean {{mean}} out of 5',
    meanColumn: 'Mean',
    chartLabel: 'Bar chart of “{{title}}”; the figures are also in the table.',
    showTable: 'Show the figures as a table',
    hideTable: 'Hide the table',
    answer: 'Answer',
    count: 'Count',
    whole: 'Whole programme',
    groupsTitle: 'Per group',
    group: 'Group',
    withheldGroups: 'Not shown',
    withheldGroup: '{{group}}: {{reason}}',
    values: { yes: 'Yes', no: 'No' },
    gains: {
      insight: 'Insight into myself or my work',
      skills: 'New skills',
      network: 'A wider network',
      confidence: 'More confidence',
      perspective: 'A different perspective',
      enjoyment: 'Enjoyment in my work',
    },
    commentsTitle: 'What people wrote',
    commentsIntro:
      '{{writers}} people wrote something. Without names, dates or groups, in no particular order.',
    outcomesTitle: 'Closing survey',
    outcomesRespondents:
      '{{respondents}} people answered the closing survey ({{answers}} answers).',
    learnedSkills: 'Learned new skills',
    careerStep: 'Took a career step',
    inspired: 'Felt inspired',
    ofAnswers: '{{count}} of {{of}}',
    noAnswers: 'no answers',
    careerKinds: {
      new_role: 'New role',
      promotion: 'Promotion',
      project: 'New project',
      network: 'Wider network',
    },
    careerKindsTitle: 'Kind of career step',
    recommendTitle: 'Would recommend the programme',
    nps: 'Net Promoter Score: {{nps}}',
    npsExplained:
      '{{promoters}} promoters (9–10), {{passives}} passive (7–8), {{detractors}} detractors (0–6) of {{answers}} answers.',
    score: 'Score',
    topSkillsTitle: 'Skills learned most',
    noSkills: 'No skills named yet.',
    skill: 'Skill',
    growthTitle: 'Growth in self-rating',
    growthIntro:
      'Mean rating from 1 to 5 at the start and at the end, of those who gave both. A skill appears from {{minGroup}} people.',
    noGrowth: 'No skills with both a start and an end rating yet.',
    start: 'Start',
    end: 'End',
    people: 'People',
    growthWithheld: '{{skill}}: {{reason}}',
    otherGaveTitle: 'What the other person gave me',
    commentTitle: 'Anything else?',
    dimensions: {
      department: 'Department',
      location: 'Location',
      role: 'Programme role',
      jobLevelBand: 'Job level',
      gender: 'Gender',
      ageBand: 'Age',
      background: 'Background',
    },
    roles: { mentee: 'Mentee', mentor: 'Mentor', both: 'Both' },
  },
};
