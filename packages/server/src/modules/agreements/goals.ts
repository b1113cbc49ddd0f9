import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import { displayName } from '../people/display-name.js';
import { isOpen, requireParticipant, type RelationshipAccess } from '../relationships/access.js';
import { requireOpen, type Deps } from './deps.js';
import * as repo from './repository.js';
import type { Goal } from './schema.js';

async function describeGoals(
  db: Db,
  access: RelationshipAccess,
  goals: repo.GoalRow[],
): Promise<Goal[]> {
  const notes = await repo.listGoalNotes(
    db,
    goals.map((g) => g.id),
  );
  const names = new Map(access.participants.map((p) => [p.personId, p.name]));
  const missing = [
    ...new Set([...goals.map((g) => g.createdBy), ...notes.map((n) => n.authorPersonId)]),
  ].filter((id) => !names.has(id));
  for (const row of await repo.findNameParts(db, access.relationship.organisationId, missing)) {
    names.set(row.id, displayName(row));
  }
  const ref = (id: string) => ({ id, name: names.get(id) ?? '' });
  const me = access.me.personId;
  return goals.map((g) => ({
    id: g.id,
    title: g.title,
    status: g.status,
    createdBy: ref(g.createdBy),
    isMine: g.createdBy === me,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
    notes: notes
      .filter((n) => n.goalId === g.id)
      .map((n) => ({
        id: n.id,
        author: ref(n.authorPersonId),
        isMine: n.authorPersonId === me,
        body: n.body,
        createdAt: n.createdAt.toISOString(),
      })),
  }));
}

async function describeGoal(db: Db, access: RelationshipAccess, goalId: string): Promise<Goal> {
  const row = await repo.findGoal(
    db,
    access.relationship.organisationId,
    access.relationship.id,
    goalId,
  );
  if (!row) throw notFound('goal');
  const [goal] = await describeGoals(db, access, [row]);
  return goal!;
}

export async function listGoals(deps: Deps, actor: Actor, relationshipId: string) {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  const rows = await repo.listGoals(deps.db, access.relationship.organisationId, relationshipId);
  return { items: await describeGoals(deps.db, access, rows), canChange: isOpen(access) };
}

export async function addGoal(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  input: { title: string },
) {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  requireOpen(access);
  const now = deps.now();
  const row = await repo.insertGoal(deps.db, {
    relationshipId,
    organisationId: access.relationship.organisationId,
    title: input.title,
    createdBy: access.me.personId,
    createdAt: now,
    updatedAt: now,
  });
  return describeGoal(deps.db, access, row.id);
}

/** Any participant may rename a goal or move its status: the goals are the relationship's. */
export async function changeGoal(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  goalId: string,
  input: { title?: string; status?: Goal['status'] },
) {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  const goal = await describeGoal(deps.db, access, goalId);
  requireOpen(access);
  if (input.title === undefined && input.status === undefined) return goal;
  await repo.updateGoal(deps.db, goalId, {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.status === undefined ? {} : { status: input.status }),
    updatedAt: deps.now(),
  });
  return describeGoal(deps.db, access, goalId);
}

/** Only the person who added a goal deletes it (with its progress notes). */
export async function deleteGoal(deps: Deps, actor: Actor, relationshipId: string, goalId: string) {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  const goal = await describeGoal(deps.db, access, goalId);
  requireOpen(access);
  if (!goal.isMine) throw new AppError('forbidden', message('onlyGoalCreatorDeletes'));
  await repo.deleteGoal(deps.db, goalId);
}

/** A progress note on a goal, seen by every participant. */
export async function addGoalNote(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  goalId: string,
  input: { body: string },
) {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  await describeGoal(deps.db, access, goalId);
  requireOpen(access);
  await repo.insertGoalNote(deps.db, {
    goalId,
    authorPersonId: access.me.personId,
    body: input.body,
    createdAt: deps.now(),
  });
  return describeGoal(deps.db, access, goalId);
}
