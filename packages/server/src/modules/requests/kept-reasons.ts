import { evaluatePair } from '@klik/match';
import type { Db } from '../../db/client.js';
import type { KeptReason } from '../../db/schema.js';
import type { ProgrammeRow } from '../programmes/repository.js';
import { buildProgrammePool } from '../suggestions/pool.js';

/** How many reasons a relationship keeps (the request page shows as many). */
const KEPT_REASONS = 5;

/**
 * Why a mentee and a mentor clicked, evaluated as the request page does, to keep on the
 * relationship at the moment of acceptance. Both languages are kept so that each reader sees
 * them in their own. The sentences are written in the third person ("Anna can help Bram with
 * …"): the same stored words are read by the mentor, the mentee and, in a group, the others.
 * A pair the rules no longer allow keeps no reasons (strength null); accepting is not refused
 * for that here — opening the relationship checks what must hold.
 */
export async function keptReasons(
  db: Db,
  programme: ProgrammeRow,
  pair: { menteeId: string; mentorId: string },
  now: Date,
): Promise<{ reasons: KeptReason[]; strength: number | null }> {
  const { index } = await buildProgrammePool(db, programme, now);
  if (index.indexOf(pair.menteeId) < 0 || index.indexOf(pair.mentorId) < 0) {
    return { reasons: [], strength: null };
  }
  const evaluation = evaluatePair(index, pair.menteeId, pair.mentorId, {
    viewer: 'manager',
    checkCapacity: false,
  });
  if (!evaluation.allowed) return { reasons: [], strength: null };
  return {
    strength: evaluation.strength,
    reasons: evaluation.reasons.slice(0, KEPT_REASONS).map((r) => ({
      code: r.code,
      nl: r.sentence.nl,
      en: r.sentence.en,
    })),
  };
}
