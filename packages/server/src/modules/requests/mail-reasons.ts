import { evaluatePair, type MatchIndex } from '@klik/match';
import type { Db } from '../../db/client.js';
import type { Locale } from '../../i18n/locale.js';
import { findProgramme } from '../programmes/repository.js';
import { buildProgrammePool } from '../suggestions/pool.js';

/** Lines for a mail, written when the mail is rendered in its recipient's language. */
export type ReasonLines = (locale: Locale) => string[];

const none: ReasonLines = () => [];

/**
 * Why a pair could click, as one side sees it — evaluated the way the request page
 * (`getRequest`) and the introductions page do, so the mail says what the page says — for the
 * mail's detail lines. A pair the rules no longer allow gets no lines.
 */
export function reasonLines(
  index: MatchIndex,
  pair: { menteeId: string; mentorId: string },
  viewer: 'mentor' | 'mentee',
  limit = 5,
): ReasonLines {
  if (index.indexOf(pair.menteeId) < 0 || index.indexOf(pair.mentorId) < 0) return none;
  const evaluation = evaluatePair(index, pair.menteeId, pair.mentorId, {
    viewer,
    checkCapacity: false,
  });
  if (!evaluation.allowed) return none;
  const reasons = evaluation.reasons.slice(0, limit);
  return (locale) => reasons.map((r) => r.sentence[locale]);
}

/** `reasonLines` for a request outside a request's own flow (the reminder job). */
export async function loadReasonLines(
  db: Db,
  request: { organisationId: string; programmeId: string; menteeId: string; mentorId: string },
  viewer: 'mentor' | 'mentee',
  now: Date,
): Promise<ReasonLines> {
  const programme = await findProgramme(db, request.organisationId, request.programmeId);
  if (!programme) return none;
  const { index } = await buildProgrammePool(db, programme, now);
  return reasonLines(index, request, viewer);
}
