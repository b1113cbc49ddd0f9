import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ProposalRun = Json<
  paths['/api/programmes/{id}/proposals/run']['post']['responses'][200]
>;
export type ProposalMode = ProposalRun['mode'];
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
