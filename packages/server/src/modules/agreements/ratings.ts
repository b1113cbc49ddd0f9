import type { Actor } from '../../auth/actor.js';
import { AppError, fieldErrors } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import { listSkills } from '../enrolments/service.js';
import { isOpen, requireParticipant } from '../relationships/access.js';
import type { Deps } from './deps.js';
import * as repo from './repository.js';
import type { RatingsState } from './schema.js';
import { applyingVersion, loadAgreement } from './service.js';

/**
 * The self-ratings for the skills of the agreement in force. A learner's ratings are theirs: the
 * others see that a rating was given, never its value.
 */
export async function getRatings(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
): Promise<RatingsState> {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  const { organisationId } = access.relationship;
  const agreement = applyingVersion(await loadAgreement(deps.db, access));
  const ratings = await repo.listRatings(deps.db, organisationId, relationshipId);
  const labels = new Map(
    (await listSkills(deps.db, organisationId)).items.map((s) => [s.id, s[deps.locale]]),
  );
  const names = new Map(access.participants.map((p) => [p.personId, p.name]));
  const me = access.me.personId;
  const items = (agreement?.skills ?? []).map(({ skill, learnerId }) => {
    const of = (phase: 'start' | 'end') =>
      ratings.find((r) => r.skill === skill && r.personId === learnerId && r.phase === phase);
    const isMine = learnerId === me;
    return {
      skill,
      label: labels.get(skill) ?? skill,
      learner: { id: learnerId, name: names.get(learnerId) ?? '' },
      isMine,
      start: isMine ? (of('start')?.rating ?? null) : null,
      end: isMine ? (of('end')?.rating ?? null) : null,
      hasStart: of('start') !== undefined,
      hasEnd: of('end') !== undefined,
    };
  });
  return { items, canRateStart: isOpen(access), canRateEnd: true };
}

/**
 * The learner rates themselves on a skill of the agreement, 1–5, at the start (while the
 * relationship runs) or at the end (also after it ended or completed: that is when it is asked).
 */
export async function rateSkill(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  input: { skill: string; phase: 'start' | 'end'; rating: number },
): Promise<RatingsState> {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  const agreement = applyingVersion(await loadAgreement(deps.db, access));
  const entries = (agreement?.skills ?? []).filter((s) => s.skill === input.skill);
  if (entries.length === 0)
    throw fieldErrors('unprocessable', [
      { field: 'body.skill', message: message('notAgreedSkill') },
    ]);
  if (!entries.some((s) => s.learnerId === access.me.personId)) {
    throw new AppError('forbidden', message('onlyLearnerRates'));
  }
  if (input.phase === 'start' && !isOpen(access)) {
    throw fieldErrors('unprocessable', [
      { field: 'body.phase', message: message('startRatingWhileOpen') },
    ]);
  }
  await repo.upsertRating(deps.db, {
    relationshipId,
    organisationId: access.relationship.organisationId,
    programmeId: access.relationship.programmeId,
    personId: access.me.personId,
    skill: input.skill,
    phase: input.phase,
    rating: input.rating,
    ratedAt: deps.now(),
  });
  return getRatings(deps, actor, relationshipId);
}
