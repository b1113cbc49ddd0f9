import {
  assign,
  buildCandidatePairs,
  compareStableWithOptimal,
  derivePreferences,
  evaluatePair,
  findSuggestions,
  stable,
  type AssignmentInstance,
  type MatchIndex,
  type ScoreWeights,
} from '@klik/match';
import { requireMember, requireRole, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import type { ConflictRules } from '../../db/schema.js';
import { AppError, fieldErrors, notFound, type FieldProblem } from '../../errors.js';
import { message, terms } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locale.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { notify } from '../notifications/service.js';
import { findProgramme, type ProgrammeRow } from '../programmes/repository.js';
import { managerRoles } from '../programmes/service.js';
import { openRelationship } from '../relationships/service.js';
import { buildProgrammePool } from '../suggestions/pool.js';
import { totalsByTargetGroup, type TargetGroupTotal } from './group-totals.js';
import * as repo from './repository.js';

type PairRef = { menteeId: string; mentorId: string };

async function managedProgramme(db: Db, actor: Actor, id: string): Promise<ProgrammeRow> {
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await findProgramme(db, organisationId, id);
  if (!row) throw notFound('programme');
  return row;
}

/**
 * Suggestions of a few enrolled mentees under weights and conflict rules being edited, so the
 * designer shows how they change before anything is saved.
 */
export async function previewSuggestions(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: { weights?: Partial<ScoreWeights>; conflictRules?: ConflictRules; samples: number },
  locale: Locale,
) {
  const programme = await managedProgramme(db, actor, programmeId);
  const { pool, index } = await buildProgrammePool(db, {
    ...programme,
    weights: { ...programme.weights, ...input.weights },
    conflictRules: input.conflictRules ?? programme.conflictRules,
  });
  const mentees = pool.participants
    .filter((p) => p.eligibleAs?.includes('mentee'))
    .slice(0, input.samples);
  return {
    samples: mentees.map((m) => ({
      mentee: { id: m.id, name: m.name },
      suggestions: findSuggestions(index, {
        for: m.id,
        role: 'mentee',
        k: 3,
        diversity: false,
      }).suggestions.map((s) => ({
        personId: s.id,
        name: s.name,
        strength: s.strength,
        // Written for the manager reading the preview ("Anna can help Bram with …"), not for
        // the mentee ("Anna can help you …").
        reasons: describePair(index, m.id, s.id, locale).reasons.slice(0, 3),
      })),
    })),
  };
}

function describePair(index: MatchIndex, menteeId: string, mentorId: string, locale: Locale) {
  const evaluation = evaluatePair(index, menteeId, mentorId, {
    viewer: 'manager',
    checkCapacity: false,
  });
  if (!evaluation.allowed) return { strength: 0, reasons: [] };
  return {
    strength: evaluation.strength,
    reasons: evaluation.reasons
      .slice(0, 4)
      .map((r) => ({ code: r.code, text: r.sentence[locale] })),
  };
}

const unmatchedReason = {
  none: {
    nl: 'Geen mentor past binnen de regels van het programma (taal, rapportagelijn, eerdere koppeling).',
    en: 'No mentor fits the programme’s rules (language, reporting line, earlier pair).',
  },
  taken: {
    nl: 'De passende mentoren zijn vol of aan anderen gekoppeld.',
    en: 'The suitable mentors are full or matched to others.',
  },
};

/**
 * Runs the programme-wide matching over everyone enrolled and not yet matched: the exactly
 * optimal assignment (most mentees matched, then the highest total score) or the mentee-proposing
 * stable matching. Proposals only: nothing changes until the manager sends them and both accept.
 */
export async function runProposals(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: { mode: 'optimal' | 'stable'; pins: PairRef[]; forbids: PairRef[] },
  locale: Locale,
) {
  const programme = await managedProgramme(db, actor, programmeId);
  if (programme.status !== 'published')
    throw new AppError('unprocessable', message('publishFirst'));
  if (input.mode === 'stable' && input.pins.length > 0) {
    throw fieldErrors('unprocessable', [
      { field: 'body.pins', message: message('pinsOptimalOnly') },
    ]);
  }
  const { index, pool } = await buildProgrammePool(db, programme);
  // Mentees already matched or waiting on an open introduction are left out, and places that
  // mentors promised in open introductions are not offered twice.
  const { takenMentees, heldPlaces } = await repo.programmeCommitments(db, programmeId);
  const candidates = buildCandidatePairs(index, { k: 50 });
  const mentees = candidates.mentees.filter((m) => !takenMentees.has(m.id));
  const menteeIds = new Set(mentees.map((m) => m.id));
  const mentors = candidates.mentors
    .map((m) => ({ ...m, capacity: m.capacity - (heldPlaces.get(m.id) ?? 0) }))
    .filter((m) => m.capacity > 0);
  const mentorIds = new Set(mentors.map((m) => m.id));
  const forbidden = new Set(input.forbids.map((f) => `${f.menteeId}|${f.mentorId}`));
  const pairs = candidates.pairs.filter(
    (p) =>
      menteeIds.has(p.mentee) &&
      mentorIds.has(p.mentor) &&
      !forbidden.has(`${p.mentee}|${p.mentor}`),
  );
  const problems: FieldProblem[] = [];
  // Pins are checked together too: one mentee pinned twice, or more pins on a mentor than places,
  // would make the assignment impossible.
  const pinnedMentees = new Set<string>();
  const pinsOn = new Map<string, number>();
  const placesOf = new Map(mentors.map((m) => [m.id, m.capacity]));
  input.pins.forEach((pin, i) => {
    if (pinnedMentees.has(pin.menteeId)) {
      problems.push({ field: `body.pins.${i}`, message: message('pinMenteeTwice') });
      return;
    }
    pinnedMentees.add(pin.menteeId);
    const onMentor = (pinsOn.get(pin.mentorId) ?? 0) + 1;
    pinsOn.set(pin.mentorId, onMentor);
    const places = placesOf.get(pin.mentorId);
    if (places !== undefined && onMentor > places) {
      problems.push({
        field: `body.pins.${i}`,
        message: message('pinsOverCapacity', { capacity: places }),
      });
      return;
    }
    if (pairs.some((p) => p.mentee === pin.menteeId && p.mentor === pin.mentorId)) return;
    const evaluation =
      index.indexOf(pin.menteeId) >= 0 && index.indexOf(pin.mentorId) >= 0
        ? evaluatePair(index, pin.menteeId, pin.mentorId, { viewer: 'manager' })
        : null;
    if (!evaluation)
      problems.push({
        field: `body.pins.${i}`,
        message: message('pinNotEnrolled'),
      });
    else if (!evaluation.allowed)
      problems.push({
        field: `body.pins.${i}`,
        message: message('pinNotAllowed', { reason: evaluation.exclusion.sentence }),
      });
    else if (!menteeIds.has(pin.menteeId))
      problems.push({
        field: `body.pins.${i}`,
        message: message('pinMenteeTaken'),
      });
    else if (!mentorIds.has(pin.mentorId))
      problems.push({
        field: `body.pins.${i}`,
        message: message('pinMentorFull'),
      });
    else pairs.push({ mentee: pin.menteeId, mentor: pin.mentorId, score: evaluation.score });
  });
  if (problems.length > 0) throw fieldErrors('unprocessable', problems);
  const instance: AssignmentInstance = {
    mentees,
    mentors: mentors.map((m) =>
      m.group
        ? { id: m.id, capacity: m.capacity, group: true, minGroupSize: programme.groupMin }
        : { id: m.id, capacity: m.capacity },
    ),
    pairs,
    pins: input.pins.map((p) => ({ mentee: p.menteeId, mentor: p.mentorId })),
  };
  let chosen: { mentee: string; mentor: string; score: number }[];
  let optimalScore: number | null = null;
  let stableScore: number | null = null;
  if (input.mode === 'optimal') {
    const result = assign(instance);
    chosen = result.pairs;
    optimalScore = result.score;
    if (instance.pins!.length === 0 && pairs.length > 0)
      stableScore = compareStableWithOptimal(instance).stable.score;
  } else {
    const scoreOf = new Map(pairs.map((p) => [`${p.mentee}|${p.mentor}`, p.score]));
    const result = stable(derivePreferences({ ...instance, pins: [] }));
    chosen = result.pairs.map((p) => ({
      ...p,
      score: scoreOf.get(`${p.mentee}|${p.mentor}`) ?? 0,
    }));
    stableScore = chosen.reduce((sum, p) => sum + p.score, 0);
    if (pairs.length > 0)
      optimalScore = compareStableWithOptimal({ ...instance, pins: [] }).optimal.score;
  }
  const runId = await repo.insertRun(db, {
    programmeId,
    organisationId: programme.organisationId,
    mode: input.mode,
    pins: input.pins,
    forbids: input.forbids,
    pairs: chosen.map((p) => ({ menteeId: p.mentee, mentorId: p.mentor, score: p.score })),
    createdBy: actor.userId,
  });
  const nameOf = new Map(pool.participants.map((p) => [p.id, p.name]));
  const matched = new Set(chosen.map((p) => p.mentee));
  const withPairs = new Set(pairs.map((p) => p.mentee));
  const described = chosen.map((p) => ({
    mentee: { id: p.mentee, name: nameOf.get(p.mentee) ?? '' },
    mentor: { id: p.mentor, name: nameOf.get(p.mentor) ?? '' },
    score: p.score,
    ...describePair(index, p.mentee, p.mentor, locale),
  }));
  const candidatesOf = unmatchedCandidates(index, pairs, mentors, chosen, matched);
  const unmatched = mentees
    .filter((m) => !matched.has(m.id))
    .map((m) => ({
      mentee: { id: m.id, name: nameOf.get(m.id) ?? '' },
      reason: (withPairs.has(m.id) ? unmatchedReason.taken : unmatchedReason.none)[locale],
      candidates: (candidatesOf.get(m.id) ?? []).map((c) => ({
        mentor: { id: c.mentorId, name: nameOf.get(c.mentorId) ?? '' },
        strength: c.strength,
        placesLeft: c.placesLeft,
      })),
    }));
  return {
    runId,
    mode: input.mode,
    pairs: described,
    unmatched,
    totals: {
      mentees: mentees.length,
      mentors: mentors.length,
      matched: chosen.length,
      unmatched: unmatched.length,
      averageStrength: described.length
        ? Math.round(described.reduce((s, p) => s + p.strength, 0) / described.length)
        : 0,
      totalScore: chosen.reduce((s, p) => s + p.score, 0),
      optimalScore,
      stableScore,
    },
    byTargetGroup: await targetGroupTotals(
      db,
      programme,
      mentees.map((m) => m.id),
      matched,
    ),
  };
}

const candidatesPerMentee = 5;

/**
 * The mentors a manager may pin an unmatched mentee to: the best few of the pairs the run
 * already scored (allowed by every rule, mentor with a free place, not forbidden), so no pair is
 * evaluated twice. `placesLeft` counts the places this proposal leaves free; at 0, pinning moves
 * someone else.
 */
function unmatchedCandidates(
  index: MatchIndex,
  pairs: { mentee: string; mentor: string; score: number }[],
  mentors: { id: string; capacity: number }[],
  chosen: { mentor: string }[],
  matched: Set<string>,
) {
  const placesLeft = new Map(mentors.map((m) => [m.id, m.capacity]));
  for (const p of chosen) placesLeft.set(p.mentor, (placesLeft.get(p.mentor) ?? 1) - 1);
  const best = new Map<string, { mentor: string; score: number }[]>();
  for (const p of pairs) {
    if (matched.has(p.mentee)) continue;
    const list = best.get(p.mentee) ?? [];
    list.push(p);
    best.set(p.mentee, list);
  }
  const result = new Map<string, { mentorId: string; strength: number; placesLeft: number }[]>();
  for (const [menteeId, list] of best) {
    list.sort((a, b) => b.score - a.score || a.mentor.localeCompare(b.mentor));
    result.set(
      menteeId,
      list.slice(0, candidatesPerMentee).map((p) => ({
        mentorId: p.mentor,
        strength: index.maxScore === 0 ? 0 : Math.round((100 * p.score) / index.maxScore),
        placesLeft: Math.max(0, placesLeft.get(p.mentor) ?? 0),
      })),
    );
  }
  return result;
}

/**
 * Matched/unmatched per department, and — in a target-group programme — per consented gender and
 * age band; small sensitive groups are merged or left out (see `totalsByTargetGroup`).
 */
async function targetGroupTotals(
  db: Db,
  programme: ProgrammeRow,
  menteeIds: string[],
  matched: Set<string>,
): Promise<TargetGroupTotal[]> {
  if (menteeIds.length === 0) return [];
  const rows = await repo.findGroupingFacts(db, programme.organisationId, menteeIds);
  return totalsByTargetGroup(
    rows.map((r) => ({ ...r, isMatched: matched.has(r.id) })),
    { includeSensitive: programme.isTargetGroup },
  );
}

/** Turns a run into introductions that both people must accept. */
export async function sendProposals(
  deps: { db: Db; mailer: Mailer; baseUrl: string },
  actor: Actor,
  programmeId: string,
  runId: string,
) {
  const { db } = deps;
  const programme = await managedProgramme(db, actor, programmeId);
  const created = await db.transaction(async (tx) => {
    const run = await repo.lockRun(tx, programmeId, runId);
    if (!run) throw notFound('run');
    if (run.sentAt) throw new AppError('unprocessable', message('proposalsAlreadySent'));
    if ((await repo.findLatestRunId(tx, programmeId)) !== run.id)
      throw new AppError('unprocessable', message('newerRunExists'));
    await repo.markRunSent(tx, runId, new Date());
    const rows = await repo.insertIntroductions(
      tx,
      run.pairs.map((p) => ({
        programmeId,
        organisationId: programme.organisationId,
        runId,
        menteeId: p.menteeId,
        mentorId: p.mentorId,
        score: p.score,
      })),
    );
    await recordAudit(tx, {
      organisationId: programme.organisationId,
      actorUserId: actor.userId,
      action: 'proposals.sent',
      subjectType: 'programme',
      subjectId: programmeId,
      details: { runId, introductions: rows.length },
    });
    return rows;
  });
  const people = await repo.findPeopleCards(
    db,
    programme.organisationId,
    created.flatMap((i) => [i.menteeId, i.mentorId]),
  );
  for (const intro of created) {
    for (const [who, other] of [
      [intro.menteeId, intro.mentorId],
      [intro.mentorId, intro.menteeId],
    ] as const) {
      await notify(db, deps.mailer, deps.baseUrl, {
        personId: who,
        kind: 'introduction_proposed',
        payload: { with: people.get(other)?.name ?? '', programme: programme.name },
        link: '/introductions',
      });
    }
  }
  return { sent: created.length };
}

export async function listMyIntroductions(db: Db, actor: Actor, locale: Locale) {
  const { personId, organisationId } = requireMember(actor);
  const rows = await repo.findIntroductionsOf(db, organisationId, personId);
  const people = await repo.findPeopleCards(
    db,
    organisationId,
    rows.map(({ introduction: i }) => (i.mentorId === personId ? i.menteeId : i.mentorId)),
  );
  const result = [];
  const indexes = new Map<string, MatchIndex>();
  for (const { introduction: i, programmeName } of rows) {
    const myRole = i.mentorId === personId ? ('mentor' as const) : ('mentee' as const);
    const otherId = myRole === 'mentor' ? i.menteeId : i.mentorId;
    const other = people.get(otherId);
    let reasons: { code: string; text: string }[] = [];
    if (statusOf(i) === 'pending') {
      let index = indexes.get(i.programmeId);
      if (!index) {
        const programme = await findProgramme(db, organisationId, i.programmeId);
        if (programme) {
          index = (await buildProgrammePool(db, programme)).index;
          indexes.set(i.programmeId, index);
        }
      }
      if (index && index.indexOf(i.menteeId) >= 0 && index.indexOf(i.mentorId) >= 0) {
        const evaluation = evaluatePair(index, i.menteeId, i.mentorId, {
          viewer: myRole,
          checkCapacity: false,
        });
        if (evaluation.allowed)
          reasons = evaluation.reasons
            .slice(0, 4)
            .map((r) => ({ code: r.code, text: r.sentence[locale] }));
      }
    }
    result.push({
      id: i.id,
      programme: { id: i.programmeId, name: programmeName },
      other: {
        id: otherId,
        name: other?.name ?? '',
        jobTitle: other?.jobTitle ?? null,
      },
      myRole,
      reasons,
      myResponse: myRole === 'mentor' ? i.mentorResponse : i.menteeResponse,
      otherResponse: myRole === 'mentor' ? i.menteeResponse : i.mentorResponse,
      status: statusOf(i),
      relationshipId: i.relationshipId,
    });
  }
  return result;
}

/**
 * What became of the introductions sent in a programme, for its managers: each side's answer and
 * whether a relationship started. Introductions store no reason for declining, so none is shown.
 */
export async function listProgrammeIntroductions(db: Db, actor: Actor, programmeId: string) {
  const programme = await managedProgramme(db, actor, programmeId);
  const rows = await repo.findProgrammeIntroductions(db, programme.organisationId, programmeId);
  const counts = { total: rows.length, pending: 0, accepted: 0, declined: 0 };
  const items = rows.map((row) => {
    const status = statusOf(row);
    counts[status] += 1;
    return {
      id: row.id,
      mentee: { id: row.menteeId, name: `${row.menteeGivenName} ${row.menteeFamilyName}`.trim() },
      mentor: { id: row.mentorId, name: `${row.mentorGivenName} ${row.mentorFamilyName}`.trim() },
      menteeResponse: row.menteeResponse,
      mentorResponse: row.mentorResponse,
      status,
      hasRelationship: row.relationshipId !== null,
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { items, counts };
}

function statusOf(
  i: Pick<repo.IntroductionRow, 'menteeResponse' | 'mentorResponse'>,
): 'pending' | 'accepted' | 'declined' {
  if (i.menteeResponse === 'declined' || i.mentorResponse === 'declined') return 'declined';
  if (i.menteeResponse === 'accepted' && i.mentorResponse === 'accepted') return 'accepted';
  return 'pending';
}

/** One side answers; when both have accepted, the relationship opens. Declining has no consequence. */
export async function respondToIntroduction(
  deps: { db: Db; mailer: Mailer; baseUrl: string },
  actor: Actor,
  id: string,
  answer: 'accepted' | 'declined',
  locale: Locale,
) {
  const { personId, organisationId } = requireMember(actor);
  const opened = await deps.db.transaction(async (tx) => {
    const row = await repo.lockIntroductionOfParty(tx, organisationId, id, personId);
    if (!row) throw notFound('introduction');
    if (statusOf(row) !== 'pending')
      throw new AppError(
        'unprocessable',
        message('introductionAlready', { status: terms[statusOf(row)] }),
      );
    const field = row.mentorId === personId ? 'mentorResponse' : 'menteeResponse';
    const next = { ...row, [field]: answer };
    let relationshipId: string | null = null;
    if (statusOf(next) === 'accepted') {
      relationshipId = await openRelationship(tx, {
        organisationId,
        programmeId: row.programmeId,
        mentorId: row.mentorId,
        menteeId: row.menteeId,
      });
    }
    await repo.setIntroductionResponse(tx, id, field, answer, relationshipId);
    return relationshipId ? { relationshipId, row } : null;
  });
  if (opened) {
    const { menteeId, mentorId } = opened.row;
    const people = await repo.findPeopleCards(deps.db, organisationId, [menteeId, mentorId]);
    for (const [who, other] of [
      [menteeId, mentorId],
      [mentorId, menteeId],
    ] as const) {
      await notify(deps.db, deps.mailer, deps.baseUrl, {
        personId: who,
        kind: 'relationship_started',
        payload: { with: people.get(other)?.name ?? '' },
        link: '/mentoring',
      });
    }
  }
  const mine = await listMyIntroductions(deps.db, actor, locale);
  return mine.find((i) => i.id === id)!;
}
