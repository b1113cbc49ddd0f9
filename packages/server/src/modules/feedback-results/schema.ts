import { z } from 'zod';
import { groupDimensions } from '../../privacy/anonymity.js';
import { periodPattern } from './keys.js';

export const ResultsQuery = z.object({
  period: z.string().regex(periodPattern).default('all'),
  by: z.enum(groupDimensions).optional(),
});
export type ResultsQuery = z.infer<typeof ResultsQuery>;

/**
 * Why a figure is not shown: its people are fewer than the threshold ('too_few'), beside the groups
 * shown a difference would describe too few ('overlap'), or, for a quarter, the programme's answers
 * outside the quarter come from too few people of the group ('other_periods': all-time minus the
 * quarter would describe them).
 */
export const WithheldReason = z.enum(['too_few', 'overlap', 'other_periods']);
export type WithheldReason = z.infer<typeof WithheldReason>;

/** A figure not shown, and why. `respondents` only for a whole programme (never a small group's size). */
export const Withheld = z.object({
  shown: z.literal(false),
  reason: WithheldReason,
  respondents: z.number().int().nullable(),
  needed: z.number().int(),
});
export type Withheld = z.infer<typeof Withheld>;

const disclosed = <T extends z.ZodRawShape>(shape: T) =>
  z.discriminatedUnion('shown', [z.object({ shown: z.literal(true), ...shape }), Withheld]);

export const ValueCount = z.object({ value: z.string(), count: z.number().int() });

export const QuestionFigures = disclosed({
  /** Distinct people who answered the question. */
  respondents: z.number().int(),
  /** Check-ins in which it was answered (a person answers a check-in every cadence). */
  answers: z.number().int(),
  /** Answers per value ('yes'/'no', '1'–'5', or a gain's option: picks per option). */
  distribution: z.array(ValueCount),
  /** Mean of a 1–5 scale; null for other kinds. */
  mean: z.number().nullable(),
});
export type QuestionFigures = z.infer<typeof QuestionFigures>;

export const Comments = disclosed({
  /** Distinct people who wrote one. */
  writers: z.number().int(),
  /** The texts, without names, dates or groups, in a stable shuffled order. */
  texts: z.array(z.string()),
});
export type Comments = z.infer<typeof Comments>;

export const CheckInQuestionKind = z.enum([
  'met',
  'usefulness',
  'gains',
  'programme',
  'scale',
  'yes_no',
  'text',
]);

export const QuestionResult = z.object({
  id: z.string(),
  kind: CheckInQuestionKind,
  labelNl: z.string(),
  labelEn: z.string(),
  /** The whole programme's figures (null for a text question: see comments). */
  figures: QuestionFigures.nullable(),
  /** Per group of the chosen dimension: its figures or why they are withheld. */
  groups: z.array(z.object({ value: z.string(), figures: QuestionFigures })),
  /** Text answers (text questions only). */
  comments: Comments.nullable(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const Rate = z.object({
  /** Answers saying yes. */
  count: z.number().int(),
  /** Answers to the question (yes or no). */
  of: z.number().int(),
  /** Rounded percentage; null without answers. */
  percent: z.number().int().nullable(),
});
export type Rate = z.infer<typeof Rate>;

export const careerStepKinds = ['new_role', 'promotion', 'project', 'network'] as const;

export const OutcomeBlock = z.object({
  shown: z.literal(true),
  respondents: z.number().int(),
  answers: z.number().int(),
  learnedSkills: Rate,
  careerStep: Rate.extend({
    kinds: z.array(z.object({ kind: z.enum(careerStepKinds), count: z.number().int() })),
  }),
  inspired: Rate,
  recommend: z.object({
    answers: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    /** Net promoter score: % promoters (9–10) minus % detractors (0–6), rounded; null without answers. */
    nps: z.number().int().nullable(),
    /** Answers per score 0–10. */
    distribution: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
  }),
});
export type OutcomeBlock = z.infer<typeof OutcomeBlock>;
export const OutcomeFiguresOrWithheld = z.discriminatedUnion('shown', [OutcomeBlock, Withheld]);

export const SkillGrowth = z.discriminatedUnion('shown', [
  z.object({
    shown: z.literal(true),
    skill: z.string(),
    /** Learners who rated the skill at the start and at the end. */
    n: z.number().int(),
    meanStart: z.number(),
    meanEnd: z.number(),
  }),
  Withheld.extend({ skill: z.string() }),
]);

export const OutcomeFigures = z.object({
  period: z.string(),
  by: z.enum(groupDimensions).nullable(),
  minGroup: z.number().int(),
  minComments: z.number().int(),
  total: OutcomeFiguresOrWithheld,
  groups: z.array(z.object({ value: z.string(), figures: OutcomeFiguresOrWithheld })),
  /** Skills people say they learned, most named first (whole programme only). */
  topSkills: z.discriminatedUnion('shown', [
    z.object({
      shown: z.literal(true),
      items: z.array(z.object({ skill: z.string(), count: z.number().int() })),
    }),
    Withheld,
  ]),
  /** Self-rating growth per skill (whole programme only). */
  growth: z.array(SkillGrowth),
  comments: z.object({ otherGave: Comments, comment: Comments }),
});
export type OutcomeFigures = z.infer<typeof OutcomeFigures>;

export const ResultsResponse = z.object({
  programmeId: z.uuid(),
  period: z.string(),
  by: z.enum(groupDimensions).nullable(),
  minGroup: z.number().int(),
  minComments: z.number().int(),
  /** Whether the gender, age band and background dimensions may be chosen. */
  sensitiveAllowed: z.boolean(),
  checkIns: z.object({
    /** Distinct people who answered a check-in in the period. */
    respondents: z.number().int(),
    /** Whether the programme's check-in figures are shown at all, or why not. */
    total: z.discriminatedUnion('shown', [z.object({ shown: z.literal(true) }), Withheld]),
    questions: z.array(QuestionResult),
  }),
  outcomes: OutcomeFigures,
});
export type ResultsResponse = z.infer<typeof ResultsResponse>;
