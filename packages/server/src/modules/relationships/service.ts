import type { Db } from '../../db/client.js';
import { AppError, conflict } from '../../errors.js';
import { findProgramme } from '../programmes/repository.js';
import * as repo from '../requests/repository.js';

/**
 * Opens a relationship (or adds the mentee to the mentor's group). The caller holds the
 * transaction. The mentor's enrolment row is locked first, so two accepts racing for the last
 * place run one after the other and the second finds the mentor full.
 */
export async function openRelationship(
  tx: Db,
  input: { organisationId: string; programmeId: string; mentorId: string; menteeId: string },
): Promise<string> {
  const mentorEnrolment = await repo.lockMentorEnrolment(tx, input.programmeId, input.mentorId);
  const programme = await findProgramme(tx, input.organisationId, input.programmeId);
  if (!mentorEnrolment?.isActive || !programme) {
    throw new AppError('unprocessable', 'The mentor has left the programme');
  }
  const capacity = mentorEnrolment.capacity ?? programme.defaultCapacity;
  const taken = await repo.countActiveMentees(tx, input.programmeId, input.mentorId);
  if (taken >= capacity) {
    throw conflict('The mentor has no free place left', [
      { field: 'capacity', message: `${taken} of ${capacity} places taken` },
    ]);
  }
  if (await repo.hasActiveRelationshipAsMentee(tx, input.programmeId, input.menteeId)) {
    throw conflict('This mentee already has a mentor in this programme');
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
  await repo.addMentee(tx, relationshipId, input.menteeId);
  return relationshipId;
}
