import { z } from 'zod';
import { schemaMessage } from '../../i18n/messages.js';

const Named = z.object({ id: z.string(), name: z.string() });
const CareerStep = z.enum(['new_role', 'promotion', 'project', 'network']);
const Closing = z
  .enum(['ended', 'left', 'completed'])
  .describe("How it closed for me: 'ended' early, 'left' a group, 'completed' at the end date");

export const SurveySummary = z.object({
  id: z.string(),
  relationshipId: z.string(),
  programme: Named,
  with: z.array(Named).describe('The others still in the relationship, the mentor first'),
  side: z.enum(['mentor', 'mentee']),
  closing: Closing,
  sentAt: z.string(),
  answeredAt: z.string().nullable(),
});

export const SurveyList = z.object({ items: z.array(SurveySummary), total: z.number().int() });

const LabelledSkill = z.object({ skill: z.string(), label: z.string() });

export const SurveyDetail = SurveySummary.extend({
  agreementSkills: z
    .array(LabelledSkill)
    .describe('Every skill of the agreement in force (offered as choices for "which skills")'),
  mySkills: z
    .array(
      LabelledSkill.extend({
        startRating: z.number().int().nullable(),
        endRating: z.number().int().nullable().describe('Once answered: my end self-rating'),
      }),
    )
    .describe('The agreement skills I learn: each gets an end self-rating, 1–5'),
  answers: z
    .object({
      learnedSkills: z.boolean(),
      skillsLearned: z.array(LabelledSkill),
      careerSteps: z.array(CareerStep),
      inspired: z.boolean(),
      recommend: z.number().int(),
      otherGave: z.string(),
      comment: z.string(),
    })
    .nullable()
    .describe('My own answers once given (null before); nobody else ever reads them'),
});

export const SurveyAnswers = z.object({
  learnedSkills: z.boolean(),
  skillsLearned: z
    .array(z.string().trim().min(1, schemaMessage('isRequired')).max(100))
    .max(50)
    .default([])
    .describe('Skill ids: from the agreement or the skills list'),
  endRatings: z
    .array(z.object({ skill: z.string().min(1).max(100), rating: z.number().int().min(1).max(5) }))
    .max(50)
    .default([])
    .describe('An end self-rating for agreement skills I learn'),
  careerSteps: z.array(CareerStep).max(4).default([]),
  inspired: z.boolean(),
  recommend: z.number().int().min(0).max(10).describe('Would recommend the programme, 0–10'),
  otherGave: z.string().trim().max(2000).default('').describe('What the other person gave me'),
  comment: z.string().trim().max(4000).default(''),
});
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;
