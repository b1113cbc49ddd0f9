import type { OutcomeReport } from '../schema.js';
import type { BoardStory } from './pdf.js';

/**
 * A hand-written outcome report for the renderers' tests: user-written texts that look like
 * formulas or need quoting, Dutch characters, withheld figures (top skills, one skill's growth,
 * retention after 12 months) beside shown ones.
 */
export function fixtureReport(overrides: Partial<OutcomeReport> = {}): OutcomeReport {
  const cohort = {
    id: '7d0c3d7e-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
    name: '=Voorjaar "2026"',
    startsOn: '2026-03-01',
  };
  const earlier = {
    id: '6c0c3d7e-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
    name: 'Najaar, 2025',
    startsOn: '2025-09-01',
  };
  return {
    scope: {
      kind: 'programme',
      organisationName: 'Noordzee Energie',
      programmeId: '5b0c3d7e-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
      programmeName: 'Omgekeerd mentoren: directie leert van jong talent',
      cohort: null,
    },
    generatedAt: '2026-12-02T15:00:00.000Z',
    minGroup: 5,
    cohorts: [earlier, cohort],
    headline: {
      enrolled: 48,
      matched: 42,
      learnedSkillsPercent: 71,
      careerStepPercent: 38,
      inspiredPercent: 83,
      nps: 46,
      respondents: 24,
    },
    participation: { invited: 120, enrolled: 48, matched: 42, medianDaysToMatch: 6.5 },
    activity: {
      relationships: 21,
      meetingsPerRelationship: 4.333333,
      checkIns: { sent: 160, answered: 118, percent: 74 },
    },
    outcomes: {
      total: {
        shown: true,
        respondents: 24,
        answers: 24,
        learnedSkills: { count: 17, of: 24, percent: 71 },
        careerStep: {
          count: 9,
          of: 24,
          percent: 38,
          kinds: [
            { kind: 'promotion', count: 4 },
            { kind: 'project', count: 5 },
          ],
        },
        inspired: { count: 20, of: 24, percent: 83 },
        recommend: {
          answers: 24,
          promoters: 14,
          passives: 7,
          detractors: 3,
          nps: 46,
          distribution: [],
        },
      },
      topSkills: { shown: false, reason: 'too_few', respondents: null, needed: 5 },
      growth: [
        { shown: true, skill: '@Data-analyse', n: 8, meanStart: 2.125, meanEnd: 3.5 },
        { shown: false, reason: 'too_few', respondents: null, needed: 5, skill: '+Coaching' },
      ],
    },
    retention: [
      {
        shown: true,
        months: 6,
        participants: { n: 40, share: 0.95, low: 0.835, high: 0.986, retained: 38 },
        comparison: { n: 310, share: 0.882, low: 0.842, high: 0.913 },
        difference: { value: 0.068, low: -0.021, high: 0.141 },
        unmatched: 2,
      },
      { shown: false, months: 12, reason: 'too_few', respondents: null, needed: 5 },
    ],
    cohortsOverTime: [
      {
        cohort: earlier,
        headline: {
          enrolled: 20,
          matched: 18,
          learnedSkillsPercent: null,
          careerStepPercent: null,
          inspiredPercent: null,
          nps: null,
          respondents: null,
        },
        changesBefore: [],
      },
      {
        cohort,
        headline: {
          enrolled: 28,
          matched: 24,
          learnedSkillsPercent: 75,
          careerStepPercent: 40,
          inspiredPercent: 85,
          nps: 50,
          respondents: 12,
        },
        changesBefore: [
          {
            id: '8e0c3d7e-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
            did: '-Kortere check-ins, vaker een gesprek\nen een kick-off',
            createdAt: '2026-01-15T10:00:00.000Z',
          },
        ],
      },
    ],
    ...overrides,
  };
}

export const fixtureStories: BoardStory[] = [
  {
    titleNl: 'Wat ik leerde van een jonge engineer',
    titleEn: 'What I learned from a young engineer',
    bodyNl:
      'Als directeur dacht ik dat ik AI wel begreep. Eén gesprek per maand met Sanne veranderde dat: '.repeat(
        30,
      ),
    bodyEn: '',
    authorName: 'Ingrid de Vries-Ëlberg',
    photo: null,
  },
  {
    titleNl: '',
    titleEn: 'A mentor who listens',
    bodyNl: '',
    bodyEn: 'My mentor helped me prepare for my first team lead role. 🚀 Łódź office trip.',
    authorName: null,
    photo: null,
  },
];
