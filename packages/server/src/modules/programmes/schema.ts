import { z } from 'zod';
import { schemaMessage } from '../../i18n/messages.js';
import { JobLevel } from '../people/schema.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, schemaMessage('isoDate'));
const list = (max: number) => z.array(z.string().trim().min(1).max(max)).max(100);

export const ProgrammeType = z.enum(['classic', 'reverse', 'peer', 'group']);
export const MatchingMode = z.enum(['participants_choose', 'mentors_offer', 'manager_proposes']);
export const ProgrammeStatus = z.enum(['draft', 'published', 'closed']);

export const Audience = z
  .object({
    departments: list(100).optional(),
    locations: list(100).optional(),
    jobTitleContains: list(100).optional(),
    jobLevelMin: JobLevel.nullable().optional(),
    jobLevelMax: JobLevel.nullable().optional(),
    startedBefore: isoDate.nullable().optional(),
    startedAfter: isoDate.nullable().optional(),
    sensitive: z
      .object({
        genders: list(50).optional(),
        ageBands: list(20).optional(),
        backgrounds: list(100).optional(),
      })
      .nullable()
      .optional(),
  })
  .refine(
    (a) =>
      typeof a.jobLevelMin !== 'number' ||
      typeof a.jobLevelMax !== 'number' ||
      a.jobLevelMin <= a.jobLevelMax,
    { path: ['jobLevelMax'], message: schemaMessage('belowMinimumJobLevel') },
  );

export const ConflictRules = z.object({
  reportingLineLevels: z
    .number()
    .int()
    .min(0, schemaMessage('atLeast'))
    .max(10, schemaMessage('atMost')),
  excludeSameTeam: z.boolean(),
  excludeSameDepartment: z.boolean(),
  excludeEarlierPairs: z.boolean(),
});

const weight = z.number().int().min(0, schemaMessage('atLeast')).max(1000, schemaMessage('atMost'));
export const Weights = z.object({
  learning: weight,
  reverseLearning: weight,
  commonGround: weight,
  language: weight,
  timeZone: weight,
  availability: weight,
  meeting: weight,
  preference: weight,
});

export const Question = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, schemaMessage('questionIdFormat'))
    .optional(),
  labelNl: z.string().trim().min(1, schemaMessage('isRequired')).max(300),
  labelEn: z.string().trim().min(1, schemaMessage('isRequired')).max(300),
  required: z.boolean(),
});

/** Every designer field; the service fills the defaults of a new programme. */
const ProgrammeFields = z.object({
  name: z.string().trim().min(2, schemaMessage('atLeastCharacters')).max(120),
  goal: z.string().trim().max(500),
  descriptionNl: z.string().trim().max(5000),
  descriptionEn: z.string().trim().max(5000),
  type: ProgrammeType,
  isTargetGroup: z.boolean(),
  audience: Audience,
  enrolmentOpensOn: isoDate.nullable(),
  enrolmentClosesOn: isoDate.nullable(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  matchingMode: MatchingMode,
  defaultCapacity: z
    .number()
    .int()
    .min(1, schemaMessage('atLeast'))
    .max(20, schemaMessage('atMost')),
  groupMin: z.number().int().min(3, schemaMessage('atLeast')).max(8, schemaMessage('atMost')),
  groupMax: z.number().int().min(3, schemaMessage('atLeast')).max(8, schemaMessage('atMost')),
  conflictRules: ConflictRules,
  checkInCadenceDays: z
    .number()
    .int()
    .min(7, schemaMessage('atLeastDays'))
    .max(180, schemaMessage('atMostDays')),
  requestExpiryDays: z
    .number()
    .int()
    .min(1, schemaMessage('atLeastOneDay'))
    .max(60, schemaMessage('atMostDays')),
  questions: z.array(Question).max(20),
  weights: Weights.partial(),
});

export const CreateProgrammeRequest = ProgrammeFields.partial().required({
  name: true,
  type: true,
});
export type CreateProgrammeRequest = z.infer<typeof CreateProgrammeRequest>;

export const UpdateProgrammeRequest = ProgrammeFields.partial();
export type UpdateProgrammeRequest = z.infer<typeof UpdateProgrammeRequest>;

export const ProgrammeResponse = z.object({
  id: z.string(),
  name: z.string(),
  goal: z.string(),
  descriptionNl: z.string(),
  descriptionEn: z.string(),
  type: ProgrammeType,
  status: ProgrammeStatus,
  isTargetGroup: z.boolean(),
  audience: Audience,
  enrolmentOpensOn: z.string().nullable(),
  enrolmentClosesOn: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  matchingMode: MatchingMode,
  defaultCapacity: z.number().int(),
  groupMin: z.number().int(),
  groupMax: z.number().int(),
  conflictRules: ConflictRules,
  checkInCadenceDays: z.number().int(),
  requestExpiryDays: z.number().int(),
  questions: z.array(Question.required({ id: true })),
  weights: Weights,
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  enrolledCount: z.number().int(),
  /** The caller's own enrolment, if any: what the wizard shows when they change it. */
  myEnrolment: z
    .object({
      role: z.enum(['mentee', 'mentor', 'both']),
      capacity: z.number().int().nullable(),
      offersGroup: z.boolean(),
      answers: z.record(z.string(), z.string()),
    })
    .nullable(),
  /** Whether the caller may enrol (eligible, enrolment open). */
  canEnrol: z.boolean(),
});
export type ProgrammeResponse = z.infer<typeof ProgrammeResponse>;

export const ProgrammeList = z.object({
  items: z.array(ProgrammeResponse),
  /** How many programmes the caller can see in all (the page is `items`). */
  total: z.number().int(),
});

export const ProgrammeChangeList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      actorName: z.string().nullable(),
      createdAt: z.string(),
      changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
      feedbackActionId: z
        .string()
        .nullable()
        .describe('The “you said, we did” this change was made for: “because of feedback”'),
    }),
  ),
});

/** What closing a programme does, in numbers, for the manager to confirm first. */
export const ProgrammeClosePreview = z.object({
  /** People actively enrolled: they stay enrolled, but nobody can enrol any more. */
  enrolled: z.number().int(),
  /** Requests still awaiting an answer: closing marks them expired. */
  pendingRequests: z.number().int(),
  /** Introductions neither side declined and that opened no relationship yet: closing closes them. */
  openIntroductions: z.number().int(),
  /** Running mentoring relationships: they continue. */
  activeRelationships: z.number().int(),
  /** The people of those requests and introductions, each told once. */
  peopleToNotify: z.number().int(),
});
export type ProgrammeClosePreview = z.infer<typeof ProgrammeClosePreview>;
