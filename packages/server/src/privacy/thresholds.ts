import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { organisation } from '../db/schema.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './anonymity.js';

/**
 * The feedback thresholds an organisation's admins chose (organisation.feedbackMinGroup and
 * feedbackMinComments). Callers pass the caller's own organisation id, so this never reads
 * another organisation's settings on someone's behalf; an unknown id gets the defaults.
 */
export async function loadThresholds(db: Db, organisationId: string): Promise<Thresholds> {
  const [row] = await db
    .select({
      minGroup: organisation.feedbackMinGroup,
      minComments: organisation.feedbackMinComments,
    })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  return row ?? { ...DEFAULT_THRESHOLDS };
}
