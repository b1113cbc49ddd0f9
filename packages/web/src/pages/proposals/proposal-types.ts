import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type { paths } from '../../api/schema';
import { ageBandLabel } from '../programmes/programme-types';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ProposalRun = Json<
  paths['/api/programmes/{id}/proposals/run']['post']['responses'][200]
>;
export type ProposalMode = ProposalRun['mode'];
export type TargetGroupTotal = ProposalRun['byTargetGroup'][number];
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

export const pairKey = (pair: PairRef) => `${pair.menteeId}:${pair.mentorId}`;

/** A row of the per-group totals in words: "Afdeling: Klantenservice", "Leeftijd: 25–34". */
export function targetGroupLabel(group: TargetGroupTotal, t: TFunction): string {
  switch (group.kind) {
    case 'department':
      return group.value === null
        ? t('proposals.groups.noDepartment')
        : t('proposals.groups.department', { value: group.value });
    case 'gender':
      // Gender is typed by the participant, so it is shown as written.
      return t('proposals.groups.gender', { value: group.value ?? '' });
    case 'ageBand':
      return t('proposals.groups.ageBand', { value: ageBandLabel(group.value ?? '', t) });
  }
}

/** A count in the per-group totals; null means 1–4 people, too few to show. */
export function groupCount(count: number | null, t: TFunction): string {
  return count === null ? t('proposals.groups.fewerThanFive') : String(count);
}

/**
 * The server refuses a pin as `body.pins.N`; this finds the mentee of each refused pin among the
 * pins that were sent, so the message can stand next to that mentee's control.
 */
export function pinProblemsByMentee(error: unknown, sentPins: PairRef[]): Map<string, string> {
  const problems = new Map<string, string>();
  if (!(error instanceof ApiError)) return problems;
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    const match = /^pins\.(\d+)$/.exec(field);
    const pin = match ? sentPins[Number(match[1])] : undefined;
    if (pin) problems.set(pin.menteeId, message);
  }
  return problems;
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
