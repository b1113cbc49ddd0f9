import { findSuggestions, type MeetingMode } from '@klik/match';
import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locale.js';
import { displayName } from '../people/display-name.js';
import { findVisibleProgramme, isManager } from '../programmes/service.js';
import { loadForViewer, loadProgrammePool } from './pool.js';
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
 * Why the caller cannot send a request (or an offer) from their suggestions right now; the page
 * says so instead of showing buttons that can only fail.
 * - `has_mentor`: they already have the mentor the programme allows (an active relationship as
 *   mentee): `name` is the mentor, `relationshipId` their mentoring space; no suggestions are listed.
 * - `waiting_for_answer`: a request of theirs as mentee waits for an answer (`requestId`, `name`).
 * - `offer_to_answer`: a mentor offered to mentor them; they answer that first.
 * - `no_free_place`: a mentor (where mentors offer) whose places are all taken.
 * - `mentors_offer`: mentors make the offers in this programme; mentees wait for one.
 * - `manager_proposes`: the programme manager proposes introductions.
 * - `not_running`: the programme is not published (closed).
 */
export type RequestBlockReason =
  | 'has_mentor'
  | 'waiting_for_answer'
  | 'offer_to_answer'
  | 'no_free_place'
  | 'mentors_offer'
  | 'manager_proposes'
  | 'not_running';

export interface RequestBlock {
  reason: RequestBlockReason;
  name: string | null;
  relationshipId: string | null;
  requestId: string | null;
}

const block = (
  reason: RequestBlockReason,
  fact?: repo.ViewerFact,
  ids: { relationshipId?: string; requestId?: string } = {},
): RequestBlock => ({
  reason,
  name: fact ? displayName(fact) : null,
  relationshipId: ids.relationshipId ?? null,
  requestId: ids.requestId ?? null,
});

/**
 * Ranked suggestions for the caller with reasons in their language. Mentees get mentors; in a
 * "mentors offer" programme, mentors get mentees. People excluded by the programme's rules never
 * appear, and nothing tells the caller who was excluded. Someone who declined the caller in this
 * programme (a request of theirs, or an introduction) is not suggested to them again.
 *
 * One statement on a warm pool: the programme with the caller's enrolment and the pool's
 * fingerprint. The pool and what concerns the caller (`findViewerFacts`) are read again only when
 * the fingerprint changed (see `loadProgrammePool`).
 */
export async function suggestForMe(
  db: Db,
  actor: Actor,
  programmeId: string,
  query: SuggestionQuery,
  locale: Locale,
  now: Date = new Date(),
) {
  const { personId, organisationId } = requireMember(actor);
  const found = await repo.findProgrammeForSuggestions(db, organisationId, programmeId, personId);
  if (!found || (found.programme.status === 'draft' && !isManager(actor))) {
    throw notFound('programme');
  }
  const { programme, enrolment: mine, fingerprint } = found;
  if (!mine || !mine.isActive) {
    // Someone who may not see the programme gets the same 404 as everywhere else.
    if (!mine) await findVisibleProgramme(db, actor, programmeId);
    throw new AppError('unprocessable', message('enrolForSuggestions'));
  }
  const asMentor = programme.matchingMode === 'mentors_offer' && mine.role !== 'mentee';
  if (!asMentor && mine.role === 'mentor') {
    throw new AppError('unprocessable', message('menteesChoose'));
  }
  const role = asMentor ? ('mentor' as const) : ('mentee' as const);
  const cached = loadProgrammePool(db, programme, fingerprint, now);
  const facts = await loadForViewer(cached, personId, () =>
    repo.findViewerFacts(db, organisationId, programmeId, personId),
  );
  const factOf = (kind: repo.ViewerFactKind) =>
    facts.find((f) => f.kind === kind && (asMentor || f.menteeId === personId));

  const mentor = asMentor ? undefined : factOf('mentor');
  if (mentor) {
    // Nothing to ask for here: the page points to the mentoring space instead.
    return {
      role,
      requestBlock: block('has_mentor', mentor, { relationshipId: mentor.id }),
      items: [],
    };
  }

  const { index, cards } = await cached.pool;
  const asked = facts.filter((f) => f.kind === 'asked');
  const declinedBy = new Set(
    facts
      .filter((f) => f.kind === 'declined_request' || f.kind === 'declined_introduction')
      .map((f) => f.otherId),
  );
  const requestBlock = ((): RequestBlock | null => {
    if (programme.status !== 'published') return block('not_running');
    if (programme.matchingMode === 'manager_proposes') return block('manager_proposes');
    if (!asMentor) {
      const waiting = asked.find((f) => f.menteeId === personId);
      if (waiting) return block('waiting_for_answer', waiting, { requestId: waiting.id });
      const offer = factOf('offered');
      if (offer) return block('offer_to_answer', offer, { requestId: offer.id });
      if (programme.matchingMode === 'mentors_offer') return block('mentors_offer');
    } else {
      const me = index.indexOf(personId);
      if (me >= 0 && (index.remaining[me] ?? 0) <= 0) return block('no_free_place');
    }
    return null;
  })();

  // Ask for as many more as may be left out, then leave out whoever declined the caller.
  const result = findSuggestions(index, {
    for: personId,
    role,
    k: Math.min(query.k + declinedBy.size, 1000),
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
  const requested = new Set(asked.map((f) => f.otherId));
  return {
    role,
    requestBlock,
    items: result.suggestions
      .filter((s) => !declinedBy.has(s.id))
      .slice(0, query.k)
      .map((s) => ({
        personId: s.id,
        name: s.name,
        jobTitle: cards.get(s.id)?.jobTitle ?? null,
        department: cards.get(s.id)?.department ?? null,
        location: cards.get(s.id)?.location ?? null,
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
