import { findSuggestions, type MeetingMode } from '@klik/match';
import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locale.js';
import { findEnrolment } from '../enrolments/repository.js';
import { findVisibleProgramme } from '../programmes/service.js';
import { buildProgrammePool } from './pool.js';
import * as repo from './repository.js';

export interface SuggestionQuery {
  k: number;
  language?: string;
  place?: string;
  meetingMode?: MeetingMode;
  skill?: string;
  search?: string;
}

/**
 * Ranked suggestions for the caller with reasons in their language. Mentees get mentors; in a
 * "mentors offer" programme, mentors get mentees. People excluded by the programme's rules never
 * appear, and nothing tells the caller who was excluded.
 */
export async function suggestForMe(
  db: Db,
  actor: Actor,
  programmeId: string,
  query: SuggestionQuery,
  locale: Locale,
) {
  const { personId, organisationId } = requireMember(actor);
  const programme = await findVisibleProgramme(db, actor, programmeId);
  const mine = await findEnrolment(db, programmeId, personId);
  if (!mine || !mine.isActive) {
    throw new AppError('unprocessable', message('enrolForSuggestions'));
  }
  const asMentor = programme.matchingMode === 'mentors_offer' && mine.role !== 'mentee';
  if (!asMentor && mine.role === 'mentor') {
    throw new AppError('unprocessable', message('menteesChoose'));
  }
  const { index } = await buildProgrammePool(db, programme);
  const result = findSuggestions(index, {
    for: personId,
    role: asMentor ? 'mentor' : 'mentee',
    k: query.k,
    filters: {
      language: query.language,
      place: query.place,
      meetingMode: query.meetingMode,
      skill: query.skill,
      search: query.search,
    },
    fullMentors: 'flag',
    includeExclusions: false,
    diversity: { salt: programmeId },
  });
  const details = await repo.findCardDetails(
    db,
    organisationId,
    result.suggestions.map((s) => s.id),
  );
  const detailOf = new Map(details.map((d) => [d.id, d]));
  const requested = await repo.findPendingRequestTargets(db, organisationId, programmeId, personId);
  return {
    role: asMentor ? ('mentor' as const) : ('mentee' as const),
    items: result.suggestions.map((s) => ({
      personId: s.id,
      name: s.name,
      jobTitle: detailOf.get(s.id)?.jobTitle ?? null,
      department: detailOf.get(s.id)?.department ?? null,
      location: detailOf.get(s.id)?.location ?? null,
      strength: s.strength,
      isFull: s.isFull,
      isGroup: s.isGroup,
      remainingCapacity: s.remainingCapacity,
      isRequested: requested.has(s.id),
      reasons: s.reasons.map((r) => ({
        code: r.code,
        text: r.sentence[locale],
        contribution: r.contribution,
      })),
    })),
  };
}
