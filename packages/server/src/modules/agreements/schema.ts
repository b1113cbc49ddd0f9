import { z } from 'zod';
import { IdParams } from '../../http/schemas.js';

export const MeetingMode = z.enum(['online', 'in_person', 'either']);

export const GoalParams = IdParams.extend({ goalId: z.uuid() });

const PersonRef = z.object({ id: z.string(), name: z.string() });

export const AgreementFields = z.object({
  goals: z.string().trim().max(4000).describe('What the relationship is for, in the words of both'),
  cadenceDays: z.number().int().min(7).max(180).describe('How often to meet, in days'),
  meetingMode: MeetingMode,
  meetingNotes: z.string().trim().max(1000).describe('How and where to meet'),
  confidentiality: z.string().trim().max(2000),
  hopes: z
    .record(
      z.uuid(),
      z.object({ learn: z.string().trim().max(1000), give: z.string().trim().max(1000) }),
    )
    .describe('Per participant (person id): what they hope to learn and to give'),
  skills: z
    .array(z.object({ skill: z.string().min(1).max(100), learnerId: z.uuid() }))
    .max(30)
    .describe('The skills the relationship is about, each with the person learning it'),
});
export type AgreementFields = z.infer<typeof AgreementFields>;

const AgreementVersion = z.object({
  version: z.number().int().describe('0 for the draft nobody proposed yet'),
  goals: z.string(),
  cadenceDays: z.number().int(),
  meetingMode: MeetingMode,
  meetingNotes: z.string(),
  confidentiality: z.string(),
  hopes: z.array(
    z.object({ personId: z.string(), name: z.string(), learn: z.string(), give: z.string() }),
  ),
  skills: z.array(
    z.object({
      skill: z.string(),
      label: z.string().describe("The skill's name in the reader's language"),
      learnerId: z.string(),
      learnerName: z.string(),
    }),
  ),
  proposedBy: PersonRef.nullable(),
  createdAt: z.string().nullable(),
});

export const AgreementState = z.object({
  state: z
    .enum(['draft', 'pending', 'holds'])
    .describe('draft: nobody proposed yet; pending: the newest version waits for confirmations'),
  agreement: AgreementVersion.describe('The newest version, or the draft filled in for you'),
  confirmedBy: z.array(PersonRef.extend({ confirmedAt: z.string() })),
  waitingFor: z.array(PersonRef),
  isConfirmedByMe: z.boolean(),
  holdsSince: z.string().nullable(),
  lastHeld: AgreementVersion.extend({ holdsSince: z.string() })
    .nullable()
    .describe('While a change waits: the last version that held'),
  participants: z.array(
    PersonRef.extend({ role: z.enum(['mentor', 'mentee']), isMe: z.boolean() }),
  ),
  canChange: z
    .boolean()
    .describe('The relationship still runs, so it can be proposed or confirmed'),
});
export type AgreementState = z.infer<typeof AgreementState>;

export const ConfirmBody = z.object({ version: z.number().int().min(1) });

export const RatingPhase = z.enum(['start', 'end']);
export const RatingBody = z.object({
  skill: z.string().min(1).max(100),
  phase: RatingPhase,
  rating: z.number().int().min(1).max(5),
});

export const RatingsState = z.object({
  items: z.array(
    z.object({
      skill: z.string(),
      label: z.string(),
      learner: PersonRef,
      isMine: z.boolean(),
      start: z.number().int().nullable().describe("The learner's own rating; null for others"),
      end: z.number().int().nullable(),
      hasStart: z.boolean().describe('Whether the learner rated it at the start'),
      hasEnd: z.boolean(),
    }),
  ),
  canRateStart: z.boolean(),
  canRateEnd: z.boolean(),
});
export type RatingsState = z.infer<typeof RatingsState>;

export const GoalStatus = z.enum(['open', 'in_progress', 'achieved', 'dropped']);
export const GoalBody = z.object({ title: z.string().trim().min(1).max(300) });
export const GoalPatch = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  status: GoalStatus.optional(),
});
export const GoalNoteBody = z.object({ body: z.string().trim().min(1).max(4000) });

export const Goal = z.object({
  id: z.string(),
  title: z.string(),
  status: GoalStatus,
  createdBy: PersonRef,
  isMine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  notes: z.array(
    z.object({
      id: z.string(),
      author: PersonRef,
      isMine: z.boolean(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type Goal = z.infer<typeof Goal>;
export const GoalList = z.object({ items: z.array(Goal), canChange: z.boolean() });
