import {
  assign,
  buildCandidatePairs,
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
import { message, renderMessage, terms, type Message } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locale.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { notify } from '../notifications/service.js';
import {
  findProgramme,
  findProgrammeForUpdate,
  type ProgrammeRow,
} from '../programmes/repository.js';
import { managerRoles } from '../programmes/service.js';
import { openRelationship } from '../relationships/service.js';
import { reasonLines } from '../requests/mail-reasons.js';
import { keptReasons } from '../requests/kept-reasons.js';
import { closeRequestsIfMentorFull } from '../requests/mentor-full.js';
import { lockPendingOfMentor } from '../requests/repository.js';
import { buildProgrammePool } from '../suggestions/pool.js';
import { canShowSensitiveAggregate, views } from '../../privacy/index.js';
import { totalsByGroup, type GroupTotal } from './group-totals.js';
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

/** Why a mentee was left without a pair, as a code (the board counts them) and in words. */
type UnmatchedReason =
  'noAllowedMentor' | 'forbidden' | 'declinedEarlier' | 'forbiddenOrDeclined' | 'mentorsTaken';

const unmatchedReasonText: Record<UnmatchedReason, Record<Locale, string>> = {
  noAllowedMentor: {
    nl: 'Geen mentor met een vrije plek past binnen de regels van het programma (taal, rapportagelijn, eerdere koppeling).',
    en: 'No mentor with a free place fits the programme’s rules (language, reporting line, earlier pair).',
  },
  forbidden: {
    nl: 'Elke passende mentor met een vrije plek is voor deze mentee verboden door een programmabeheerder.',
    en: 'Every suitable mentor with a free place is forbidden for this mentee by a programme manager.',
  },
  declinedEarlier: {
    nl: 'Met elke passende mentor met een vrije plek is eerder een introductie of verzoek afgewezen.',
    en: 'Every suitable mentor with a free place was declined earlier (an introduction or a request, by either side).',
  },
  forbiddenOrDeclined: {
    nl: 'Elke passende mentor met een vrije plek is verboden door een programmabeheerder of eerder afgewezen.',
    en: 'Every suitable mentor with a free place is forbidden by a programme manager or was declined earlier.',
  },
  mentorsTaken: {
    nl: 'De passende mentoren zijn vol of aan anderen gekoppeld.',
    en: 'The suitable mentors are full or matched to others.',
  },
};

const pairKey = (menteeId: string, mentorId: string) => `${menteeId}|${mentorId}`;

/** A pin to check before the solver sees it: sent with this run, or saved on the programme. */
interface PinToCheck extends PairRef {
  /** `body.pins.N` for a pin sent with the run; null for a saved one. */
  field: string | null;
  ruleId: string | null;
}

/**
 * Runs the programme-wide matching over everyone enrolled and not yet matched: the exactly
 * optimal assignment (most mentees matched, then the highest total score) or the mentee-proposing
 * stable matching. The pins and forbids saved on the programme always apply (with any sent for
 * this run only), and a pair where either side declined earlier is never proposed again.
 * Proposals only: nothing changes until the manager sends them and both accept.
 */
export async function runProposals(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: { mode: 'optimal' | 'stable'; pins: PairRef[]; forbids: PairRef[] },
  locale: Locale,
) {
  const programme = await managedProgramme(db, actor, programmeId);
  const organisationId = programme.organisationId;
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
  const rules = await repo.findPairRuleRows(db, organisationId, programmeId);
  const declined = await repo.findDeclinedPairs(db, organisationId, programmeId);
  const candidates = buildCandidatePairs(index, { k: 50 });
  const mentees = candidates.mentees.filter((m) => !takenMentees.has(m.id));
  const menteeIds = new Set(mentees.map((m) => m.id));
  const mentors = candidates.mentors
    .map((m) => ({ ...m, capacity: m.capacity - (heldPlaces.get(m.id) ?? 0) }))
    .filter((m) => m.capacity > 0);
  const mentorIds = new Set(mentors.map((m) => m.id));
  const forbidden = new Set(
    [...input.forbids, ...rules.filter((r) => r.kind === 'forbid')].map((f) =>
      pairKey(f.menteeId, f.mentorId),
    ),
  );
  // Every pair the rules allow with a mentor who has a free place, before the manager's forbids
  // and earlier declines: what tells "nobody fits" apart from "forbidden" or "declined".
  const allowed = candidates.pairs.filter(
    (p) => menteeIds.has(p.mentee) && mentorIds.has(p.mentor),
  );
  const pairs = allowed.filter(
    (p) =>
      !forbidden.has(pairKey(p.mentee, p.mentor)) && !declined.has(pairKey(p.mentee, p.mentor)),
  );

  // Pins sent with the run come first; a saved pin applies unless the run sends its own pin for
  // that mentee or forbids the pair. Saved pins only count in the optimal method.
  const adHocPinned = new Set(input.pins.map((p) => p.menteeId));
  const pinsToCheck: PinToCheck[] = [
    ...input.pins.map((p, i) => ({ ...p, field: `body.pins.${i}`, ruleId: null })),
    ...(input.mode === 'optimal'
      ? rules
          .filter(
            (r) =>
              r.kind === 'pin' &&
              !adHocPinned.has(r.menteeId) &&
              !forbidden.has(pairKey(r.menteeId, r.mentorId)),
          )
          .map((r) => ({ menteeId: r.menteeId, mentorId: r.mentorId, field: null, ruleId: r.id }))
      : []),
  ];
  const problems: FieldProblem[] = [];
  const ignoredPins: { ruleId: string; menteeId: string; mentorId: string; problem: Message }[] =
    [];
  const pins: PairRef[] = [];
  // Pins are checked together too: one mentee pinned twice, or more pins on a mentor than places,
  // would make the assignment impossible.
  const pinnedMentees = new Set<string>();
  const pinsOn = new Map<string, number>();
  const placesOf = new Map(mentors.map((m) => [m.id, m.capacity]));
  for (const pin of pinsToCheck) {
    // A saved pin whose mentee is matched or introduced by now has done its work.
    if (pin.ruleId && takenMentees.has(pin.menteeId)) continue;
    const problem = checkPin(pin);
    if (!problem) {
      pins.push({ menteeId: pin.menteeId, mentorId: pin.mentorId });
      continue;
    }
    if (pin.field) problems.push({ field: pin.field, message: problem });
    else
      ignoredPins.push({
        ruleId: pin.ruleId!,
        menteeId: pin.menteeId,
        mentorId: pin.mentorId,
        problem,
      });
  }
  function checkPin(pin: PinToCheck): Message | null {
    const key = pairKey(pin.menteeId, pin.mentorId);
    if (pinnedMentees.has(pin.menteeId)) return message('pinMenteeTwice');
    if (forbidden.has(key)) return message('pinForbidden');
    if (declined.has(key)) return message('pairDeclinedEarlier');
    const onMentor = (pinsOn.get(pin.mentorId) ?? 0) + 1;
    const places = placesOf.get(pin.mentorId);
    if (places !== undefined && onMentor > places)
      return message('pinsOverCapacity', { capacity: places });
    const inPairs = pairs.some((p) => p.mentee === pin.menteeId && p.mentor === pin.mentorId);
    if (!inPairs) {
      const evaluation =
        index.indexOf(pin.menteeId) >= 0 && index.indexOf(pin.mentorId) >= 0
          ? evaluatePair(index, pin.menteeId, pin.mentorId, { viewer: 'manager' })
          : null;
      if (!evaluation) return message('pinNotEnrolled');
      if (!evaluation.allowed)
        return message('pinNotAllowed', { reason: evaluation.exclusion.sentence });
      if (!menteeIds.has(pin.menteeId)) return message('pinMenteeTaken');
      if (!mentorIds.has(pin.mentorId)) return message('pinMentorFull');
      pairs.push({ mentee: pin.menteeId, mentor: pin.mentorId, score: evaluation.score });
    }
    pinnedMentees.add(pin.menteeId);
    pinsOn.set(pin.mentorId, onMentor);
    return null;
  }
  if (problems.length > 0) throw fieldErrors('unprocessable', problems);
  const instance: AssignmentInstance = {
    mentees,
    mentors: mentors.map((m) =>
      m.group
        ? { id: m.id, capacity: m.capacity, group: true, minGroupSize: programme.groupMin }
        : { id: m.id, capacity: m.capacity },
    ),
    pairs,
    pins: pins.map((p) => ({ mentee: p.menteeId, mentor: p.mentorId })),
  };
  let chosen: { mentee: string; mentor: string; score: number }[];
  if (input.mode === 'optimal') {
    chosen = assign(instance).pairs;
  } else {
    const scoreOf = new Map(pairs.map((p) => [pairKey(p.mentee, p.mentor), p.score]));
    const result = stable(derivePreferences({ ...instance, pins: [] }));
    chosen = result.pairs.map((p) => ({
      ...p,
      score: scoreOf.get(pairKey(p.mentee, p.mentor)) ?? 0,
    }));
  }
  const runId = await repo.insertRun(db, {
    programmeId,
    organisationId,
    mode: input.mode,
    pins,
    forbids: [...forbidden].map((key) => {
      const [menteeId, mentorId] = key.split('|') as [string, string];
      return { menteeId, mentorId };
    }),
    pairs: chosen.map((p) => ({ menteeId: p.mentee, mentorId: p.mentor, score: p.score })),
    createdBy: actor.userId,
  });
  const nameOf = new Map(pool.participants.map((p) => [p.id, p.name]));
  const named = (id: string) => ({ id, name: nameOf.get(id) ?? '' });
  const matched = new Set(chosen.map((p) => p.mentee));
  const described = chosen.map((p) => ({
    mentee: named(p.mentee),
    mentor: named(p.mentor),
    score: p.score,
    ...describePair(index, p.mentee, p.mentor, locale),
  }));
  // A mentee's first choice: the best-scoring mentor they may be paired with in this run.
  const bestScore = new Map<string, number>();
  for (const p of pairs) bestScore.set(p.mentee, Math.max(bestScore.get(p.mentee) ?? 0, p.score));
  const firstChoice = chosen.filter((p) => p.score >= (bestScore.get(p.mentee) ?? 0)).length;

  const allowedOf = countBy(allowed.map((p) => p.mentee));
  const pairsOf = countBy(pairs.map((p) => p.mentee));
  const forbiddenOf = countBy(
    allowed.filter((p) => forbidden.has(pairKey(p.mentee, p.mentor))).map((p) => p.mentee),
  );
  const declinedOf = countBy(
    allowed.filter((p) => declined.has(pairKey(p.mentee, p.mentor))).map((p) => p.mentee),
  );
  const reasonOf = (menteeId: string): UnmatchedReason => {
    if (!allowedOf.has(menteeId)) return 'noAllowedMentor';
    if (pairsOf.has(menteeId)) return 'mentorsTaken';
    const wasForbidden = forbiddenOf.has(menteeId);
    const wasDeclined = declinedOf.has(menteeId);
    return wasForbidden && wasDeclined
      ? 'forbiddenOrDeclined'
      : wasForbidden
        ? 'forbidden'
        : 'declinedEarlier';
  };
  const candidatesOf = unmatchedCandidates(index, pairs, mentors, chosen, matched);
  const unmatched = mentees
    .filter((m) => !matched.has(m.id))
    .map((m) => {
      const reasonCode = reasonOf(m.id);
      return {
        mentee: named(m.id),
        reasonCode,
        reason: unmatchedReasonText[reasonCode][locale],
        declinedPairs: declinedOf.get(m.id) ?? 0,
        candidates: (candidatesOf.get(m.id) ?? []).map((c) => ({
          mentor: named(c.mentorId),
          strength: c.strength,
          placesLeft: c.placesLeft,
        })),
      };
    });
  const unmatchedBecause = Object.fromEntries(
    Object.keys(unmatchedReasonText).map((code) => [
      code,
      unmatched.filter((u) => u.reasonCode === code).length,
    ]),
  ) as Record<UnmatchedReason, number>;
  const amongMentees = (keys: Iterable<string>) =>
    [...keys].filter((key) => menteeIds.has(key.split('|')[0]!)).length;
  return {
    runId,
    mode: input.mode,
    pairs: described,
    unmatched,
    ignoredPins: ignoredPins.map((p) => ({
      ruleId: p.ruleId,
      mentee: named(p.menteeId),
      mentor: named(p.mentorId),
      problem: renderMessage(p.problem, locale),
    })),
    totals: {
      mentees: mentees.length,
      mentors: mentors.length,
      places: mentors.reduce((sum, m) => sum + m.capacity, 0),
      matched: chosen.length,
      unmatched: unmatched.length,
      averageStrength: described.length
        ? Math.round(described.reduce((s, p) => s + p.strength, 0) / described.length)
        : 0,
      firstChoice,
      unmatchedBecause,
      leftOut: {
        declinedPairs: amongMentees(declined),
        forbiddenPairs: amongMentees(forbidden),
      },
    },
    byTargetGroup: await groupTotals(
      db,
      programme,
      mentees.map((m) => m.id),
      matched,
    ),
  };
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const candidatesPerMentee = 5;

/**
 * The mentors a manager may pin an unmatched mentee to: the best few of the pairs the run
 * already scored (allowed by every rule, mentor with a free place, not forbidden, not declined
 * earlier), so no pair is evaluated twice. `placesLeft` counts the places this proposal leaves
 * free; at 0, pinning moves someone else.
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
 * Matched/unmatched per department. The board lists mentees by name and the manager moves them
 * (pins, forbids, reruns), so the privacy module allows no gender or age-band breakdown here;
 * the sensitive attributes are not even read unless it would.
 */
async function groupTotals(
  db: Db,
  programme: ProgrammeRow,
  menteeIds: string[],
  matched: Set<string>,
): Promise<(GroupTotal & { kind: 'department' })[]> {
  if (menteeIds.length === 0) return [];
  if (canShowSensitiveAggregate(views.proposalBoard))
    throw new Error('the proposal board would need sensitive facts; read them here first');
  const rows = await repo.findGroupingFacts(db, programme.organisationId, menteeIds);
  // The answer's schema admits department rows only: a second guard besides the view.
  return totalsByGroup(
    rows.map((r) => ({ ...r, isMatched: matched.has(r.id) })),
    views.proposalBoard,
  ).filter((row): row is GroupTotal & { kind: 'department' } => row.kind === 'department');
}

// ---------------------------------------------------------------------------------------------
// Pins and forbids saved on the programme
// ---------------------------------------------------------------------------------------------

function toPairRule(row: repo.PairRuleListed) {
  return {
    id: row.id,
    kind: row.kind,
    mentee: { id: row.menteeId, name: row.menteeName },
    mentor: { id: row.mentorId, name: row.mentorName },
    createdBy: row.createdByName === null ? null : { name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listPairRules(db: Db, actor: Actor, programmeId: string) {
  const programme = await managedProgramme(db, actor, programmeId);
  const rows = await repo.findPairRules(db, programme.organisationId, programmeId);
  return rows.map(toPairRule);
}

/**
 * Saves a pin or forbid for one pair of the programme. A rule for the same pair is replaced (the
 * latest decision wins), and a pin replaces the mentee's pin to another mentor. Both people must
 * be enrolled in the role the rule gives them; a pair that declined earlier cannot be pinned.
 */
export async function addPairRule(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: { kind: 'pin' | 'forbid'; menteeId: string; mentorId: string },
) {
  const { organisationId } = requireRole(actor, managerRoles);
  const id = await db.transaction(async (tx) => {
    // Sending locks the programme too, so a forbid and a send never pass each other.
    const programme = await findProgrammeForUpdate(tx, organisationId, programmeId);
    if (!programme) throw notFound('programme');
    const problems: FieldProblem[] = [];
    const menteeRole = await repo.findEnrolmentRole(
      tx,
      organisationId,
      programmeId,
      input.menteeId,
    );
    if (menteeRole !== 'mentee' && menteeRole !== 'both')
      problems.push({ field: 'body.menteeId', message: message('notEnrolledAsMentee') });
    const mentorRole = await repo.findEnrolmentRole(
      tx,
      organisationId,
      programmeId,
      input.mentorId,
    );
    if (mentorRole !== 'mentor' && mentorRole !== 'both')
      problems.push({ field: 'body.mentorId', message: message('notEnrolledAsMentor') });
    else if (input.menteeId === input.mentorId)
      problems.push({ field: 'body.mentorId', message: message('pairSamePerson') });
    if (problems.length === 0 && input.kind === 'pin') {
      const declined = await repo.findDeclinedPairs(tx, organisationId, programmeId);
      if (declined.has(pairKey(input.menteeId, input.mentorId)))
        problems.push({ field: 'body.mentorId', message: message('pairDeclinedEarlier') });
    }
    if (problems.length > 0) throw fieldErrors('unprocessable', problems);
    if (input.kind === 'pin')
      await repo.deleteOtherPins(tx, programmeId, input.menteeId, input.mentorId);
    const row = await repo.upsertPairRule(tx, {
      programmeId,
      organisationId,
      menteeId: input.menteeId,
      mentorId: input.mentorId,
      kind: input.kind,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: input.kind === 'pin' ? 'proposals.pinned' : 'proposals.forbidden',
      subjectType: 'programme',
      subjectId: programmeId,
      details: { ruleId: row.id, menteeId: input.menteeId, mentorId: input.mentorId },
    });
    return row.id;
  });
  const rows = await repo.findPairRules(db, organisationId, programmeId);
  return toPairRule(rows.find((r) => r.id === id)!);
}

export async function removePairRule(db: Db, actor: Actor, programmeId: string, ruleId: string) {
  const { organisationId } = requireRole(actor, managerRoles);
  await db.transaction(async (tx) => {
    const programme = await findProgrammeForUpdate(tx, organisationId, programmeId);
    if (!programme) throw notFound('programme');
    const row = await repo.deletePairRule(tx, organisationId, programmeId, ruleId);
    if (!row) throw notFound('pairRule');
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: row.kind === 'pin' ? 'proposals.unpinned' : 'proposals.allowed',
      subjectType: 'programme',
      subjectId: programmeId,
      details: { ruleId, menteeId: row.menteeId, mentorId: row.mentorId },
    });
  });
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
    // The same lock as saving a pin or forbid: a forbid saved now waits for this send, or this
    // send sees it.
    await findProgrammeForUpdate(tx, programme.organisationId, programmeId);
    const run = await repo.lockRun(tx, programmeId, runId);
    if (!run) throw notFound('run');
    if (run.sentAt) throw new AppError('unprocessable', message('proposalsAlreadySent'));
    if ((await repo.findLatestRunId(tx, programmeId)) !== run.id)
      throw new AppError('unprocessable', message('newerRunExists'));
    await refuseForbiddenOrDeclined(tx, programme.organisationId, programmeId, run.pairs);
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
    // Both people hear of each introduction (in the app and by mail) in the same commit.
    const people = await repo.findPeopleCards(
      tx,
      programme.organisationId,
      rows.flatMap((i) => [i.menteeId, i.mentorId]),
    );
    // The mail says why, as the introductions page does for each side.
    const { index } = await buildProgrammePool(tx, programme);
    for (const intro of rows) {
      for (const [who, other, viewer] of [
        [intro.menteeId, intro.mentorId, 'mentee'],
        [intro.mentorId, intro.menteeId, 'mentor'],
      ] as const) {
        await notify(tx, deps.mailer, deps.baseUrl, {
          personId: who,
          kind: 'introduction_proposed',
          payload: { with: people.get(other)?.name ?? '', programme: programme.name },
          link: '/introductions',
          mail: { details: reasonLines(index, intro, viewer, 4) },
        });
      }
    }
    return rows;
  });
  return { sent: created.length };
}

/**
 * A run may be older than a forbid saved since, or than a decline: sending it would introduce a
 * pair the manager or one of the two has said no to. Such a run is refused as a whole (the
 * manager confirmed a number of introductions; a smaller send would not be what they agreed to),
 * naming each pair; computing again leaves them out.
 */
async function refuseForbiddenOrDeclined(
  db: Db,
  organisationId: string,
  programmeId: string,
  pairs: readonly PairRef[],
): Promise<void> {
  const forbidden = new Set(
    (await repo.findPairRuleRows(db, organisationId, programmeId))
      .filter((r) => r.kind === 'forbid')
      .map((r) => pairKey(r.menteeId, r.mentorId)),
  );
  const declined = await repo.findDeclinedPairs(db, organisationId, programmeId);
  const refused = pairs
    .map((p) => {
      const key = pairKey(p.menteeId, p.mentorId);
      return {
        ...p,
        why: forbidden.has(key) ? 'forbidden' : declined.has(key) ? 'declined' : null,
      };
    })
    .filter((p) => p.why !== null);
  if (refused.length === 0) return;
  const names = await repo.findPeopleCards(
    db,
    organisationId,
    refused.flatMap((p) => [p.menteeId, p.mentorId]),
  );
  throw fieldErrors(
    'unprocessable',
    refused.map((p) => ({
      field: 'body.runId',
      message: message(p.why === 'forbidden' ? 'sendPairForbidden' : 'sendPairDeclined', {
        mentee: names.get(p.menteeId)?.name ?? '',
        mentor: names.get(p.mentorId)?.name ?? '',
      }),
    })),
  );
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
  deps: { db: Db; mailer: Mailer; baseUrl: string; now?: () => Date },
  actor: Actor,
  id: string,
  answer: 'accepted' | 'declined',
  locale: Locale,
) {
  const { personId, organisationId } = requireMember(actor);
  const now = deps.now?.() ?? new Date();
  await deps.db.transaction(async (tx) => {
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
    let programme: ProgrammeRow | null = null;
    let kept: Awaited<ReturnType<typeof keptReasons>> = { reasons: [], strength: null };
    if (statusOf(next) === 'accepted') {
      programme = await findProgramme(tx, organisationId, row.programmeId);
      // The same lock order as accepting a request: the mentor's pending requests, then the
      // enrolments (opening the relationship).
      await lockPendingOfMentor(tx, row.programmeId, row.mentorId);
      // Why they clicked, kept as it is at this moment.
      if (programme) kept = await keptReasons(tx, programme, row, now);
      relationshipId = await openRelationship(tx, {
        organisationId,
        programmeId: row.programmeId,
        mentorId: row.mentorId,
        menteeId: row.menteeId,
        ...kept,
      });
    }
    await repo.setIntroductionResponse(tx, id, field, answer, relationshipId);
    if (relationshipId) {
      const { menteeId, mentorId } = row;
      const people = await repo.findPeopleCards(tx, organisationId, [menteeId, mentorId]);
      for (const [who, other] of [
        [menteeId, mentorId],
        [mentorId, menteeId],
      ] as const) {
        await notify(tx, deps.mailer, deps.baseUrl, {
          personId: who,
          kind: 'relationship_started',
          payload: { with: people.get(other)?.name ?? '' },
          link: `/mentoring/${relationshipId}`,
          mail: { details: (locale) => kept.reasons.map((r) => r[locale]) },
        });
      }
      // The mentor's last place taken: their pending requests in the programme (from before it
      // let the manager propose) close, and the mentees hear.
      if (programme) {
        await closeRequestsIfMentorFull(
          tx,
          { mailer: deps.mailer, baseUrl: deps.baseUrl, now },
          programme,
          { id: mentorId, name: people.get(mentorId)?.name ?? '' },
        );
      }
    }
  });
  const mine = await listMyIntroductions(deps.db, actor, locale);
  return mine.find((i) => i.id === id)!;
}
