import { z } from 'zod';
import { schemaMessage } from '../../i18n/messages.js';
import { MAX_HEALTH_PAGE, SIGNALS } from './signals.js';

export const SignalName = z.enum(SIGNALS);

export const HealthParams = z.object({ programmeId: z.uuid() });
export const RelationshipHealthParams = HealthParams.extend({ relationshipId: z.uuid() });

export const HealthQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_HEALTH_PAGE).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const TemplateQuery = z.object({
  signal: SignalName.optional().describe(
    'The signal to write about; without it, every signal the relationship raises now',
  ),
});

const Side = z.enum(['mentor', 'mentee']);
const PersonRef = z.object({ id: z.string(), name: z.string() });

/** A signal with the facts behind it: numbers and dates only, never an answer or a text. */
export const HealthSignal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('no_meeting'),
    daysSinceLastMeeting: z
      .number()
      .int()
      .describe('Days since the last meeting logged as held, or since the start without one'),
    lastMeetingAt: z.string().nullable().describe('When the last held meeting started (UTC)'),
    cadenceDays: z.number().int(),
    cadenceSource: z
      .enum(['agreement', 'programme'])
      .describe("The agreement's cadence when one held, else the programme's"),
  }),
  z.object({
    kind: z.literal('check_ins_unanswered'),
    unansweredInARow: z
      .number()
      .int()
      .describe('A participant left this many latest check-ins unanswered (not saying who)'),
  }),
  z.object({
    kind: z.literal('usefulness_falling').describe('Not saying whose answers, nor what they were'),
  }),
  z.object({
    kind: z.literal('one_side_silent'),
    windowDays: z.number().int().describe('The period looked at: twice the cadence'),
  }),
  z.object({
    kind: z.literal('agreement_unconfirmed'),
    daysSinceStart: z.number().int(),
  }),
  z.object({
    kind: z.literal('paused_overdue'),
    pauseUntil: z.string().describe('The planned return date, YYYY-MM-DD'),
    daysOverdue: z.number().int(),
  }),
]);
export type HealthSignal = z.infer<typeof HealthSignal>;

export const LastNudge = z.object({
  sentAt: z.string(),
  sentBy: z.string().nullable().describe('The manager who sent it (null when no longer known)'),
  recipients: z.array(PersonRef),
});
export type LastNudge = z.infer<typeof LastNudge>;

export const HealthItem = z.object({
  relationshipId: z.string(),
  startedAt: z.string(),
  participants: z.array(PersonRef.extend({ side: Side })),
  signals: z.array(HealthSignal),
  lastNudge: LastNudge.nullable(),
});
export type HealthItem = z.infer<typeof HealthItem>;

export const HealthList = z.object({
  items: z.array(HealthItem),
  total: z.number().int(),
});

export const NudgeTemplate = z.object({
  signals: z.array(SignalName),
  bodyNl: z.string(),
  bodyEn: z.string(),
});

const NudgeText = z
  .string()
  .trim()
  .min(1, schemaMessage('isRequired'))
  .max(5000, schemaMessage('atMostCharacters'));

export const NudgeBody = z.object({
  recipients: z
    .union([z.literal('both'), z.array(z.uuid()).min(1, schemaMessage('isRequired')).max(50)])
    .describe("'both': every current participant; or the person ids of some of them"),
  bodyNl: NudgeText.describe('The message in Dutch'),
  bodyEn: NudgeText.describe('The message in English'),
});
export type NudgeBody = z.infer<typeof NudgeBody>;

export const NudgeResponse = z.object({
  id: z.string(),
  signals: z.array(SignalName),
  lastNudge: LastNudge,
});
