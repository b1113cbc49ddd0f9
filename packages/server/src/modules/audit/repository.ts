import type { Db } from '../../db/client.js';
import { auditEvent } from '../../db/schema.js';

export interface AuditInput {
  organisationId: string | null;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details?: Record<string, unknown>;
}

/** Who did what to whose data, when. Written in the same transaction as the change. */
export async function recordAudit(db: Db, event: AuditInput): Promise<void> {
  await db.insert(auditEvent).values({ ...event, details: event.details ?? null });
}
