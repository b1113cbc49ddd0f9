import { requireMember, requireRole, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError, conflictField, fieldErrors, notFound, type FieldProblem } from '../../errors.js';
import { message } from '../../i18n/messages.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { notify } from '../notifications/service.js';
import { findOrganisation } from '../organisations/repository.js';
import {
  findVisibleProgramme,
  isEnrolmentOpen,
  managerRoles,
  personEligibility,
} from '../programmes/service.js';
import { findProgramme, type ProgrammeRow } from '../programmes/repository.js';
import { countActiveMentees, hasActiveRelationshipAsMentee } from '../requests/repository.js';
import { skillCatalogue, skillCategories } from '../skills/catalogue.js';
import * as repo from './repository.js';
import type { EnrolBody, ProfileBody, UpdateEnrolmentBody } from './schema.js';

const slugify = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export async function listSkills(db: Db, organisationId: string) {
  const custom = await repo.listCustomSkills(db, organisationId);
  return {
    categories: Object.entries(skillCategories).map(([id, label]) => ({ id, ...label })),
    items: [
      ...skillCatalogue.map((s) => ({ ...s, isCustom: false })),
      ...custom.map((s) => ({
        id: s.id,
        category: s.category,
        nl: s.labelNl,
        en: s.labelEn,
        isCustom: true,
      })),
    ],
  };
}

export async function addSkill(
  db: Db,
  actor: Actor,
  input: { category: string; nl: string; en: string },
) {
  const { organisationId } = requireRole(actor, ['org_admin']);
  const id = `custom-${slugify(input.en)}`;
  const known = (await listSkills(db, organisationId)).items;
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (known.some((s) => s.id === id || same(s.en, input.en))) {
    throw conflictField('body.en', message('alreadyExists'));
  }
  if (known.some((s) => same(s.nl, input.nl))) {
    throw conflictField('body.nl', message('alreadyExists'));
  }
  // Two admins adding the same skill at once: the second gets the same answer, not a 500.
  const added = await repo.insertCustomSkill(db, {
    id,
    organisationId,
    category: input.category,
    labelNl: input.nl,
    labelEn: input.en,
  });
  if (!added) throw conflictField('body.en', message('alreadyExists'));
  return { id, category: input.category, nl: input.nl, en: input.en, isCustom: true };
}

const emptyProfile = (): ProfileBody => ({
  offers: [],
  wants: [],
  hobbies: [],
  experiences: [],
  values: [],
  tags: [],
  languages: [],
  availability: [],
  timeZone: 'Europe/Amsterdam',
  meetingMode: 'either',
  place: null,
  about: '',
  phone: null,
});

function isComplete(p: ProfileBody): boolean {
  return p.languages.length > 0 && p.offers.length + p.wants.length > 0;
}

export async function getMyProfile(db: Db, actor: Actor) {
  const { personId } = requireMember(actor);
  const row = await repo.findProfile(db, personId);
  const body: ProfileBody = row
    ? {
        offers: row.offers,
        wants: row.wants,
        hobbies: row.hobbies,
        experiences: row.experiences,
        values: row.values,
        tags: row.tags,
        languages: row.languages,
        availability: row.availability,
        timeZone: row.timeZone,
        meetingMode: row.meetingMode as ProfileBody['meetingMode'],
        place: row.place,
        about: row.about,
        phone: row.phone,
      }
    : emptyProfile();
  return { ...body, isComplete: isComplete(body) };
}

export async function saveMyProfile(db: Db, actor: Actor, input: ProfileBody) {
  const { personId, organisationId } = requireMember(actor);
  const known = new Set((await listSkills(db, organisationId)).items.map((s) => s.id));
  const problems: FieldProblem[] = [];
  for (const side of ['offers', 'wants'] as const) {
    const seen = new Set<string>();
    input[side].forEach((entry, i) => {
      if (!known.has(entry.skill))
        problems.push({
          field: `body.${side}.${i}.skill`,
          message: message('unknownSkill', { skill: entry.skill }),
        });
      if (seen.has(entry.skill))
        problems.push({ field: `body.${side}.${i}.skill`, message: message('listedTwice') });
      seen.add(entry.skill);
    });
  }
  if (problems.length > 0) throw fieldErrors('validation_failed', problems);
  await repo.upsertProfile(db, { personId, organisationId, ...input });
  return getMyProfile(db, actor);
}

export async function getMySensitive(db: Db, actor: Actor) {
  const { personId } = requireMember(actor);
  const row = await repo.findSensitive(db, personId);
  return row
    ? {
        gender: row.gender,
        ageBand: row.ageBand,
        background: row.background,
        consentedAt: row.consentedAt.toISOString(),
      }
    : null;
}

/** Optional, consented, withdrawable; used for eligibility and aggregates only. */
export async function saveMySensitive(
  db: Db,
  actor: Actor,
  input: { gender: string | null; ageBand: string | null; background: string | null },
) {
  const { personId, organisationId } = requireMember(actor);
  const org = await findOrganisation(db, organisationId);
  if (!org?.allowSensitiveAttributes) {
    throw new AppError('unprocessable', message('sensitiveNotCollected'));
  }
  await repo.upsertSensitive(db, { personId, organisationId, ...input, consentedAt: new Date() });
  return getMySensitive(db, actor);
}

export async function withdrawMySensitive(db: Db, actor: Actor) {
  const { personId } = requireMember(actor);
  await repo.deleteSensitive(db, personId);
}

export async function enrol(db: Db, actor: Actor, programmeId: string, input: EnrolBody) {
  const { personId, organisationId } = requireMember(actor);
  const programme = await findVisibleProgramme(db, actor, programmeId);
  if (!isEnrolmentOpen(programme)) {
    throw new AppError('unprocessable', message('enrolmentNotOpen'));
  }
  // Managers see every programme, but take part only where its audience includes them.
  const eligibility = await personEligibility(db, programme, personId);
  if (eligibility === 'needs_sensitive') {
    throw fieldErrors('unprocessable', [
      { field: 'sensitive', message: message('targetGroupNeedsAttributes') },
    ]);
  }
  if (eligibility === 'not_eligible') throw new AppError('unprocessable', message('notInAudience'));
  const profile = await getMyProfile(db, actor);
  if (!profile.isComplete) {
    throw new AppError('unprocessable', message('profileIncomplete'));
  }
  const { capacity, problems } = checkEnrolment(programme, input);
  if (problems.length > 0) throw fieldErrors('unprocessable', problems);
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertOrReactivateEnrolment(tx, {
      programmeId,
      organisationId,
      personId,
      role: input.role,
      capacity,
      offersGroup: input.offersGroup,
      answers: input.answers,
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'enrolment.created',
      subjectType: 'programme',
      subjectId: programmeId,
      details: { role: input.role },
    });
    return created;
  });
  return toEnrolment(row, actor.name);
}

const canMentee = (role: string) => role === 'mentee' || role === 'both';
const canMentor = (role: string) => role === 'mentor' || role === 'both';

function toEnrolment(row: repo.EnrolmentRow, name: string) {
  return {
    id: row.id,
    programmeId: row.programmeId,
    personId: row.personId,
    name,
    role: row.role,
    capacity: row.capacity,
    offersGroup: row.offersGroup,
    answers: row.answers,
  };
}

/**
 * The rules every enrolment keeps, on enrolling and on a change: the role the programme type
 * allows, a group size inside the programme's bounds, answers to its questions only.
 */
function checkEnrolment(
  programme: ProgrammeRow,
  input: EnrolBody,
  options: { checkRequired: boolean } = { checkRequired: true },
): { capacity: number | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (programme.type === 'peer' && input.role !== 'both') {
    problems.push({
      field: 'body.role',
      message: message('peerRoleBoth'),
    });
  }
  if (programme.type === 'group' && input.role !== 'mentee' && !input.offersGroup) {
    problems.push({
      field: 'body.offersGroup',
      message: message('groupMentorsOfferGroup'),
    });
  }
  let capacity: number | null = null;
  if (input.role !== 'mentee') {
    capacity =
      input.capacity ??
      (programme.type === 'group' ? programme.groupMax : programme.defaultCapacity);
    if (input.offersGroup && (capacity < programme.groupMin || capacity > programme.groupMax)) {
      problems.push({
        field: 'body.capacity',
        message: message('groupSize', { min: programme.groupMin, max: programme.groupMax }),
      });
    }
  }
  const questionIds = new Set(programme.questions.map((q) => q.id));
  for (const q of options.checkRequired ? programme.questions : []) {
    if (q.required && !input.answers[q.id]?.trim())
      problems.push({ field: `body.answers.${q.id}`, message: message('isRequired') });
  }
  for (const key of Object.keys(input.answers)) {
    if (!questionIds.has(key))
      problems.push({
        field: `body.answers.${key}`,
        message: message('notAQuestion'),
      });
  }
  return { capacity, problems };
}

/**
 * Changes one's own enrolment under the same rules as enrolling. Left-out fields stay as they
 * are; answers left out are kept without asking again for a question added since. The row is
 * locked first, as accepting a request does, so a mentee accepted meanwhile is counted.
 */
export async function updateMyEnrolment(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: UpdateEnrolmentBody,
) {
  const { personId, organisationId } = requireMember(actor);
  const programme = await findVisibleProgramme(db, actor, programmeId);
  if (programme.status === 'closed') {
    throw new AppError('unprocessable', message('closedProgramme'));
  }
  const row = await db.transaction(async (tx) => {
    const current = await repo.lockEnrolment(tx, programmeId, personId);
    if (!current?.isActive) throw notFound('enrolment');
    const questionIds = new Set(programme.questions.map((q) => q.id));
    const role = input.role ?? current.role;
    const next: EnrolBody = {
      role,
      capacity: input.capacity ?? current.capacity ?? undefined,
      offersGroup: role === 'mentee' ? false : (input.offersGroup ?? current.offersGroup),
      answers:
        input.answers ??
        Object.fromEntries(Object.entries(current.answers).filter(([id]) => questionIds.has(id))),
    };
    const { capacity, problems } = checkEnrolment(programme, next, {
      checkRequired: input.answers !== undefined,
    });
    const mentees = await countActiveMentees(tx, programmeId, personId);
    if (mentees > 0 && !canMentor(role)) {
      problems.push({ field: 'body.role', message: message('stillMentoring', { count: mentees }) });
    } else if (capacity !== null && capacity < mentees) {
      problems.push({
        field: 'body.capacity',
        message: message('belowCurrentMentees', { count: mentees }),
      });
    }
    const hasMentor =
      !canMentee(role) && (await hasActiveRelationshipAsMentee(tx, programmeId, personId));
    if (hasMentor) {
      problems.push({ field: 'body.role', message: message('stillMentored') });
    }
    // A pending request or open introduction on the side dropped would, once accepted, make one a
    // mentor or mentee outside one's role.
    if (
      mentees === 0 &&
      canMentor(current.role) &&
      !canMentor(role) &&
      (await repo.hasOpenCommitmentAs(tx, programmeId, personId, 'mentor'))
    ) {
      problems.push({ field: 'body.role', message: message('openAsMentor') });
    }
    if (
      !hasMentor &&
      canMentee(current.role) &&
      !canMentee(role) &&
      (await repo.hasOpenCommitmentAs(tx, programmeId, personId, 'mentee'))
    ) {
      problems.push({ field: 'body.role', message: message('openAsMentee') });
    }
    if (problems.length > 0) throw fieldErrors('unprocessable', problems);
    const updated = await repo.updateEnrolment(tx, current.id, {
      role,
      capacity,
      offersGroup: next.offersGroup,
      answers: next.answers,
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'enrolment.updated',
      subjectType: 'programme',
      subjectId: programmeId,
      details: { role, capacity },
    });
    return updated;
  });
  return toEnrolment(row, actor.name);
}

export async function withdraw(
  deps: { db: Db; mailer: Mailer; baseUrl: string },
  actor: Actor,
  programmeId: string,
) {
  const { db } = deps;
  const { personId } = requireMember(actor);
  const programme = await findVisibleProgramme(db, actor, programmeId);
  const existing = await repo.findEnrolment(db, programmeId, personId);
  if (!existing || !existing.isActive) throw notFound('enrolment');
  // Leaving closes what was still open, so nobody waits on someone who has gone. Requests and
  // introductions first, then the enrolment: the order in which accepting locks them too.
  await db.transaction(async (tx) => {
    const closed = await repo.closeOpenCommitments(tx, programmeId, personId, new Date());
    await repo.deactivateEnrolment(tx, programmeId, personId);
    // Those who were waiting are told, once each, and see the closed item in their lists.
    for (const other of new Set([...closed.requests, ...closed.introductions])) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId: other,
        kind: 'participant_left',
        payload: { who: actor.name, programme: programme.name },
        link: closed.requests.includes(other) ? '/requests' : '/introductions',
      });
    }
  });
}

export async function listProgrammeEnrolments(
  db: Db,
  actor: Actor,
  programmeId: string,
  page: { limit: number; offset: number },
) {
  const { organisationId } = requireRole(actor, managerRoles);
  const programme = await findProgramme(db, organisationId, programmeId);
  if (!programme) throw notFound('programme');
  const { rows, total } = await repo.listEnrolments(db, programmeId, page);
  const items = rows.map((r) => ({
    id: r.enrolment.id,
    programmeId,
    personId: r.enrolment.personId,
    name: `${r.givenName} ${r.familyName}`,
    role: r.enrolment.role,
    capacity: r.enrolment.capacity,
    offersGroup: r.enrolment.offersGroup,
    answers: r.enrolment.answers,
  }));
  return { items, total };
}
