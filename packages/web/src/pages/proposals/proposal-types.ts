import type { Reason } from '../programmes/click-reasons';

// Built against the agreed contract of the proposals API; replace with the generated types
// (paths['/api/programmes/{id}/proposals/run'] …) once the server's OpenAPI document has them.

export type ProposalMode = 'optimal' | 'stable';

export interface PersonRef {
  id: string;
  name: string;
}

export interface PairRef {
  menteeId: string;
  mentorId: string;
}

export interface ProposalRun {
  runId: string;
  mode: ProposalMode;
  pairs: { mentee: PersonRef; mentor: PersonRef; score: number; strength: number; reasons: Reason[] }[];
  unmatched: { mentee: PersonRef; reason: string }[];
  totals: {
    mentees: number;
    mentors: number;
    matched: number;
    unmatched: number;
    averageStrength: number;
    totalScore: number;
    optimalScore: number;
    stableScore: number;
  };
  byTargetGroup: { group: string; matched: number; unmatched: number }[];
}

export type IntroductionResponse = 'pending' | 'accepted' | 'declined';

export interface Introduction {
  id: string;
  programme: { id: string; name: string };
  other: PersonRef;
  myRole: 'mentee' | 'mentor';
  reasons: Reason[];
  myResponse: IntroductionResponse | null;
  otherResponse: IntroductionResponse | null;
  status: string;
}

export const introductionsQueryKey = ['introductions'] as const;

export const pairKey = (pair: PairRef) => `${pair.menteeId}:${pair.mentorId}`;
