import type { TFunction } from 'i18next';
import type { paths } from '../../api/schema';
import { formatDate } from '../programmes/programme-types';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ProposalRun = Json<
  paths['/api/programmes/{id}/proposals/run']['post']['responses'][200]
>;
export type ProposalMode = ProposalRun['mode'];
export type DepartmentTotal = ProposalRun['byTargetGroup'][number];
export type PairRule = Json<
  paths['/api/programmes/{id}/pair-rules']['get']['responses'][200]
>['items'][number];
export type Introduction = Json<
  paths['/api/introductions']['get']['responses'][200]
>['items'][number];
export type IntroductionResponse = Introduction['myResponse'];
export type UnmatchedMentee = ProposalRun['unmatched'][number];
export type PinCandidate = UnmatchedMentee['candidates'][number];
export type ProgrammeIntroductions = Json<
  paths['/api/programmes/{id}/introductions']['get']['responses'][200]
>;
export type SentIntroduction = ProgrammeIntroductions['items'][number];

export interface PersonRef {
  id: string;
  name: string;
}

export interface PairRef {
  menteeId: string;
  mentorId: string;
}

export const introductionsQueryKey = ['introductions'] as const;
export const sentIntroductionsQueryKey = (programmeId: string) =>
  ['programmes', programmeId, 'introductions'] as const;
export const pairRulesQueryKey = (programmeId: string) =>
  ['programmes', programmeId, 'pair-rules'] as const;

export const pairKey = (pair: PairRef) => `${pair.menteeId}:${pair.mentorId}`;

/** A department row of the totals: its name, or "not set". */
export function departmentLabel(group: DepartmentTotal, t: TFunction): string {
  return group.value === null ? t('proposals.noDepartment') : group.value;
}

/**
 * Why mentees were left without a pair, as sentences with their counts ("3 because every
 * suitable mentor is forbidden"), reasons with nobody left out.
 */
export function unmatchedReasons(totals: ProposalRun['totals'], t: TFunction): string[] {
  return unmatchedReasonCodes
    .filter((code) => totals.unmatchedBecause[code] > 0)
    .map((code) => t(`proposals.totals.why.${code}`, { count: totals.unmatchedBecause[code] }));
}

const unmatchedReasonCodes = [
  'noAllowedMentor',
  'mentorsTaken',
  'forbidden',
  'declinedEarlier',
  'forbiddenOrDeclined',
] as const satisfies readonly UnmatchedMentee['reasonCode'][];

/** Who set a saved pin or forbid, and when: "door Sanne de Vries, 2 dec. 2026". */
export function pairRuleOrigin(rule: PairRule, t: TFunction, locale: string): string {
  const date = formatDate(rule.createdAt, locale);
  return rule.createdBy
    ? t('proposals.rules.setBy', { name: rule.createdBy.name, date })
    : t('proposals.rules.setOn', { date });
}

/**
 * The saved pins a run could not use, by mentee, so each problem can stand next to that
 * mentee's control.
 */
export function ignoredPinsByMentee(run: ProposalRun | undefined): Map<string, string> {
  return new Map((run?.ignoredPins ?? []).map((p) => [p.mentee.id, p.problem]));
}

/** A mentor an unmatched mentee may be pinned to, as an option: "Anna de Vries · 72% klik". */
export function pinCandidateLabel(candidate: PinCandidate, t: TFunction): string {
  const values = { name: candidate.mentor.name, strength: candidate.strength };
  return candidate.placesLeft > 0
    ? t('proposals.pinUnmatched.option', values)
    : t('proposals.pinUnmatched.optionFull', values);
}

/** Where a sent introduction stands; accepted by both means a relationship started. */
export function sentIntroductionStatus(item: SentIntroduction, t: TFunction): string {
  switch (item.status) {
    case 'pending':
      return t('proposals.sentIntroductions.statuses.pending');
    case 'accepted':
      return item.hasRelationship
        ? t('proposals.sentIntroductions.statuses.started')
        : t('proposals.sentIntroductions.statuses.accepted');
    case 'declined':
      return t('proposals.sentIntroductions.statuses.declined');
  }
}
