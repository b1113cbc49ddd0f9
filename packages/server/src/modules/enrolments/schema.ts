import { z } from 'zod';
import { schemaMessage } from '../../i18n/messages.js';

const skillEntry = z.object({
  skill: z.string().min(1).max(80),
  level: z.number().int().min(1, schemaMessage('from')).max(5, schemaMessage('to')),
});
const words = z.array(z.string().trim().min(1).max(60)).max(20);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const ProfileBody = z.object({
  offers: z.array(skillEntry).max(20),
  wants: z.array(skillEntry).max(20),
  hobbies: words,
  experiences: words,
  values: words,
  tags: words,
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, schemaMessage('languageCode')))
    .min(1, schemaMessage('atLeastOne'))
    .max(10),
  availability: z
    .array(z.tuple([z.number().int().min(0).max(167), z.number().int().min(1).max(168)]))
    .max(60)
    .refine((slots) => slots.every(([from, to]) => from < to), schemaMessage('slotOrder')),
  timeZone: z.string().refine(isTimeZone, schemaMessage('unknownTimeZone')),
  meetingMode: z.enum(['online', 'in_person', 'either']),
  place: z.string().trim().max(100).nullable(),
  about: z.string().trim().max(1000),
  /**
   * Shared only with the people one is in a mentoring relationship with (both said yes). Left
   * out, it stays as it was.
   */
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()./-]{5,29}$/, schemaMessage('phoneFormat'))
    .nullable()
    .optional(),
});
export type ProfileBody = z.infer<typeof ProfileBody>;

/** A stored (or still empty) profile: no minimums, an empty profile is a valid answer. */
export const ProfileResponse = ProfileBody.extend({
  languages: z.array(z.string()),
  isComplete: z.boolean(),
});

export const SensitiveBody = z.object({
  consent: z.literal(true, { error: schemaMessage('consentRequired') }),
  gender: z.string().trim().max(50).nullable(),
  ageBand: z.enum(['<25', '25-34', '35-44', '45-54', '55+']).nullable(),
  background: z.string().trim().max(100).nullable(),
});

export const SensitiveResponse = z
  .object({
    gender: z.string().nullable(),
    ageBand: z.string().nullable(),
    background: z.string().nullable(),
    consentedAt: z.string(),
  })
  .nullable();

/** Answers to the programme's questions, by question id. */
const Answers = z.record(z.string(), z.string().trim().max(2000));

export const EnrolBody = z.object({
  role: z.enum(['mentee', 'mentor', 'both']),
  capacity: z
    .number()
    .int()
    .min(1, schemaMessage('atLeast'))
    .max(20, schemaMessage('atMost'))
    .optional(),
  offersGroup: z.boolean().default(false),
  answers: Answers.default({}),
});
export type EnrolBody = z.infer<typeof EnrolBody>;

/** A change to one's own enrolment: what is left out stays as it is; `answers` replaces them all. */
export const UpdateEnrolmentBody = z.object({
  role: EnrolBody.shape.role.optional(),
  capacity: EnrolBody.shape.capacity,
  offersGroup: z.boolean().optional(),
  answers: Answers.optional(),
});
export type UpdateEnrolmentBody = z.infer<typeof UpdateEnrolmentBody>;

export const EnrolmentResponse = z.object({
  id: z.string(),
  programmeId: z.string(),
  personId: z.string(),
  name: z.string(),
  role: z.enum(['mentee', 'mentor', 'both']),
  capacity: z.number().int().nullable(),
  offersGroup: z.boolean(),
  answers: z.record(z.string(), z.string()),
});

export const SkillList = z.object({
  categories: z.array(z.object({ id: z.string(), nl: z.string(), en: z.string() })),
  items: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      nl: z.string(),
      en: z.string(),
      isCustom: z.boolean(),
    }),
  ),
});

export const CreateSkillBody = z.object({
  category: z.enum([
    'leadership',
    'technology',
    'work_life',
    'diversity',
    'networking',
    'entrepreneurship',
    'communication',
    'finance',
  ]),
  nl: z.string().trim().min(2).max(80),
  en: z.string().trim().min(2).max(80),
});
