import { z } from 'zod';
import { periodPattern, plainDimensions } from '../feedback-results/keys.js';
import { OutcomeFigures } from '../feedback-results/schema.js';

export const DashboardParams = z.object({ programmeId: z.uuid() });

export const DashboardQuery = z.object({
  period: z
    .string()
    .regex(periodPattern)
    .default('all')
    .describe('The whole programme (all) or one calendar quarter (2026-Q3)'),
  by: z
    .enum(plainDimensions)
    .optional()
    .describe('Split the figures per group of this (non-sensitive) dimension'),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const Rate = z.number().min(0).max(1).nullable();

export const DashboardFigures = z.object({
  enrolled: z
    .object({
      mentee: z.number().int(),
      mentor: z.number().int(),
      both: z.number().int(),
      total: z.number().int(),
    })
    .describe('Active enrolments made in the period, per programme role'),
  matched: z
    .number()
    .int()
    .describe('Enrolled people whose first relationship in the programme started in the period'),
  matchRate: Rate.describe(
    'Of the people enrolled in the period, the share in a relationship (now); null: nobody enrolled',
  ),
  medianDaysToMatch: z
    .number()
    .nullable()
    .describe('Median days from enrolment to first match, for the people matched in the period'),
  pendingRequests: z
    .number()
    .int()
    .describe('Requests made in the period still waiting for an answer (not expired)'),
  pendingIntroductions: z
    .number()
    .int()
    .describe(
      'Introductions sent in the period that nobody declined and that are not accepted yet',
    ),
  relationships: z
    .object({
      active: z.number().int(),
      paused: z.number().int(),
      endedEarly: z.number().int(),
      completed: z.number().int(),
    })
    .describe('Relationships started in the period, by their status now'),
  meetingsPerRelationship: z
    .object({
      relationships: z.number().int().describe('Relationships running during the period'),
      mean: z.number().nullable(),
      median: z.number().nullable(),
    })
    .describe('Meetings held in the period per relationship running in it'),
  checkIns: z
    .object({ sent: z.number().int(), answered: z.number().int(), responseRate: Rate })
    .describe('Check-ins sent in the period, and how many of them were answered'),
});
export type DashboardFigures = z.infer<typeof DashboardFigures>;

export const DashboardResponse = z.object({
  programme: z.object({
    id: z.string(),
    name: z.string(),
    startsOn: z.string().nullable().describe('The first day the periods count from'),
  }),
  period: z.string(),
  periods: z
    .array(z.string())
    .describe('The quarters since the programme started, newest first (for the period filter)'),
  by: z.enum(plainDimensions).nullable(),
  figures: DashboardFigures,
  groups: z
    .array(
      z.object({
        value: z.string().nullable().describe('The group (null: not known)'),
        figures: DashboardFigures,
      }),
    )
    .describe(
      'The figures per group of `by` (empty without it). A relationship, request or introduction counts in the group of each of its people',
    ),
  healthListSize: z
    .number()
    .int()
    .describe('Relationships that may need help now (the health list), whatever the period'),
  outcomes: OutcomeFigures.describe(
    'The outcome survey’s figures for the period, per group where the anonymity rules allow',
  ),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
