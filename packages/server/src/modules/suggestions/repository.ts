import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mentoringRequest, person } from '../../db/schema.js';

/** What a suggestion card shows besides the engine's view: title, department, location. */
export async function findCardDetails(db: Db, organisationId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: person.id,
      jobTitle: person.jobTitle,
      location: person.location,
      department: person.department,
    })
    .from(person)
    .where(and(eq(person.organisationId, organisationId), inArray(person.id, personIds)));
}

/** The people someone has a pending request out to, in one programme. */
export async function findPendingRequestTargets(
  db: Db,
  organisationId: string,
  programmeId: string,
  fromPersonId: string,
): Promise<Set<string>> {
  const rows = await db
    .select({ to: mentoringRequest.toPersonId })
    .from(mentoringRequest)
    .where(
      and(
        eq(mentoringRequest.organisationId, organisationId),
        eq(mentoringRequest.programmeId, programmeId),
        eq(mentoringRequest.fromPersonId, fromPersonId),
        eq(mentoringRequest.status, 'pending'),
      ),
    );
  return new Set(rows.map((row) => row.to));
}
