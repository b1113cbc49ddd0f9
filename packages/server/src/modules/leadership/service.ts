import { requireMember, requireRole, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError, fieldErrors, notFound, type FieldProblem } from '../../errors.js';
import type { Locale } from '../../i18n/locale.js';
import { message } from '../../i18n/messages.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { notify } from '../notifications/service.js';
import { displayName } from '../people/display-name.js';
import { eligibilityOf } from '../programmes/eligibility.js';
import { findProgramme, insertChange, type ProgrammeRow } from '../programmes/repository.js';
import { findVisibleProgramme, isEnrolmentOpen, managerRoles } from '../programmes/service.js';
import * as repo from './repository.js';
import type {
  MyLeadership,
  MyLeadershipRequest,
  ProgrammeLeaders,
  SetSponsorsRequest,
  ShownLeader,
} from './schema.js';

export interface Deps {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  now: () => Date;
}

/** Stories an invitation quotes at most, and how much of each body. */
const INVITATION_STORIES = 2;
const STORY_EXCERPT = 300;

async function findManagedProgramme(db: Db, actor: Actor, id: string): Promise<ProgrammeRow> {
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await findProgramme(db, organisationId, id);
  if (!row) throw notFound('programme');
  return row;
}

/** Leaders who consented, reverse-programme mentees first ("our directors learn too"). */
async function shownLeaders(db: Db, row: ProgrammeRow): Promise<ShownLeader[]> {
  const rows = await repo.listShownLeaders(db, row.id, row.organisationId);
  const leaders = rows.map((r) => ({
    personId: r.personId,
    name: displayName(r),
    jobTitle: r.jobTitle,
    role: r.role,
    line: r.line ?? '',
    learnsToo: row.type === 'reverse' && (r.role === 'mentee' || r.role === 'both'),
  }));
  // A stable sort keeps the repository's name order within each group.
  return leaders.sort((a, b) => Number(b.learnsToo) - Number(a.learnsToo));
}

async function leadersOf(db: Db, row: ProgrammeRow): Promise<ProgrammeLeaders> {
  const [sponsors, leaders] = await Promise.all([
    repo.listSponsors(db, row.id),
    shownLeaders(db, row),
  ]);
  return {
    sponsors: sponsors.map((s) => ({
      personId: s.personId,
      name: displayName(s),
      jobTitle: s.jobTitle,
      takesPart: s.takesPart,
    })),
    leaders,
  };
}

/** A programme's sponsors and the leaders who take part with their consent (whoever may see it). */
export async function getLeaders(deps: Deps, actor: Actor, programmeId: string) {
  const row = await findVisibleProgramme(deps.db, actor, programmeId);
  return leadersOf(deps.db, row);
}

/**
 * Replaces a programme's sponsors (people of its organisation, active) in one transaction,
 * audited, and in the change log once the programme is published.
 */
export async function setSponsors(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  input: SetSponsorsRequest,
): Promise<ProgrammeLeaders> {
  const { db } = deps;
  const row = await findManagedProgramme(db, actor, programmeId);
  const ids = [...new Set(input.personIds)];
  const found = new Map(
    (await repo.findPeople(db, row.organisationId, ids)).map((p) => [p.personId, p]),
  );
  const problems: FieldProblem[] = [];
  input.personIds.forEach((id, i) => {
    const p = found.get(id);
    if (!p) problems.push({ field: `body.personIds.${i}`, message: message('noSuchPerson') });
    else if (!p.isActive)
      problems.push({ field: `body.personIds.${i}`, message: message('personDeactivated') });
  });
  if (problems.length > 0) throw fieldErrors('unprocessable', problems);
  await db.transaction(async (tx) => {
    const before = await repo.listSponsors(tx, row.id);
    await repo.replaceSponsors(tx, row.id, row.organisationId, ids);
    const beforeIds = before.map((s) => s.personId).sort();
    const afterIds = [...ids].sort();
    if (JSON.stringify(beforeIds) === JSON.stringify(afterIds)) return;
    if (row.status === 'published') {
      await insertChange(tx, {
        programmeId: row.id,
        actorUserId: actor.userId,
        changes: {
          sponsors: {
            before: before.map((s) => displayName(s)),
            after: ids.map((id) => displayName(found.get(id)!)),
          },
        },
      });
    }
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: 'programme.sponsors_set',
      subjectType: 'programme',
      subjectId: row.id,
      details: { before: beforeIds, after: afterIds },
    });
  });
  return leadersOf(db, row);
}

async function myLeadershipOf(db: Db, row: ProgrammeRow, personId: string) {
  const [leader, mine] = await Promise.all([
    repo.isLeader(db, row.organisationId, personId),
    repo.findActiveEnrolment(db, row.id, personId),
  ]);
  return { leader, mine };
}

/** Whether the caller is a leader, enrolled, and shown on the programme page with which line. */
export async function getMyLeadership(
  deps: Deps,
  actor: Actor,
  programmeId: string,
): Promise<MyLeadership> {
  const { personId } = requireMember(actor);
  const row = await findVisibleProgramme(deps.db, actor, programmeId);
  const { leader, mine } = await myLeadershipOf(deps.db, row, personId);
  return {
    isLeader: leader,
    enrolled: mine !== null,
    shown: leader && (mine?.leaderShownAt ?? null) !== null,
    line: mine?.leaderLine ?? '',
  };
}

/**
 * A leader's consent to be shown (with their line), or its withdrawal: it takes effect at once,
 * since the programme page and invitations read the enrolment each time.
 */
export async function setMyLeadership(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  input: MyLeadershipRequest,
): Promise<MyLeadership> {
  const { db } = deps;
  const { personId } = requireMember(actor);
  const row = await findVisibleProgramme(db, actor, programmeId);
  const { leader, mine } = await myLeadershipOf(db, row, personId);
  if (!mine) {
    throw fieldErrors('unprocessable', [
      { field: 'body.shown', message: message('notEnrolledInProgramme') },
    ]);
  }
  if (!leader) {
    throw fieldErrors('unprocessable', [{ field: 'body.shown', message: message('notALeader') }]);
  }
  const leaderShownAt = input.shown ? (mine.leaderShownAt ?? deps.now()) : null;
  const leaderLine = input.line === '' ? null : input.line;
  await db.transaction(async (tx) => {
    await repo.setLeaderConsent(tx, mine.id, { leaderShownAt, leaderLine });
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: input.shown ? 'enrolment.leader_shown' : 'enrolment.leader_hidden',
      subjectType: 'enrolment',
      subjectId: mine.id,
      details: { programmeId: row.id },
    });
  });
  return { isLeader: true, enrolled: true, shown: input.shown, line: leaderLine ?? '' };
}

/** The audience an invitation would reach now: eligible (as `canEnrol` decides), not enrolled, not invited. */
async function uninvitedAudience(db: Db, row: ProgrammeRow): Promise<string[]> {
  const candidates = await repo.listInvitationCandidates(db, row.id, row.organisationId);
  return candidates
    .filter((c) => {
      const sensitive = c.consentedAt
        ? { gender: c.gender, ageBand: c.ageBand, background: c.background }
        : null;
      const eligibility = eligibilityOf(c, row.audience, {
        isTargetGroup: row.isTargetGroup,
        sensitive,
      });
      if (eligibility === 'needs_sensitive') return c.collectsSensitive;
      return eligibility === 'eligible';
    })
    .map((c) => c.personId);
}

export async function getInvitationStatus(deps: Deps, actor: Actor, programmeId: string) {
  const row = await findManagedProgramme(deps.db, actor, programmeId);
  const [invited, audience] = await Promise.all([
    repo.countInvitations(deps.db, row.id),
    row.status === 'published' ? uninvitedAudience(deps.db, row) : Promise.resolve([]),
  ]);
  return { invited, notYetInvited: audience.length };
}

const excerpt = (text: string) => {
  const clean = text.trim().replace(/\s+/g, ' ');
  return clean.length <= STORY_EXCERPT ? clean : `${clean.slice(0, STORY_EXCERPT).trimEnd()}…`;
};

/** One language's text, falling back to the other. */
const inLocale = (locale: Locale, nl: string, en: string) =>
  (locale === 'nl' ? nl || en : en || nl).trim();

const invitationTexts = {
  nl: {
    leadersHeading: 'Leiding die meedoet',
    learnsToo: 'Onze directeuren leren ook',
    role: { mentor: 'mentor', mentee: 'mentee', both: 'mentor en mentee' },
    storiesHeading: 'Verhalen van deelnemers',
    footer: (name: string) =>
      `Je krijgt deze e-mail omdat je tot de doelgroep van ${name} hoort. Je krijgt deze uitnodiging één keer.`,
  },
  en: {
    leadersHeading: 'Leaders who take part',
    learnsToo: 'Our directors learn too',
    role: { mentor: 'mentor', mentee: 'mentee', both: 'mentor and mentee' },
    storiesHeading: 'Stories from participants',
    footer: (name: string) =>
      `You get this email because you belong to the audience of ${name}. You get this invitation once.`,
  },
} as const;

/** The invitation's detail lines in one language: description, leaders, stories. */
function invitationLines(
  locale: Locale,
  row: ProgrammeRow,
  leaders: ShownLeader[],
  stories: Awaited<ReturnType<typeof repo.listOrganisationStories>>,
): string[] {
  const t = invitationTexts[locale];
  const lines: string[] = [];
  const description = inLocale(locale, row.descriptionNl, row.descriptionEn);
  if (description) lines.push(description);
  const groups = [
    { heading: t.learnsToo, people: leaders.filter((l) => l.learnsToo) },
    { heading: t.leadersHeading, people: leaders.filter((l) => !l.learnsToo) },
  ];
  for (const group of groups) {
    if (group.people.length === 0) continue;
    lines.push(`${group.heading}:`);
    for (const l of group.people) {
      const who = [l.name, l.jobTitle].filter(Boolean).join(', ');
      lines.push(`${who} (${t.role[l.role]})${l.line ? `: “${l.line}”` : ''}`);
    }
  }
  if (stories.length > 0) {
    lines.push(`${t.storiesHeading}:`);
    for (const s of stories) {
      const title = inLocale(locale, s.titleNl, s.titleEn);
      const body = excerpt(inLocale(locale, s.bodyNl, s.bodyEn));
      lines.push(title ? `${title}: ${body}` : body);
    }
  }
  return lines;
}

/**
 * Invites the programme's audience to enrol: every eligible person not enrolled and not invited
 * before gets one notification in the app and one mail in their language, with the leaders who
 * take part (with their consent) and up to two stories meant for the whole organisation. The
 * invitations and notifications are written together or not at all; a second call reaches only
 * people who were not invited yet.
 */
export async function inviteAudience(
  deps: Deps,
  actor: Actor,
  programmeId: string,
): Promise<{ invited: number }> {
  const { db } = deps;
  const row = await findManagedProgramme(db, actor, programmeId);
  if (!isEnrolmentOpen(row, deps.now().toISOString().slice(0, 10))) {
    throw new AppError('unprocessable', message('enrolmentNotOpen'));
  }
  const [audience, leaders, stories] = await Promise.all([
    uninvitedAudience(db, row),
    shownLeaders(db, row),
    repo.listOrganisationStories(db, row.id, INVITATION_STORIES),
  ]);
  const invited = await db.transaction(async (tx) => {
    const fresh = await repo.insertInvitations(
      tx,
      row.id,
      row.organisationId,
      audience,
      actor.userId,
      deps.now(),
    );
    for (const personId of fresh) {
      await notify(tx, deps.mailer, deps.baseUrl, {
        personId,
        kind: 'programme_invitation',
        payload: { programme: row.name },
        link: `/programmes/${row.id}`,
        mail: {
          details: (locale) => invitationLines(locale, row, leaders, stories),
          footer: {
            nl: invitationTexts.nl.footer(row.name),
            en: invitationTexts.en.footer(row.name),
          },
        },
      });
    }
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: 'programme.invitations_sent',
      subjectType: 'programme',
      subjectId: row.id,
      details: { invited: fresh.length },
    });
    return fresh.length;
  });
  return { invited };
}
