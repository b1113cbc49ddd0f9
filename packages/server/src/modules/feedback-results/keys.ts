import { sql, type SQL } from 'drizzle-orm';
import type { GroupDimension } from '../../privacy/anonymity.js';

/**
 * Shared vocabulary of the feedback figures (issue 10): the keys a "you said, we did" links to,
 * the period and group filters of the results and the dashboard, and the SQL that puts a person
 * into a group. Owned by the results module; the dashboard and feedback actions import it.
 */

/** Outcome-survey figures a "you said, we did" can answer. */
export const outcomeKeys = [
  'learned_skills',
  'career_step',
  'inspired',
  'recommend',
  'self_rating',
] as const;
export type OutcomeKey = (typeof outcomeKeys)[number];

/** A result a feedback action answers: `checkin:<questionId>` or `outcome:<OutcomeKey>`. */
export type ResultKey = `checkin:${string}` | `outcome:${OutcomeKey}`;

export function isResultKey(value: string): value is ResultKey {
  if (value.startsWith('checkin:')) return /^checkin:[a-z0-9_-]{1,64}$/i.test(value);
  if (value.startsWith('outcome:'))
    return (outcomeKeys as readonly string[]).includes(value.slice('outcome:'.length));
  return false;
}

/** The period filter: the whole programme, or one calendar quarter (`2026-Q3`). */
export type Period = 'all' | `${number}-Q${1 | 2 | 3 | 4}`;
export const periodPattern = /^(all|\d{4}-Q[1-4])$/;

/** [from, to) of a quarter, or null for the whole programme. */
export function periodRange(period: Period): { from: Date; to: Date } | null {
  if (period === 'all') return null;
  const [year, q] = period.split('-Q').map(Number) as [number, number];
  return {
    from: new Date(Date.UTC(year, (q - 1) * 3, 1)),
    to: new Date(Date.UTC(year, q * 3, 1)),
  };
}

/** Job levels in bands, so a band is a group of people rather than one grade: 1–3, 4–6, 7–9, 10+. */
export const jobLevelBands = ['1-3', '4-6', '7-9', '10+'] as const;

export function jobLevelBandSql(jobLevel: SQL | unknown): SQL {
  return sql`case when ${jobLevel} is null then null
    when ${jobLevel} <= 3 then '1-3' when ${jobLevel} <= 6 then '4-6'
    when ${jobLevel} <= 9 then '7-9' else '10+' end`;
}

/** Dimensions that are not sensitive (the dashboard's operational figures may use only these). */
export const plainDimensions = [
  'department',
  'location',
  'role',
  'jobLevelBand',
] as const satisfies readonly GroupDimension[];
