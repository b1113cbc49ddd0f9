import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import type { AgreementSkill } from '../../db/schema.js';
import { AppError, fieldErrors, notFound, type FieldProblem } from '../../errors.js';
import type { Locale } from '../../i18n/locale.js';
import { message, type Localized } from '../../i18n/messages.js';
import { recordAudit } from '../audit/repository.js';
import { listSkills } from '../enrolments/service.js';
import { notify } from '../notifications/service.js';
import { displayName } from '../people/display-name.js';
import { isOpen, requireParticipant, type RelationshipAccess } from '../relationships/access.js';
import { relationshipLink, requireOpen, type Deps } from './deps.js';
import * as repo from './repository.js';
import type { AgreementFields, AgreementState } from './schema.js';

type MeetingMode = AgreementFields['meetingMode'];
type Version = AgreementState['agreement'];

/** The confidentiality sentence a draft starts with, in the reader's language. */
export const defaultConfidentiality: Localized = {
  nl: 'Wat we elkaar vertellen, blijft tussen ons. We delen niets met leidinggevenden, HR of de programmamanager, tenzij we dat samen afspreken.',
  en: 'What we tell each other stays between us. We share nothing with managers, HR or the programme manager unless we agree to together.',
};

const CADENCE_MIN = 7;
const CADENCE_MAX = 180;

/** Participants whose confirmation counts: the mentor and every mentee who has not left. */
function signers(access: RelationshipAccess) {
  return access.participants.filter((p) => !p.hasLeft);
}

/** Every version with its confirmations, newest first, and which of them held. */
export async function loadAgreement(db: Db, access: RelationshipAccess) {
  const { id, organisationId } = access.relationship;
  const versions = await repo.listAgreementVersions(db, organisationId, id);
  const confirmations = await repo.listConfirmations(
    db,
    versions.map((v) => v.id),
  );
  const joinedAt = new Map(
    (await repo.findMenteeJoins(db, id)).map((m) => [m.menteeId, m.joinedAt]),
  );
  const required = signers(access);
  const withState = versions.map((row, index) => {
    const confirmed = confirmations.filter((c) => c.agreementId === row.id);
    // The newest version needs everyone in the relationship now. An older one held if everyone
    // who was in it when it was proposed confirmed it (a later group member never saw it).
    const needed =
      index === 0
        ? required
        : required.filter(
            (p) =>
              p.role === 'mentor' ||
              (joinedAt.get(p.personId)?.getTime() ?? 0) <= row.createdAt.getTime(),
          );
    const byPerson = new Map(confirmed.map((c) => [c.personId, c.confirmedAt]));
    const holds = needed.every((p) => byPerson.has(p.personId));
    const times = needed.map((p) => byPerson.get(p.personId)?.getTime() ?? 0);
    return {
      row,
      confirmed,
      holds,
      holdsSince: holds && times.length > 0 ? new Date(Math.max(...times)) : null,
    };
  });
  return withState;
}

export type LoadedAgreement = Awaited<ReturnType<typeof loadAgreement>>;

/** The version in force: the newest that held, else the newest proposed (null before any). */
export function applyingVersion(loaded: LoadedAgreement): repo.AgreementRow | null {
  return (loaded.find((v) => v.holds) ?? loaded[0])?.row ?? null;
}

async function skillLabels(db: Db, organisationId: string) {
  const { items } = await listSkills(db, organisationId);
  return new Map(items.map((s) => [s.id, { nl: s.nl, en: s.en } as Localized]));
}

/** Display names of the participants, and of anyone else named (a proposer who left). */
async function nameLookup(db: Db, access: RelationshipAccess, extra: string[]) {
  const names = new Map(access.participants.map((p) => [p.personId, p.name]));
  const missing = [...new Set(extra)].filter((id) => !names.has(id));
  for (const row of await repo.findNameParts(db, access.relationship.organisationId, missing)) {
    names.set(row.id, displayName(row));
  }
  return (id: string) => names.get(id) ?? '';
}

/** What a draft proposes before anyone did: the programme's cadence and the profiles' overlap. */
async function buildDraft(db: Db, access: RelationshipAccess, locale: Locale) {
  const { organisationId, programmeId, mentorId } = access.relationship;
  const cadence = (await repo.findProgrammeCadence(db, organisationId, programmeId)) ?? 30;
  const people = signers(access);
  const profiles = new Map(
    (
      await repo.findProfiles(
        db,
        organisationId,
        people.map((p) => p.personId),
      )
    ).map((p) => [p.personId, p]),
  );
  const modes = new Set(
    people
      .map((p) => profiles.get(p.personId)?.meetingMode ?? 'either')
      .filter((m) => m !== 'either'),
  );
  const meetingMode: MeetingMode = modes.size === 1 ? ([...modes][0] as MeetingMode) : 'either';
  const mentor = profiles.get(mentorId);
  const skills: AgreementSkill[] = [];
  const add = (skill: string, learnerId: string) => {
    if (!skills.some((s) => s.skill === skill && s.learnerId === learnerId)) {
      skills.push({ skill, learnerId });
    }
  };
  for (const mentee of people.filter((p) => p.role === 'mentee')) {
    const profile = profiles.get(mentee.personId);
    if (!profile || !mentor) continue;
    const mentorOffers = new Set(mentor.offers.map((o) => o.skill));
    const menteeOffers = new Set(profile.offers.map((o) => o.skill));
    for (const want of profile.wants)
      if (mentorOffers.has(want.skill)) add(want.skill, mentee.personId);
    // Reverse mentoring: the mentor learns what the mentee offers.
    for (const want of mentor.wants) if (menteeOffers.has(want.skill)) add(want.skill, mentorId);
  }
  return {
    goals: '',
    cadenceDays: Math.min(CADENCE_MAX, Math.max(CADENCE_MIN, cadence)),
    meetingMode,
    meetingNotes: '',
    confidentiality: defaultConfidentiality[locale],
    hopes: {},
    skills,
  };
}

function toVersion(
  fields: Pick<
    repo.AgreementRow,
    | 'goals'
    | 'cadenceDays'
    | 'meetingMode'
    | 'meetingNotes'
    | 'confidentiality'
    | 'hopes'
    | 'skills'
  >,
  meta: { version: number; proposedBy: string | null; createdAt: Date | null },
  access: RelationshipAccess,
  nameOf: (id: string) => string,
  labels: Map<string, Localized>,
  locale: Locale,
): Version {
  return {
    version: meta.version,
    goals: fields.goals,
    cadenceDays: fields.cadenceDays,
    meetingMode: fields.meetingMode as MeetingMode,
    meetingNotes: fields.meetingNotes,
    confidentiality: fields.confidentiality,
    hopes: signers(access).map((p) => ({
      personId: p.personId,
      name: p.name,
      learn: fields.hopes[p.personId]?.learn ?? '',
      give: fields.hopes[p.personId]?.give ?? '',
    })),
    skills: fields.skills.map((s) => ({
      skill: s.skill,
      label: labels.get(s.skill)?.[locale] ?? s.skill,
      learnerId: s.learnerId,
      learnerName: nameOf(s.learnerId),
    })),
    proposedBy: meta.proposedBy ? { id: meta.proposedBy, name: nameOf(meta.proposedBy) } : null,
    createdAt: meta.createdAt?.toISOString() ?? null,
  };
}

async function describeAgreement(
  db: Db,
  access: RelationshipAccess,
  locale: Locale,
): Promise<AgreementState> {
  const { organisationId } = access.relationship;
  const loaded = await loadAgreement(db, access);
  const labels = await skillLabels(db, organisationId);
  const newest = loaded[0];
  const nameOf = await nameLookup(
    db,
    access,
    loaded.flatMap((v) => [v.row.proposedBy, ...v.row.skills.map((s) => s.learnerId)]),
  );
  const participants = access.participants
    .filter((p) => !p.hasLeft)
    .map((p) => ({
      id: p.personId,
      name: p.name,
      role: p.role,
      isMe: p.personId === access.me.personId,
    }));
  const canChange = isOpen(access);
  if (!newest) {
    return {
      state: 'draft',
      agreement: toVersion(
        await buildDraft(db, access, locale),
        { version: 0, proposedBy: null, createdAt: null },
        access,
        nameOf,
        labels,
        locale,
      ),
      confirmedBy: [],
      waitingFor: participants.map(({ id, name }) => ({ id, name })),
      isConfirmedByMe: false,
      holdsSince: null,
      lastHeld: null,
      participants,
      canChange,
    };
  }
  const confirmedAt = new Map(newest.confirmed.map((c) => [c.personId, c.confirmedAt]));
  const held = newest.holds ? null : loaded.slice(1).find((v) => v.holds);
  const version = (v: LoadedAgreement[number]) =>
    toVersion(
      v.row,
      { version: v.row.version, proposedBy: v.row.proposedBy, createdAt: v.row.createdAt },
      access,
      nameOf,
      labels,
      locale,
    );
  return {
    state: newest.holds ? 'holds' : 'pending',
    agreement: version(newest),
    confirmedBy: newest.confirmed
      .map((c) => ({ id: c.personId, name: nameOf(c.personId), confirmedAt: c.confirmedAt }))
      .sort((a, b) => a.confirmedAt.getTime() - b.confirmedAt.getTime())
      .map((c) => ({ ...c, confirmedAt: c.confirmedAt.toISOString() })),
    waitingFor: participants
      .filter((p) => !confirmedAt.has(p.id))
      .map(({ id, name }) => ({ id, name })),
    isConfirmedByMe: confirmedAt.has(access.me.personId),
    holdsSince: newest.holdsSince?.toISOString() ?? null,
    lastHeld: held ? { ...version(held), holdsSince: held.holdsSince!.toISOString() } : null,
    participants,
    canChange,
  };
}

/** The agreement as it stands for a participant: the newest version, or a draft to start from. */
export async function getAgreement(deps: Deps, actor: Actor, relationshipId: string) {
  const access = await requireParticipant(deps.db, actor, relationshipId);
  return describeAgreement(deps.db, access, deps.locale);
}

async function validateFields(db: Db, access: RelationshipAccess, input: AgreementFields) {
  const problems: FieldProblem[] = [];
  const inIt = new Set(signers(access).map((p) => p.personId));
  for (const personId of Object.keys(input.hopes)) {
    if (!inIt.has(personId)) {
      problems.push({ field: `body.hopes.${personId}`, message: message('notAParticipant') });
    }
  }
  const known = await skillLabels(db, access.relationship.organisationId);
  const seen = new Set<string>();
  input.skills.forEach((entry, i) => {
    if (!known.has(entry.skill)) {
      problems.push({
        field: `body.skills.${i}.skill`,
        message: message('unknownSkill', { skill: entry.skill }),
      });
    }
    if (!inIt.has(entry.learnerId)) {
      problems.push({ field: `body.skills.${i}.learnerId`, message: message('notAParticipant') });
    }
    const key = `${entry.skill}\u0000${entry.learnerId}`;
    if (seen.has(key)) {
      problems.push({ field: `body.skills.${i}.skill`, message: message('listedTwice') });
    }
    seen.add(key);
  });
  if (problems.length > 0) throw fieldErrors('unprocessable', problems);
}

/**
 * Proposes a new version of the agreement. The proposer confirms it by proposing; the others are
 * asked to confirm. The relationship row is locked, so proposals and confirmations run one after
 * the other and version numbers never collide.
 */
export async function proposeAgreement(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  input: AgreementFields,
) {
  await deps.db.transaction(async (tx) => {
    const access = await requireParticipant(tx, actor, relationshipId, { lock: true });
    requireOpen(access);
    await validateFields(tx, access, input);
    const { organisationId } = access.relationship;
    const [newest] = await repo.listAgreementVersions(tx, organisationId, relationshipId);
    const now = deps.now();
    const hopes = Object.fromEntries(
      Object.entries(input.hopes).filter(([, h]) => h.learn !== '' || h.give !== ''),
    );
    const row = await repo.insertAgreementVersion(tx, {
      relationshipId,
      organisationId,
      version: (newest?.version ?? 0) + 1,
      goals: input.goals,
      cadenceDays: input.cadenceDays,
      meetingMode: input.meetingMode,
      meetingNotes: input.meetingNotes,
      confidentiality: input.confidentiality,
      hopes,
      skills: input.skills,
      proposedBy: access.me.personId,
      createdAt: now,
    });
    await repo.insertConfirmation(tx, row.id, access.me.personId, now);
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'agreement.proposed',
      subjectType: 'relationship',
      subjectId: relationshipId,
      details: { version: row.version },
    });
    for (const other of access.others) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId: other.personId,
        kind: 'agreement_proposed',
        payload: { from: access.me.name },
        link: relationshipLink(relationshipId),
        mail: { details: (locale) => agreementSummary(input, locale) },
      });
    }
  });
  return getAgreement(deps, actor, relationshipId);
}

/** The lines a mail about a proposal carries, in the recipient's language. */
function agreementSummary(input: AgreementFields, locale: Locale): string[] {
  const modes: Record<MeetingMode, Localized> = {
    online: { nl: 'online', en: 'online' },
    in_person: { nl: 'op locatie', en: 'in person' },
    either: { nl: 'online of op locatie', en: 'online or in person' },
  };
  const lines =
    locale === 'nl'
      ? [`Samen afspreken: elke ${input.cadenceDays} dagen, ${modes[input.meetingMode].nl}.`]
      : [`Meeting: every ${input.cadenceDays} days, ${modes[input.meetingMode].en}.`];
  if (input.goals) lines.push(`${locale === 'nl' ? 'Doelen' : 'Goals'}:\n${input.goals}`);
  return lines;
}

/**
 * Confirms a version of the agreement. Only the newest version can be confirmed (an older one is
 * a 422: a change was proposed since). When this makes it hold, everyone in it is told.
 */
export async function confirmAgreement(
  deps: Deps,
  actor: Actor,
  relationshipId: string,
  version: number,
) {
  await deps.db.transaction(async (tx) => {
    const access = await requireParticipant(tx, actor, relationshipId, { lock: true });
    requireOpen(access);
    const before = await loadAgreement(tx, access);
    const newest = before[0];
    const target = before.find((v) => v.row.version === version);
    if (!newest || !target) throw notFound('agreement');
    if (target !== newest) throw new AppError('unprocessable', message('agreementNewerVersion'));
    if (newest.confirmed.some((c) => c.personId === access.me.personId)) return;
    await repo.insertConfirmation(tx, newest.row.id, access.me.personId, deps.now());
    await recordAudit(tx, {
      organisationId: access.relationship.organisationId,
      actorUserId: actor.userId,
      action: 'agreement.confirmed',
      subjectType: 'relationship',
      subjectId: relationshipId,
      details: { version },
    });
    const [after] = await loadAgreement(tx, access);
    if (!after?.holds) return;
    const everyone = signers(access);
    for (const person of everyone) {
      const others = everyone.filter((p) => p.personId !== person.personId).map((p) => p.name);
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId: person.personId,
        kind: 'agreement_confirmed',
        payload: { with: others.join(', ') },
        link: relationshipLink(relationshipId),
      });
    }
  });
  return getAgreement(deps, actor, relationshipId);
}
