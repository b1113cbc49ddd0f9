import type { Db } from '../../db/client.js';
import type { KeptReason } from '../../db/schema.js';
import { AppError, conflict } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import { findProgramme } from '../programmes/repository.js';
import * as repo from '../requests/repository.js';

/**
 * Opens a relationship (or adds the mentee to the mentor's group). The caller holds the
 * transaction. Both enrolment rows are locked first, so two accepts racing for a mentor's last
 * place, or two mentors accepting the same mentee, run one after the other and the second finds
 * the place or the mentee taken.
 */
export async function openRelationship(
  tx: Db,
  input: {
    organisationId: string;
    programmeId: string;
    mentorId: string;
    menteeId: string;
    /** Why the two clicked, kept on the mentee's row in both languages (`keptReasons`). */
    reasons?: KeptReason[];
    /** The pair's click strength (0–100) at acceptance. */
    strength?: number | null;
  },
): Promise<string> {
  const { mentor: mentorEnrolment, mentee: menteeEnrolment } = await repo.lockPairEnrolments(
    tx,
    input.programmeId,
    input,
  );
  const programme = await findProgramme(tx, input.organisationId, input.programmeId);
  if (!mentorEnrolment?.isActive || !programme) {
    throw new AppError('unprocessable', message('mentorLeft'));
  }
  // The roles are read from the locked rows: a role changed since the request or introduction
  // was made decides, not the role held then.
  if (mentorEnrolment.role !== 'mentor' && mentorEnrolment.role !== 'both') {
    throw new AppError('unprocessable', message('mentorNoLongerMentors'));
  }
  if (
    !menteeEnrolment?.isActive ||
    (menteeEnrolment.role !== 'mentee' && menteeEnrolment.role !== 'both')
  ) {
    throw new AppError('unprocessable', message('menteeLeft'));
  }
  const capacity = mentorEnrolment.capacity ?? programme.defaultCapacity;
  const taken = await repo.countActiveMentees(tx, input.programmeId, input.mentorId);
  if (taken >= capacity) {
    throw conflict(message('mentorFull'), [
      { field: 'capacity', message: message('placesTaken', { taken, capacity }) },
    ]);
  }
  if (await repo.hasActiveRelationshipAsMentee(tx, input.programmeId, input.menteeId)) {
    throw conflict(message('menteeHasMentor'));
  }
  const group = mentorEnrolment.offersGroup
    ? await repo.findActiveGroup(tx, input.programmeId, input.mentorId)
    : null;
  const relationshipId =
    group?.id ??
    (
      await repo.insertRelationship(tx, {
        programmeId: input.programmeId,
        organisationId: input.organisationId,
        mentorId: input.mentorId,
        isGroup: mentorEnrolment.offersGroup,
      })
    ).id;
  await repo.addMentee(tx, relationshipId, input.menteeId, {
    reasons: input.reasons,
    strength: input.strength,
  });
  return relationshipId;
}
