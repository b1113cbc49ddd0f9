import { requireMember, requireRole, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { conflict, fieldErrors, invalidField, notFound, type FieldProblem } from '../../errors.js';
import type { Locale } from '../../i18n/locale.js';
import { message } from '../../i18n/messages.js';
import type { Mailer } from '../../mail/mailer.js';
import { recordAudit } from '../audit/repository.js';
import { notify } from '../notifications/service.js';
import { displayName } from '../people/display-name.js';
import { findProgramme } from '../programmes/repository.js';
import { isManager, managerRoles } from '../programmes/service.js';
import { resizePhoto } from './photo.js';
import * as repo from './repository.js';
import type {
  CreateStoryRequest,
  ReviewStoryRequest,
  Story,
  StoryPhotoRequest,
  UpdateStoryRequest,
} from './schema.js';

export interface Deps {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  now: () => Date;
}

type Status = repo.StoryRow['status'];
type MentionState = 'pending' | 'approved' | 'declined';

const TEXT_FIELDS = ['titleNl', 'titleEn', 'bodyNl', 'bodyEn'] as const;
/** Statuses in which the story is out of the author's hands: a change sends it back for approval. */
const SENT: readonly Status[] = ['submitted', 'published'];
/** Statuses in which the people named may read the story and answer. */
const ASKING: readonly Status[] = ['submitted', 'changes_requested', 'published'];
/** Statuses in which managers see the story. */
const FOR_MANAGERS: readonly Status[] = ['submitted', 'changes_requested', 'published', 'declined'];

export const storiesLink = '/stories';
export const reviewLink = (programmeId: string) => `/programmes/${programmeId}/stories`;

const stateOf = (m: { approvedAt: Date | null; declinedAt: Date | null }): MentionState =>
  m.approvedAt ? 'approved' : m.declinedAt ? 'declined' : 'pending';

/** Who the caller is to a story. */
interface Viewer {
  personId: string;
  isManager: boolean;
}

function viewerOf(actor: Actor): Viewer {
  const { personId } = requireMember(actor);
  return { personId, isManager: isManager(actor) };
}

function toStory(row: repo.ListedStory, mentions: repo.MentionRow[], viewer: Viewer): Story {
  const own = mentions.filter((m) => m.storyId === row.id);
  const isMine = row.authorId === viewer.personId;
  const mine = own.find((m) => m.personId === viewer.personId);
  const seesAll = isMine || viewer.isManager || mine !== undefined;
  return {
    id: row.id,
    programmeId: row.programmeId,
    programmeName: row.programmeName,
    author: {
      id: row.authorId,
      name: displayName({
        givenName: row.authorGivenName,
        familyName: row.authorFamilyName,
        preferredName: row.authorPreferredName,
      }),
      jobTitle: row.authorJobTitle,
    },
    titleNl: row.titleNl,
    titleEn: row.titleEn,
    bodyNl: row.bodyNl,
    bodyEn: row.bodyEn,
    hasPhoto: row.hasPhoto,
    photoAlt: row.hasPhoto ? row.photoAlt : null,
    audience: row.audience,
    status: row.status,
    reviewMessage: isMine || viewer.isManager ? row.reviewMessage : null,
    mentions: own
      .filter((m) => seesAll || m.approvedAt !== null)
      .map((m) => ({ personId: m.personId, name: displayName(m), state: stateOf(m) })),
    isMine,
    myMention: mine ? stateOf(mine) : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function toStories(db: Db, rows: repo.ListedStory[], viewer: Viewer): Promise<Story[]> {
  const mentions = await repo.listMentions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toStory(r, mentions, viewer));
}

/**
 * Whether the viewer may read the story now (its status read at this moment): the author always;
 * managers once it was sent; the people named while it asks them or is published; its audience
 * once published.
 */
async function mayRead(
  db: Db,
  row: repo.ListedStory,
  viewer: Viewer,
  mentions: repo.MentionRow[],
): Promise<boolean> {
  if (row.authorId === viewer.personId) return true;
  if (viewer.isManager && FOR_MANAGERS.includes(row.status)) return true;
  if (ASKING.includes(row.status) && mentions.some((m) => m.personId === viewer.personId))
    return true;
  if (row.status !== 'published') return false;
  if (row.audience === 'organisation' || viewer.isManager) return true;
  return repo.takesPartIn(db, row.programmeId, viewer.personId);
}

/** A story of the caller's organisation they may read; anything else is 404. */
async function findReadable(db: Db, actor: Actor, id: string) {
  const { organisationId } = requireMember(actor);
  const viewer = viewerOf(actor);
  const row = await repo.findStory(db, organisationId, id);
  if (!row) throw notFound('story');
  const mentions = await repo.listMentions(db, [row.id]);
  if (!(await mayRead(db, row, viewer, mentions))) throw notFound('story');
  return { row, mentions, viewer };
}

/** The caller's own story (404 for anyone else, whatever they may read). */
async function findOwn(db: Db, actor: Actor, id: string) {
  const { organisationId, personId } = requireMember(actor);
  const row = await repo.findStory(db, organisationId, id);
  if (!row || row.authorId !== personId) throw notFound('story');
  return row;
}

export async function getStory(deps: Deps, actor: Actor, id: string): Promise<Story> {
  const { row, mentions, viewer } = await findReadable(deps.db, actor, id);
  return toStory(row, mentions, viewer);
}

export async function readPhoto(deps: Deps, actor: Actor, id: string): Promise<Buffer> {
  const { row } = await findReadable(deps.db, actor, id);
  const photo = row.hasPhoto ? await repo.readPhoto(deps.db, row.id) : null;
  if (!photo) throw notFound('story');
  return photo;
}

// ---------------------------------------------------------------------------------------------
// The rules of a story's content
// ---------------------------------------------------------------------------------------------

interface Content {
  titleNl: string;
  titleEn: string;
  bodyNl: string;
  bodyEn: string;
  hasPhoto: boolean;
  photoAlt: string | null;
}

/** What a story needs before it is sent: a body in a language, a title with it, an alt text. */
function checkComplete(content: Content): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const lang of ['Nl', 'En'] as const) {
    const title = content[`title${lang}`];
    const body = content[`body${lang}`];
    if (body && !title)
      problems.push({ field: `body.title${lang}`, message: message('storyTitleRequired') });
    if (title && !body)
      problems.push({ field: `body.body${lang}`, message: message('storyBodyRequired') });
  }
  if (!content.bodyNl && !content.bodyEn) {
    problems.push({ field: 'body.bodyNl', message: message('storyTextRequired') });
  }
  if (content.hasPhoto && !content.photoAlt) {
    problems.push({ field: 'body.photoAlt', message: message('storyAltRequired') });
  }
  return problems;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the text holds the name as a whole word (any case, any script's letters). */
export function containsName(text: string, name: string): boolean {
  const trimmed = name.trim();
  if (!trimmed) return false;
  const words = trimmed.split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * "A story never names the other side unless that person approved it too": the text may hold
 * the given, family or preferred name of an other side of the author's relationships only when
 * that person is named in the story and (when publishing) approved. On sending, being named (and
 * so asked) is enough, since publishing waits for their approval.
 */
function checkNames(
  content: Content,
  sides: repo.NamedPerson[],
  mentions: { personId: string; state: MentionState }[],
  mode: 'submit' | 'approve',
): FieldProblem[] {
  const allowed = new Set(
    mentions
      .filter((m) => m.state === 'approved' || (mode === 'submit' && m.state === 'pending'))
      .map((m) => m.personId),
  );
  const problems: FieldProblem[] = [];
  for (const side of sides) {
    if (allowed.has(side.id)) continue;
    const names = [side.givenName, side.familyName, side.preferredName ?? ''];
    for (const field of TEXT_FIELDS) {
      if (names.some((n) => containsName(content[field], n))) {
        problems.push({
          field: `body.${field}`,
          message: message('storyNamesPerson', { name: displayName(side) }),
        });
      }
    }
  }
  return problems;
}

/** The people named must be other sides of the author's relationships in the programme. */
function checkMentionIds(ids: string[], sides: repo.NamedPerson[]): FieldProblem[] {
  const allowed = new Set(sides.map((s) => s.id));
  return ids.flatMap((id, i) =>
    allowed.has(id)
      ? []
      : [{ field: `body.mentionIds.${i}`, message: message('storyNotOtherSide') }],
  );
}

function throwIf(problems: FieldProblem[]): void {
  if (problems.length > 0) throw fieldErrors('unprocessable', problems);
}

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

const titleOf = (row: { titleNl: string; titleEn: string }) => row.titleNl || row.titleEn;

function textIn(row: Content, locale: Locale): string {
  const [first, second] = locale === 'nl' ? (['Nl', 'En'] as const) : (['En', 'Nl'] as const);
  const lang = row[`body${first}`] ? first : second;
  return `${row[`title${lang}`]}\n\n${row[`body${lang}`]}`;
}

/** The story was sent: managers review it, and each named person who has not answered is asked. */
async function announceSubmission(
  deps: Deps,
  tx: Db,
  row: repo.ListedStory,
  content: Content,
  mentions: { personId: string; state: MentionState }[],
  tellManagers = true,
): Promise<void> {
  const from = displayName({
    givenName: row.authorGivenName,
    familyName: row.authorFamilyName,
    preferredName: row.authorPreferredName,
  });
  const managers = tellManagers ? await repo.listManagers(tx, row.organisationId) : [];
  for (const personId of managers) {
    if (personId === row.authorId) continue;
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId,
      kind: 'story_submitted',
      payload: { from, programme: row.programmeName },
      link: reviewLink(row.programmeId),
    });
  }
  for (const m of mentions) {
    if (m.state !== 'pending') continue;
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId: m.personId,
      kind: 'story_mention_asked',
      payload: { from, programme: row.programmeName },
      link: `${storiesLink}#asked`,
      mail: { quote: (locale) => textIn(content, locale) },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** The programmes the caller may write a story for, each with whom a story there may name. */
export async function storyOptions(deps: Deps, actor: Actor) {
  const { organisationId, personId } = requireMember(actor);
  const programmes = await repo.enrolledProgrammes(deps.db, organisationId, personId);
  return {
    programmes: await Promise.all(
      programmes.map(async (p) => ({
        id: p.id,
        name: p.name,
        otherSides: (await repo.otherSides(deps.db, p.id, personId)).map((s) => ({
          personId: s.id,
          name: displayName(s),
        })),
      })),
    ),
  };
}

/** A new draft, by a participant of the programme (an enrolment, active or not). */
export async function createStory(
  deps: Deps,
  actor: Actor,
  input: CreateStoryRequest,
): Promise<Story> {
  const { db } = deps;
  const { organisationId, personId } = requireMember(actor);
  const programme = await findProgramme(db, organisationId, input.programmeId);
  if (!programme || !(await repo.hasEnrolment(db, programme.id, personId))) {
    throw fieldErrors('unprocessable', [
      { field: 'body.programmeId', message: message('storyNotParticipant') },
    ]);
  }
  const mentionIds = [...new Set(input.mentionIds ?? [])];
  const sides = await repo.otherSides(db, programme.id, personId);
  throwIf(checkMentionIds(mentionIds, sides));
  const id = await db.transaction(async (tx) => {
    const created = await repo.insertStory(tx, {
      organisationId,
      programmeId: programme.id,
      authorId: personId,
      titleNl: input.titleNl ?? '',
      titleEn: input.titleEn ?? '',
      bodyNl: input.bodyNl ?? '',
      bodyEn: input.bodyEn ?? '',
      audience: input.audience ?? 'programme',
      photoAlt: input.photoAlt ?? null,
      createdAt: deps.now(),
      updatedAt: deps.now(),
    });
    await repo.setMentions(tx, created.id, mentionIds);
    return created.id;
  });
  return getStory(deps, actor, id);
}

interface Change {
  values: Partial<Content> & { audience?: 'programme' | 'organisation'; photo?: Buffer | null };
  mentionIds?: string[];
}

/**
 * Applies the author's change. The named people are asked again when the content changed; a
 * story that was sent (or published) goes back to waiting for approval, checked as when sent.
 */
async function applyChange(
  deps: Deps,
  actor: Actor,
  row: repo.ListedStory,
  change: Change,
): Promise<Story> {
  const { db } = deps;
  const { photo, ...values } = change.values;
  const content: Content = {
    titleNl: values.titleNl ?? row.titleNl,
    titleEn: values.titleEn ?? row.titleEn,
    bodyNl: values.bodyNl ?? row.bodyNl,
    bodyEn: values.bodyEn ?? row.bodyEn,
    hasPhoto: photo === undefined ? row.hasPhoto : photo !== null,
    photoAlt: values.photoAlt !== undefined ? values.photoAlt || null : row.photoAlt,
  };
  const contentChanged =
    TEXT_FIELDS.some((f) => content[f] !== row[f]) ||
    photo !== undefined ||
    (content.hasPhoto && content.photoAlt !== row.photoAlt);
  const current = await repo.listMentions(db, [row.id]);
  const sides = await repo.otherSides(db, row.programmeId, row.authorId);
  const mentionIds = change.mentionIds ? [...new Set(change.mentionIds)] : undefined;
  if (mentionIds) throwIf(checkMentionIds(mentionIds, sides));
  const mentions = (mentionIds ?? current.map((m) => m.personId)).map((personId) => {
    const had = current.find((m) => m.personId === personId);
    return { personId, state: had && !contentChanged ? stateOf(had) : ('pending' as MentionState) };
  });
  const mentionsChanged =
    mentionIds !== undefined &&
    (mentionIds.length !== current.length ||
      mentionIds.some((id) => !current.some((m) => m.personId === id)));
  const audienceChanged = values.audience !== undefined && values.audience !== row.audience;
  const resubmit =
    SENT.includes(row.status) && (contentChanged || mentionsChanged || audienceChanged);
  if (resubmit) {
    throwIf([...checkComplete(content), ...checkNames(content, sides, mentions, 'submit')]);
  }
  const now = deps.now();
  await db.transaction(async (tx) => {
    await repo.lockStory(tx, row.organisationId, row.id);
    await repo.updateStory(tx, row.id, {
      ...(values.titleNl !== undefined && { titleNl: values.titleNl }),
      ...(values.titleEn !== undefined && { titleEn: values.titleEn }),
      ...(values.bodyNl !== undefined && { bodyNl: values.bodyNl }),
      ...(values.bodyEn !== undefined && { bodyEn: values.bodyEn }),
      ...(values.audience !== undefined && { audience: values.audience }),
      ...(values.photoAlt !== undefined && { photoAlt: values.photoAlt || null }),
      ...(photo !== undefined && { photo, ...(photo === null && { photoAlt: null }) }),
      ...(resubmit && { status: 'submitted' as const, submittedAt: now, publishedAt: null }),
      updatedAt: now,
    });
    if (mentionIds) await repo.setMentions(tx, row.id, mentionIds);
    if (contentChanged) await repo.resetMentions(tx, row.id);
    if (resubmit) {
      await recordAudit(tx, {
        organisationId: row.organisationId,
        actorUserId: actor.userId,
        action: 'story.resubmitted',
        subjectType: 'story',
        subjectId: row.id,
        details: { programmeId: row.programmeId, was: row.status },
      });
      // Managers hear of a story that comes back to their queue, not of each change while it
      // waits there; the people named hear when they are asked anew.
      const asked = mentions.filter((m) => {
        const had = current.find((c) => c.personId === m.personId);
        return m.state === 'pending' && (!had || stateOf(had) !== 'pending');
      });
      await announceSubmission(deps, tx, row, content, asked, row.status === 'published');
    }
  });
  return getStory(deps, actor, row.id);
}

export async function updateStory(
  deps: Deps,
  actor: Actor,
  id: string,
  input: UpdateStoryRequest,
): Promise<Story> {
  const row = await findOwn(deps.db, actor, id);
  const { mentionIds, ...values } = input;
  return applyChange(deps, actor, row, { values, mentionIds });
}

/** The photo, resized and stripped of every bit of metadata (location included). */
export async function setPhoto(
  deps: Deps,
  actor: Actor,
  id: string,
  input: StoryPhotoRequest,
): Promise<Story> {
  const row = await findOwn(deps.db, actor, id);
  const photo = await resizePhoto(input.data);
  if (!photo) {
    throw fieldErrors('unprocessable', [
      { field: 'body.data', message: message('storyNotAnImage') },
    ]);
  }
  return applyChange(deps, actor, row, { values: { photo, photoAlt: input.alt } });
}

export async function removePhoto(deps: Deps, actor: Actor, id: string): Promise<Story> {
  const row = await findOwn(deps.db, actor, id);
  if (!row.hasPhoto) return getStory(deps, actor, id);
  return applyChange(deps, actor, row, { values: { photo: null } });
}

/** Sends the story for the programme manager's approval; the people named are asked. */
export async function submitStory(deps: Deps, actor: Actor, id: string): Promise<Story> {
  const { db } = deps;
  const row = await findOwn(db, actor, id);
  if (SENT.includes(row.status)) throw conflict(message('storyAlreadySent'));
  const [current, sides] = await Promise.all([
    repo.listMentions(db, [row.id]),
    repo.otherSides(db, row.programmeId, row.authorId),
  ]);
  const mentions = current.map((m) => ({ personId: m.personId, state: stateOf(m) }));
  throwIf([...checkComplete(row), ...checkNames(row, sides, mentions, 'submit')]);
  const now = deps.now();
  await db.transaction(async (tx) => {
    await repo.lockStory(tx, row.organisationId, row.id);
    await repo.updateStory(tx, row.id, {
      status: 'submitted',
      submittedAt: now,
      publishedAt: null,
      withdrawnAt: null,
      updatedAt: now,
    });
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: 'story.submitted',
      subjectType: 'story',
      subjectId: row.id,
      details: { programmeId: row.programmeId, was: row.status },
    });
    await announceSubmission(deps, tx, row, row, mentions);
  });
  return getStory(deps, actor, id);
}

/** The author takes the story back, whatever its state: it disappears everywhere at once. */
export async function withdrawStory(deps: Deps, actor: Actor, id: string): Promise<Story> {
  const { db } = deps;
  const row = await findOwn(db, actor, id);
  if (row.status === 'withdrawn') return getStory(deps, actor, id);
  const now = deps.now();
  await db.transaction(async (tx) => {
    await repo.lockStory(tx, row.organisationId, row.id);
    await repo.updateStory(tx, row.id, {
      status: 'withdrawn',
      withdrawnAt: now,
      publishedAt: null,
      updatedAt: now,
    });
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: 'story.withdrawn',
      subjectType: 'story',
      subjectId: row.id,
      details: { programmeId: row.programmeId, was: row.status },
    });
  });
  return getStory(deps, actor, id);
}

export async function deleteStory(deps: Deps, actor: Actor, id: string): Promise<void> {
  const { db } = deps;
  const row = await findOwn(db, actor, id);
  if (row.status !== 'draft' && row.status !== 'withdrawn') {
    throw conflict(message('storyCannotDelete'));
  }
  await db.transaction(async (tx) => {
    await repo.deleteStory(tx, row.id);
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: actor.userId,
      action: 'story.deleted',
      subjectType: 'story',
      subjectId: row.id,
      details: { programmeId: row.programmeId, was: row.status },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Review and the people named
// ---------------------------------------------------------------------------------------------

/** The manager approves, asks for a change, or declines; the author hears it with the message. */
export async function reviewStory(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ReviewStoryRequest,
): Promise<Story> {
  const { db } = deps;
  const { organisationId } = requireRole(actor, managerRoles);
  const row = await repo.findStory(db, organisationId, id);
  if (!row || !FOR_MANAGERS.includes(row.status)) throw notFound('story');
  if (row.status !== 'submitted') throw conflict(message('storyNotWaitingForReview'));
  const reviewMessage = input.message?.trim() || null;
  if (input.decision !== 'approve' && !reviewMessage) {
    throw invalidField('body.message', message('storyReviewMessageRequired'));
  }
  if (input.decision === 'approve') {
    const [current, sides] = await Promise.all([
      repo.listMentions(db, [row.id]),
      repo.otherSides(db, row.programmeId, row.authorId),
    ]);
    const mentions = current.map((m) => ({ personId: m.personId, state: stateOf(m) }));
    const problems = checkNames(row, sides, mentions, 'approve');
    if (mentions.some((m) => m.state !== 'approved')) {
      problems.unshift({ field: 'mentions', message: message('storyMentionsNotApproved') });
    }
    throwIf(problems);
  }
  const now = deps.now();
  const status = (
    { approve: 'published', request_changes: 'changes_requested', decline: 'declined' } as const
  )[input.decision];
  await db.transaction(async (tx) => {
    const locked = await repo.lockStory(tx, organisationId, row.id);
    if (locked?.status !== 'submitted') throw conflict(message('storyNotWaitingForReview'));
    await repo.updateStory(tx, row.id, {
      status,
      reviewMessage,
      reviewedByUserId: actor.userId,
      reviewedAt: now,
      publishedAt: status === 'published' ? now : null,
      updatedAt: now,
    });
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'story.reviewed',
      subjectType: 'story',
      subjectId: row.id,
      details: { programmeId: row.programmeId, decision: input.decision },
    });
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId: row.authorId,
      kind: `story_${status}`,
      payload: { title: titleOf(row) },
      link: storiesLink,
      ...(reviewMessage && { mail: { quote: reviewMessage } }),
    });
  });
  return getStory(deps, actor, id);
}

/**
 * A named person approves or declines being named. Declining a published story takes it off
 * the air at once (back to waiting for approval): a published story names only those who agreed.
 */
export async function answerMention(
  deps: Deps,
  actor: Actor,
  id: string,
  approve: boolean,
): Promise<Story> {
  const { db } = deps;
  const { organisationId, personId } = requireMember(actor);
  const row = await repo.findStory(db, organisationId, id);
  if (!row) throw notFound('story');
  const mentions = await repo.listMentions(db, [row.id]);
  const mine = mentions.find((m) => m.personId === personId);
  if (!mine) throw notFound('story');
  if (!ASKING.includes(row.status)) throw conflict(message('storyMentionClosed'));
  const now = deps.now();
  await db.transaction(async (tx) => {
    await repo.lockStory(tx, organisationId, row.id);
    await repo.answerMention(tx, row.id, personId, approve, now);
    if (!approve && row.status === 'published') {
      await repo.updateStory(tx, row.id, {
        status: 'submitted',
        publishedAt: null,
        updatedAt: now,
      });
    }
    await recordAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'story.mention_answered',
      subjectType: 'story',
      subjectId: row.id,
      details: { approve },
    });
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId: row.authorId,
      kind: 'story_mention_answered',
      payload: {
        who: displayName(mine),
        title: titleOf(row),
        answer: approve ? 'approved' : 'declined',
      },
      link: storiesLink,
    });
  });
  return getStory(deps, actor, id);
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export async function listMine(deps: Deps, actor: Actor) {
  const viewer = viewerOf(actor);
  const rows = await repo.listOfAuthor(deps.db, viewer.personId);
  return { items: await toStories(deps.db, rows, viewer) };
}

export async function listAskingMe(deps: Deps, actor: Actor) {
  const viewer = viewerOf(actor);
  const rows = await repo.listNamingPerson(deps.db, viewer.personId);
  return { items: await toStories(deps.db, rows, viewer) };
}

export async function listFeed(deps: Deps, actor: Actor, page: { limit: number; offset: number }) {
  const { organisationId } = requireMember(actor);
  const viewer = viewerOf(actor);
  const { rows, total } = await repo.listFeed(deps.db, organisationId, viewer.personId, page);
  return { items: await toStories(deps.db, rows, viewer), total };
}

async function findProgrammeOfOrg(db: Db, actor: Actor, programmeId: string) {
  const { organisationId } = requireMember(actor);
  const programme = await findProgramme(db, organisationId, programmeId);
  if (!programme || (programme.status === 'draft' && !isManager(actor))) {
    throw notFound('programme');
  }
  return programme;
}

/** A programme's published stories the caller may read, with what the caller may do there. */
export async function listOfProgramme(deps: Deps, actor: Actor, programmeId: string) {
  const { db } = deps;
  const programme = await findProgrammeOfOrg(db, actor, programmeId);
  const viewer = viewerOf(actor);
  const [takesPart, canWrite, waiting] = await Promise.all([
    repo.takesPartIn(db, programme.id, viewer.personId),
    repo.hasEnrolment(db, programme.id, viewer.personId),
    viewer.isManager ? repo.countWaitingForReview(db, programme.id) : Promise.resolve(null),
  ]);
  const rows = await repo.listPublishedOfProgramme(db, programme.id, takesPart || viewer.isManager);
  return { items: await toStories(db, rows, viewer), canWrite, waitingForReview: waiting };
}

export async function listReviewQueue(deps: Deps, actor: Actor, programmeId: string) {
  const { db } = deps;
  requireRole(actor, managerRoles);
  const programme = await findProgrammeOfOrg(db, actor, programmeId);
  const rows = await repo.listWaitingForReview(db, programme.id);
  return { items: await toStories(db, rows, viewerOf(actor)) };
}

export { publishedStoriesForBoard, type BoardStory } from './repository.js';
