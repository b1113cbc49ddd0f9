import { z } from 'zod';
import { schemaMessage } from '../../i18n/messages.js';

const Named = z.object({ id: z.string(), name: z.string() });

export const CheckInQuestionKind = z.enum([
  'met',
  'usefulness',
  'gains',
  'programme',
  'scale',
  'yes_no',
  'text',
]);

export const CheckInQuestion = z.object({
  id: z.string(),
  kind: CheckInQuestionKind,
  labelNl: z.string(),
  labelEn: z.string(),
});

export const GainOption = z.object({ id: z.string(), nl: z.string(), en: z.string() });

export const CheckInStatus = z
  .enum(['open', 'answered', 'missed'])
  .describe('open: can be answered; missed: a newer one was sent before it was answered');

export const CheckInSummary = z.object({
  id: z.string(),
  relationshipId: z.string(),
  programme: Named,
  side: z.enum(['mentor', 'mentee']),
  with: z.array(Named).describe('The others in the relationship'),
  dueOn: z.string(),
  sentAt: z.string(),
  remindedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  status: CheckInStatus,
});

export const CheckInList = z.object({ items: z.array(CheckInSummary), total: z.number().int() });

export const CheckInAnswerValue = z.union([
  z.boolean(),
  z.number(),
  z.string().max(10_000),
  z.array(z.string().max(100)).max(20),
]);

export const CheckInDetail = CheckInSummary.extend({
  questions: z.array(CheckInQuestion).describe('As they were when it was sent'),
  gainOptions: z.array(GainOption),
  answers: z
    .record(z.string(), CheckInAnswerValue)
    .nullable()
    .describe('The caller’s own answers (only ever shown to them)'),
});

export const CheckInPageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1, schemaMessage('atLeast'))
    .max(50, schemaMessage('atMost'))
    .default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const AnswerBody = z.object({
  answers: z
    .record(z.string().max(64), CheckInAnswerValue)
    .describe('By question id: yes/no a boolean, scales 1–5, gains a list of options, text'),
});

export const QuestionsParams = z.object({ programmeId: z.uuid() });

export const QuestionInput = z.object({
  id: z.string().max(64).optional(),
  kind: CheckInQuestionKind,
  labelNl: z.string().max(300, schemaMessage('atMostCharacters')),
  labelEn: z.string().max(300, schemaMessage('atMostCharacters')),
});

export const QuestionsBody = z.object({
  questions: z
    .array(QuestionInput)
    .max(20, schemaMessage('atMost'))
    .describe('The programme’s set; empty goes back to the standard four'),
});

export const ProgrammeCheckInQuestions = z.object({
  questions: z.array(CheckInQuestion).describe('What a check-in of this programme asks now'),
  isStandard: z.boolean(),
  standard: z.array(CheckInQuestion),
  gainOptions: z.array(GainOption),
});
