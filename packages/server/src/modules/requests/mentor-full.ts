import type { Db } from '../../db/client.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { findEnrolment } from '../enrolments/repository.js';
import { notify } from '../notifications/service.js';
import type { ProgrammeRow } from '../programmes/repository.js';
import * as repo from './repository.js';

export const MENTOR_FULL = 'mentor_full';

/**
 * After an accept (a request or an introduction) inside its transaction: when it took the
 * mentor's last place in the programme, the mentor's other pending requests there can only fail,
 * so they are closed as 'mentor_full' and each mentee is told at once, with a link to the
 * programme's suggestions to ask someone else. Call `repo.lockPendingOfMentor` before opening
 * the relationship, so the rows closed here were locked in the accept's lock order.
 *
 * Open introductions to the mentor are left as they are: the manager's run holds a place for
 * each of them, so they cannot be what fills the mentor, and an introduction has no closed state
 * (marking it declined would bar the pair from later runs, a decline nobody made).
 *
 * Returns the ids of the requests closed.
 */
export async function closeRequestsIfMentorFull(
  tx: Db,
  deps: { mailer: Mailer; baseUrl: string; now: Date },
  programme: ProgrammeRow,
  mentor: { id: string; name: string },
): Promise<string[]> {
  const enrolment = await findEnrolment(tx, programme.id, mentor.id);
  if (!enrolment) return [];
  const capacity = enrolment.capacity ?? programme.defaultCapacity;
  const taken = await repo.countActiveMentees(tx, programme.id, mentor.id);
  if (taken < capacity) return [];
  const closed = await repo.closePendingOfMentor(tx, programme.id, mentor.id, {
    closedReason: MENTOR_FULL,
    respondedAt: deps.now,
  });
  for (const request of closed) {
    await recordAudit(tx, {
      organisationId: request.organisationId,
      actorUserId: null,
      action: 'request.closed',
      subjectType: 'request',
      subjectId: request.id,
      details: { reason: MENTOR_FULL },
    });
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId: request.menteeId,
      kind: 'request_closed_mentor_full',
      payload: { mentor: mentor.name, programme: programme.name },
      link: `/programmes/${programme.id}/suggestions`,
    });
  }
  return closed.map((r) => r.id);
}
