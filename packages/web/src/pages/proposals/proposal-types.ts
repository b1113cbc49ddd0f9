import type { TFunction } from 'i18next';
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

export interface PersonRef {
  id: string;
  name: string;
}

export interface PairRef {
  menteeId: string;
  mentorId: string;
}

export const introductionsQueryKey = ['introductions'] as const;

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
    case 'other':
      return t('proposals.groups.other');
  }
}
