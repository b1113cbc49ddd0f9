import { z } from 'zod';
import { IdParams } from '../../http/schemas.js';

export const ActionParams = IdParams.extend({ actionId: z.uuid() });

const Text = z.string().trim().min(1).max(2000);

const ResultKeys = z
  .array(z.string().max(80))
  .max(10)
  .describe('The results it answers: `checkin:<questionId>` or `outcome:<figure>`');

const Fields = z.object({
  saidNl: Text.describe('What the participants said, in Dutch'),
  saidEn: Text.describe('What the participants said, in English'),
  didNl: Text.describe('What the programme changed, in Dutch'),
  didEn: Text.describe('What the programme changed, in English'),
  resultKeys: ResultKeys,
  programmeChangeId: z
    .uuid()
    .nullable()
    .optional()
    .describe("A change of this programme's rules or questions that it made"),
});

/** Every word exists in Dutch and English: both languages are required. */
export const FeedbackActionFields = Fields.extend({ resultKeys: ResultKeys.default([]) });
export type FeedbackActionFields = z.infer<typeof FeedbackActionFields>;

/** What is sent changes; what is left out stays as it was. */
export const FeedbackActionPatch = Fields.partial();
export type FeedbackActionPatch = z.infer<typeof FeedbackActionPatch>;

export const FeedbackActionListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const FeedbackAction = z.object({
  id: z.string(),
  programmeId: z.string(),
  saidNl: z.string(),
  saidEn: z.string(),
  didNl: z.string(),
  didEn: z.string(),
  resultKeys: z.array(z.string()),
  change: z
    .object({
      id: z.string(),
      createdAt: z.string(),
      fields: z.array(z.string()).describe('The rule fields the change changed'),
    })
    .nullable()
    .describe("The programme change it links to, from the programme's change log"),
  createdAt: z.string(),
});
export type FeedbackAction = z.infer<typeof FeedbackAction>;

export const FeedbackActionList = z.object({
  items: z.array(FeedbackAction),
  total: z.number().int(),
  /** Active participants of the programme: who a new action notifies (managers only, else 0). */
  participants: z.number().int(),
});

export const CreatedFeedbackAction = FeedbackAction.extend({
  /** How many participants were notified. */
  notified: z.number().int(),
});
