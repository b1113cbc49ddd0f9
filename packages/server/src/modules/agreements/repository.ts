import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agreementConfirmation,
  goalNote,
  person,
  profile,
  programme,
  relationshipAgreement,
  relationshipGoal,
  relationshipMentee,
  skillRating,
} from '../../db/schema.js';

export type AgreementRow = typeof relationshipAgreement.$inferSelect;
export type GoalRow = typeof relationshipGoal.$inferSelect;
export type GoalNoteRow = typeof goalNote.$inferSelect;
export type SkillRatingRow = typeof skillRating.$inferSelect;

// Agreement versions and confirmations ---------------------------------------------------------

/** Every version of a relationship's agreement, newest first. */
export async function listAgreementVersions(
  db: Db,
  organisationId: string,
  relationshipId: string,
): Promise<AgreementRow[]> {
  return db
    .select()
    .from(relationshipAgreement)
    .where(
      and(
        eq(relationshipAgreement.organisationId, organisationId),
        eq(relationshipAgreement.relationshipId, relationshipId),
      ),
    )
    .orderBy(desc(relationshipAgreement.version));
}

export async function listConfirmations(db: Db, agreementIds: string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .select()
    .from(agreementConfirmation)
    .where(inArray(agreementConfirmation.agreementId, agreementIds));
}

export async function insertAgreementVersion(
  db: Db,
  values: typeof relationshipAgreement.$inferInsert,
): Promise<AgreementRow> {
  const [row] = await db.insert(relationshipAgreement).values(values).returning();
  return row!;
}

/** Confirms a version; confirming twice keeps the first moment. */
export async function insertConfirmation(
  db: Db,
  agreementId: string,
  personId: string,
  confirmedAt: Date,
): Promise<void> {
  await db
    .insert(agreementConfirmation)
    .values({ agreementId, personId, confirmedAt })
    .onConflictDoNothing();
}

/** What the draft is filled from: the programme's cadence, each participant's profile. */
export async function findProgrammeCadence(
  db: Db,
  organisationId: string,
  programmeId: string,
): Promise<number | null> {
  const [row] = await db
    .select({ cadence: programme.checkInCadenceDays })
    .from(programme)
    .where(and(eq(programme.id, programmeId), eq(programme.organisationId, organisationId)));
  return row?.cadence ?? null;
}

export async function findProfiles(db: Db, organisationId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: profile.personId,
      offers: profile.offers,
      wants: profile.wants,
      meetingMode: profile.meetingMode,
    })
    .from(profile)
    .where(and(eq(profile.organisationId, organisationId), inArray(profile.personId, personIds)));
}

/** Display-name parts of people of the organisation (proposers, authors who may have left). */
export async function findNameParts(db: Db, organisationId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
    })
    .from(person)
    .where(and(eq(person.organisationId, organisationId), inArray(person.id, personIds)));
}

// Self-ratings -----------------------------------------------------------------------------------

export async function listRatings(db: Db, organisationId: string, relationshipId: string) {
  return db
    .select()
    .from(skillRating)
    .where(
      and(
        eq(skillRating.organisationId, organisationId),
        eq(skillRating.relationshipId, relationshipId),
      ),
    );
}

/** Sets a learner's rating of a skill for a phase (a later rating of the same phase replaces it). */
export async function upsertRating(db: Db, values: typeof skillRating.$inferInsert): Promise<void> {
  await db
    .insert(skillRating)
    .values(values)
    .onConflictDoUpdate({
      target: [
        skillRating.relationshipId,
        skillRating.personId,
        skillRating.skill,
        skillRating.phase,
      ],
      set: { rating: values.rating, ratedAt: values.ratedAt },
    });
}

// Goals and their progress notes -----------------------------------------------------------------

export async function listGoals(
  db: Db,
  organisationId: string,
  relationshipId: string,
): Promise<GoalRow[]> {
  return db
    .select()
    .from(relationshipGoal)
    .where(
      and(
        eq(relationshipGoal.organisationId, organisationId),
        eq(relationshipGoal.relationshipId, relationshipId),
      ),
    )
    .orderBy(asc(relationshipGoal.createdAt), asc(relationshipGoal.id));
}

export async function findGoal(
  db: Db,
  organisationId: string,
  relationshipId: string,
  goalId: string,
): Promise<GoalRow | null> {
  const [row] = await db
    .select()
    .from(relationshipGoal)
    .where(
      and(
        eq(relationshipGoal.id, goalId),
        eq(relationshipGoal.organisationId, organisationId),
        eq(relationshipGoal.relationshipId, relationshipId),
      ),
    );
  return row ?? null;
}

export async function insertGoal(
  db: Db,
  values: typeof relationshipGoal.$inferInsert,
): Promise<GoalRow> {
  const [row] = await db.insert(relationshipGoal).values(values).returning();
  return row!;
}

export async function updateGoal(
  db: Db,
  goalId: string,
  values: Partial<Pick<GoalRow, 'title' | 'status' | 'updatedAt'>>,
): Promise<void> {
  await db.update(relationshipGoal).set(values).where(eq(relationshipGoal.id, goalId));
}

export async function deleteGoal(db: Db, goalId: string): Promise<void> {
  await db.delete(relationshipGoal).where(eq(relationshipGoal.id, goalId));
}

export async function listGoalNotes(db: Db, goalIds: string[]): Promise<GoalNoteRow[]> {
  if (goalIds.length === 0) return [];
  return db
    .select()
    .from(goalNote)
    .where(inArray(goalNote.goalId, goalIds))
    .orderBy(asc(goalNote.createdAt), asc(goalNote.id));
}

export async function insertGoalNote(
  db: Db,
  values: typeof goalNote.$inferInsert,
): Promise<GoalNoteRow> {
  const [row] = await db.insert(goalNote).values(values).returning();
  return row!;
}

/** When each mentee joined (a group grows): who an older version needed. */
export async function findMenteeJoins(db: Db, relationshipId: string) {
  return db
    .select({ menteeId: relationshipMentee.menteeId, joinedAt: relationshipMentee.joinedAt })
    .from(relationshipMentee)
    .where(eq(relationshipMentee.relationshipId, relationshipId));
}
