import { z } from 'zod';
import { OutcomeFiguresOrWithheld, SkillGrowth, Withheld } from '../feedback-results/schema.js';

/**
 * The outcome report (issue 11, rule 4): participation, activity, outcomes from the survey,
 * retention against comparable non-participants, and cohorts over time. One shape for a programme,
 * one cohort of a programme, and the whole organisation. Every figure about people's answers or
 * employment is gated by the anonymity module (privacy/anonymity.ts); withheld figures say why.
 */

export const ProgrammeReportParams = z.object({ programmeId: z.uuid() });
export const ReportQuery = z.object({
  cohort: z.uuid().optional().describe('One run of the programme (its cohort id); default: all'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ExportFormat = z.enum(['csv', 'xlsx', 'pdf']);
export const ExportQuery = ReportQuery.extend({
  lang: z.enum(['nl', 'en']).optional().describe("The export's language; default: the caller's"),
});

const disclosed = <T extends z.ZodRawShape>(shape: T) =>
  z.discriminatedUnion('shown', [z.object({ shown: z.literal(true), ...shape }), Withheld]);

/** A share with its 95% interval (0–1). */
export const Share = z.object({
  /** People in the group. */
  n: z.number().int(),
  /** The share (0–1). */
  share: z.number(),
  low: z.number(),
  high: z.number(),
});
export type Share = z.infer<typeof Share>;

export const RetentionFigure = z.discriminatedUnion('shown', [
  z.object({
    shown: z.literal(true),
    months: z.union([z.literal(6), z.literal(12)]),
    /**
     * Participants whose start (their enrolment day) lies at least `months` ago, who were employed
     * then and have at least one comparable person (the others are `unmatched`), and how many stayed.
     */
    participants: Share.extend({ retained: z.number().int() }),
    /**
     * Comparable non-participants: same department and job-level band, employed on the
     * participant's start date; each participant's stratum weighs as one (exact stratification).
     * `n` is the number of distinct comparison people.
     */
    comparison: Share,
    /** Participants' share minus the comparison's, with its 95% interval. */
    difference: z.object({ value: z.number(), low: z.number(), high: z.number() }),
    /** Participants left out because nobody comparable exists in their stratum. */
    unmatched: z.number().int(),
  }),
  Withheld.extend({
    months: z.union([z.literal(6), z.literal(12)]),
    /** 'too_few' may also mean: too few comparable people. */
  }),
]);
export type RetentionFigure = z.infer<typeof RetentionFigure>;

export const Headline = z.object({
  enrolled: z.number().int(),
  matched: z.number().int(),
  /** Percentages (rounded) from the outcome survey; null where withheld or without answers. */
  learnedSkillsPercent: z.number().int().nullable(),
  careerStepPercent: z.number().int().nullable(),
  inspiredPercent: z.number().int().nullable(),
  nps: z.number().int().nullable(),
  /** Survey respondents behind the percentages (null when withheld). */
  respondents: z.number().int().nullable(),
});
export type Headline = z.infer<typeof Headline>;

export const CohortRef = z.object({ id: z.uuid(), name: z.string(), startsOn: z.iso.date() });

export const OutcomeReport = z.object({
  scope: z.object({
    kind: z.enum(['programme', 'organisation']),
    organisationName: z.string(),
    programmeId: z.uuid().nullable(),
    programmeName: z.string().nullable(),
    /** The cohort filtered on, if any. */
    cohort: CohortRef.nullable(),
  }),
  generatedAt: z.iso.datetime({ offset: true }),
  minGroup: z.number().int(),
  /** The programme's cohorts, oldest first (empty for the organisation or a programme without runs). */
  cohorts: z.array(CohortRef),
  headline: Headline,
  participation: z.object({
    /** People invited to enrol (invitations sent); null when the programme never sent any. */
    invited: z.number().int().nullable(),
    enrolled: z.number().int(),
    /** Enrolled people in at least one relationship. */
    matched: z.number().int(),
    /** Median days from enrolment to the first relationship; null without matches. */
    medianDaysToMatch: z.number().nullable(),
  }),
  activity: z.object({
    relationships: z.number().int(),
    /** Meetings held (not cancelled, in the past) per relationship; null without relationships. */
    meetingsPerRelationship: z.number().nullable(),
    checkIns: z.object({
      sent: z.number().int(),
      answered: z.number().int(),
      /** Rounded percentage; null when none were sent. */
      percent: z.number().int().nullable(),
    }),
  }),
  outcomes: z.object({
    total: OutcomeFiguresOrWithheld,
    topSkills: disclosed({
      items: z.array(z.object({ skill: z.string(), label: z.string(), count: z.number().int() })),
    }),
    growth: z.array(SkillGrowth),
  }),
  retention: z.array(RetentionFigure),
  /**
   * Per cohort, oldest first, with the "you said, we did" changes made before it started. Always
   * every cohort of the programme, also when the report is filtered to one (empty for the
   * organisation). Survey percentages are null where the anonymity rules withhold a cohort.
   */
  cohortsOverTime: z.array(
    z.object({
      cohort: CohortRef,
      headline: Headline,
      /**
       * Changes recorded on or after the previous cohort's start day and before this one's (the
       * first cohort: everything before it); `did` in the caller's language (else the
       * organisation's default).
       */
      changesBefore: z.array(
        z.object({ id: z.uuid(), did: z.string(), createdAt: z.iso.datetime({ offset: true }) }),
      ),
    }),
  ),
});
export type OutcomeReport = z.infer<typeof OutcomeReport>;

export const SponsoredProgramme = z.object({
  programmeId: z.uuid(),
  name: z.string(),
  status: z.string(),
  headline: Headline,
});
export const SponsorHome = z.object({
  /** The programmes the caller sponsors, with their headline figures. */
  programmes: z.array(SponsoredProgramme),
});
export type SponsorHome = z.infer<typeof SponsorHome>;

export const CohortBody = z.object({
  name: z.string().trim().min(1).max(80),
  startsOn: z.iso.date(),
});
export const CohortParams = z.object({ programmeId: z.uuid(), cohortId: z.uuid() });
