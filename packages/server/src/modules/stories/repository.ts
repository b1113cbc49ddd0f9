import { and, desc, eq, getTableColumns, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  enrolment,
  person,
  programme,
  programmeSponsor,
  relationship,
  relationshipMentee,
  story,
  storyMention,
} from '../../db/schema.js';

export type StoryRow = Omit<typeof story.$inferSelect, 'photo'>;

export interface ListedStory extends StoryRow {
  hasPhoto: boolean;
  programmeName: string;
  authorGivenName: string;
  authorFamilyName: string;
  authorPreferredName: string | null;
  authorJobTitle: string | null;
}

export interface MentionRow {
  storyId: string;
  personId: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  approvedAt: Date | null;
  declinedAt: Date | null;
}

export interface NamedPerson {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
}

const { photo: _photo, ...storyColumns } = getTableColumns(story);

const listed = {
  ...storyColumns,
  hasPhoto: sql<boolean>`${story.photo} is not null`,
  programmeName: programme.name,
  authorGivenName: person.givenName,
  authorFamilyName: person.familyName,
  authorPreferredName: person.preferredName,
  authorJobTitle: person.jobTitle,
};

function selectStories(db: Db) {
  return db
    .select(listed)
    .from(story)
    .innerJoin(programme, eq(programme.id, story.programmeId))
    .innerJoin(person, eq(person.id, story.authorId));
}

const newestFirst = [desc(story.publishedAt), desc(story.updatedAt), desc(story.id)];

export async function findStory(
  db: Db,
  organisationId: string,
  id: string,
): Promise<ListedStory | null> {
  const [row] = await selectStories(db).where(
    and(eq(story.organisationId, organisationId), eq(story.id, id)),
  );
  return row ?? null;
}

/** Locks the story row for the rest of the transaction (status changes). */
export async function lockStory(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: story.id, status: story.status })
    .from(story)
    .where(and(eq(story.organisationId, organisationId), eq(story.id, id)))
    .for('update');
  return row ?? null;
}

export async function insertStory(
  db: Db,
  values: typeof story.$inferInsert,
): Promise<{ id: string }> {
  const [row] = await db.insert(story).values(values).returning({ id: story.id });
  return row!;
}

export async function updateStory(
  db: Db,
  id: string,
  values: Partial<typeof story.$inferInsert>,
): Promise<void> {
  await db.update(story).set(values).where(eq(story.id, id));
}

export async function deleteStory(db: Db, id: string): Promise<void> {
  await db.delete(story).where(eq(story.id, id));
}

export async function readPhoto(db: Db, id: string): Promise<Buffer | null> {
  const [row] = await db.select({ photo: story.photo }).from(story).where(eq(story.id, id));
  return row?.photo ?? null;
}

export async function listMentions(db: Db, storyIds: string[]): Promise<MentionRow[]> {
  if (storyIds.length === 0) return [];
  return db
    .select({
      storyId: storyMention.storyId,
      personId: storyMention.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
      approvedAt: storyMention.approvedAt,
      declinedAt: storyMention.declinedAt,
    })
    .from(storyMention)
    .innerJoin(person, eq(person.id, storyMention.personId))
    .where(inArray(storyMention.storyId, storyIds))
    .orderBy(person.familyName, person.givenName);
}

/** Makes the story name exactly these people: new ones are added unasked, others removed. */
export async function setMentions(db: Db, storyId: string, personIds: string[]): Promise<void> {
  const current = await db
    .select({ personId: storyMention.personId })
    .from(storyMention)
    .where(eq(storyMention.storyId, storyId));
  const have = new Set(current.map((r) => r.personId));
  const want = new Set(personIds);
  const gone = [...have].filter((id) => !want.has(id));
  if (gone.length > 0) {
    await db
      .delete(storyMention)
      .where(and(eq(storyMention.storyId, storyId), inArray(storyMention.personId, gone)));
  }
  const added = [...want].filter((id) => !have.has(id));
  if (added.length > 0) {
    await db.insert(storyMention).values(added.map((personId) => ({ storyId, personId })));
  }
}

/** Everyone named is asked again (the story changed). */
export async function resetMentions(db: Db, storyId: string): Promise<void> {
  await db
    .update(storyMention)
    .set({ approvedAt: null, declinedAt: null })
    .where(eq(storyMention.storyId, storyId));
}

export async function answerMention(
  db: Db,
  storyId: string,
  personId: string,
  approve: boolean,
  at: Date,
): Promise<void> {
  await db
    .update(storyMention)
    .set(approve ? { approvedAt: at, declinedAt: null } : { approvedAt: null, declinedAt: at })
    .where(and(eq(storyMention.storyId, storyId), eq(storyMention.personId, personId)));
}

/**
 * The other sides of a person's mentoring relationships in a programme: their mentor where they
 * are a mentee, and their mentees where they are the mentor (any status: a story may look back).
 */
export async function otherSides(
  db: Db,
  programmeId: string,
  personId: string,
): Promise<NamedPerson[]> {
  const columns = {
    id: person.id,
    givenName: person.givenName,
    familyName: person.familyName,
    preferredName: person.preferredName,
  };
  const [mentors, mentees] = await Promise.all([
    db
      .selectDistinct(columns)
      .from(relationshipMentee)
      .innerJoin(relationship, eq(relationship.id, relationshipMentee.relationshipId))
      .innerJoin(person, eq(person.id, relationship.mentorId))
      .where(
        and(eq(relationship.programmeId, programmeId), eq(relationshipMentee.menteeId, personId)),
      ),
    db
      .selectDistinct(columns)
      .from(relationship)
      .innerJoin(relationshipMentee, eq(relationshipMentee.relationshipId, relationship.id))
      .innerJoin(person, eq(person.id, relationshipMentee.menteeId))
      .where(and(eq(relationship.programmeId, programmeId), eq(relationship.mentorId, personId))),
  ]);
  const byId = new Map<string, NamedPerson>();
  for (const p of [...mentors, ...mentees]) if (p.id !== personId) byId.set(p.id, p);
  return [...byId.values()].sort((a, b) =>
    `${a.familyName} ${a.givenName}`.localeCompare(`${b.familyName} ${b.givenName}`),
  );
}

/** The programmes of the organisation a person has an enrolment in (active or not). */
export async function enrolledProgrammes(db: Db, organisationId: string, personId: string) {
  return db
    .select({ id: programme.id, name: programme.name })
    .from(enrolment)
    .innerJoin(programme, eq(programme.id, enrolment.programmeId))
    .where(and(eq(enrolment.personId, personId), eq(programme.organisationId, organisationId)))
    .orderBy(programme.name);
}

export async function hasEnrolment(
  db: Db,
  programmeId: string,
  personId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: enrolment.id })
    .from(enrolment)
    .where(and(eq(enrolment.programmeId, programmeId), eq(enrolment.personId, personId)));
  return row !== undefined;
}

/** Whether the person is in a programme story's audience as a participant or a sponsor. */
export async function takesPartIn(db: Db, programmeId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`1` })
    .from(programme)
    .where(and(eq(programme.id, programmeId), takesPart(personId)));
  return row !== undefined;
}

/** `programme.id` is one the person takes part in: enrolled (active or not) or sponsor. */
function takesPart(personId: string): SQL {
  return sql`(exists (select 1 from ${enrolment} where ${enrolment.programmeId} = ${programme.id}
      and ${enrolment.personId} = ${personId})
    or exists (select 1 from ${programmeSponsor} where ${programmeSponsor.programmeId} = ${programme.id}
      and ${programmeSponsor.personId} = ${personId}))`;
}

/** Published stories, read at query time: a withdrawn or unpublished one is never among them. */
const isPublished = eq(story.status, 'published');

/** The programme's published stories; programme-wide ones only when the caller is in them. */
export async function listPublishedOfProgramme(
  db: Db,
  programmeId: string,
  withProgrammeAudience: boolean,
): Promise<ListedStory[]> {
  return selectStories(db)
    .where(
      and(
        eq(story.programmeId, programmeId),
        isPublished,
        withProgrammeAudience ? undefined : eq(story.audience, 'organisation'),
      ),
    )
    .orderBy(...newestFirst);
}

/**
 * The published stories of a person's audiences: organisation-wide ones, and programme ones of
 * the programmes they take part in; newest first, one page with the total.
 */
export async function listFeed(
  db: Db,
  organisationId: string,
  personId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: ListedStory[]; total: number }> {
  const rows = await db
    .select({ ...listed, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(story)
    .innerJoin(programme, eq(programme.id, story.programmeId))
    .innerJoin(person, eq(person.id, story.authorId))
    .where(
      and(
        eq(story.organisationId, organisationId),
        isPublished,
        or(eq(story.audience, 'organisation'), takesPart(personId)),
      ),
    )
    .orderBy(...newestFirst)
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function listOfAuthor(db: Db, personId: string): Promise<ListedStory[]> {
  return selectStories(db)
    .where(eq(story.authorId, personId))
    .orderBy(desc(story.updatedAt), desc(story.id));
}

/** Stories that name the person and ask (or asked) their approval: sent, not withdrawn. */
export async function listNamingPerson(db: Db, personId: string): Promise<ListedStory[]> {
  return selectStories(db)
    .innerJoin(storyMention, eq(storyMention.storyId, story.id))
    .where(
      and(
        eq(storyMention.personId, personId),
        inArray(story.status, ['submitted', 'changes_requested', 'published']),
      ),
    )
    .orderBy(desc(story.updatedAt), desc(story.id));
}

export async function listWaitingForReview(db: Db, programmeId: string): Promise<ListedStory[]> {
  return selectStories(db)
    .where(and(eq(story.programmeId, programmeId), eq(story.status, 'submitted')))
    .orderBy(story.submittedAt, story.id);
}

export async function countWaitingForReview(db: Db, programmeId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(story)
    .where(and(eq(story.programmeId, programmeId), eq(story.status, 'submitted')));
  return row?.n ?? 0;
}

/** The organisation's active managers (org admins and programme managers): who reviews. */
export async function listManagers(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(
      and(
        eq(person.organisationId, organisationId),
        eq(person.isActive, true),
        inArray(person.role, ['org_admin', 'programme_manager']),
      ),
    );
  return rows.map((r) => r.id);
}

export interface BoardStory {
  id: string;
  programmeId: string;
  programmeName: string;
  audience: 'programme' | 'organisation';
  titleNl: string;
  titleEn: string;
  bodyNl: string;
  bodyEn: string;
  photo: Buffer | null;
  photoAlt: string | null;
  authorName: string;
  authorJobTitle: string | null;
  /** The people the story names (all approved: a published story names nobody else). */
  withNames: string[];
  publishedAt: Date | null;
}

/**
 * Published stories for the board report (organisation-wide ones first, then newest first), with
 * both languages, the photo's bytes and alt text, and the author's name and job title. A
 * programme's report may show both audiences (its readers manage or sponsor it); the
 * organisation's report (no programme id) only stories meant for the whole organisation. A story
 * whose author is no longer active is left out, since they can no longer withdraw it.
 */
export async function publishedStoriesForBoard(
  db: Db,
  organisationId: string,
  programmeId: string | null,
  limit: number,
): Promise<BoardStory[]> {
  const rows = await db
    .select({
      id: story.id,
      programmeId: story.programmeId,
      programmeName: programme.name,
      audience: story.audience,
      titleNl: story.titleNl,
      titleEn: story.titleEn,
      bodyNl: story.bodyNl,
      bodyEn: story.bodyEn,
      photo: story.photo,
      photoAlt: story.photoAlt,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
      authorJobTitle: person.jobTitle,
      publishedAt: story.publishedAt,
    })
    .from(story)
    .innerJoin(programme, eq(programme.id, story.programmeId))
    .innerJoin(person, eq(person.id, story.authorId))
    .where(
      and(
        eq(story.organisationId, organisationId),
        eq(person.isActive, true),
        isPublished,
        programmeId ? eq(story.programmeId, programmeId) : eq(story.audience, 'organisation'),
      ),
    )
    .orderBy(
      sql`case when ${story.audience} = 'organisation' then 0 else 1 end`,
      desc(story.publishedAt),
      desc(story.id),
    )
    .limit(limit);
  if (rows.length === 0) return [];
  const mentions = await db
    .select({
      storyId: storyMention.storyId,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
    })
    .from(storyMention)
    .innerJoin(person, eq(person.id, storyMention.personId))
    .where(
      and(
        inArray(
          storyMention.storyId,
          rows.map((r) => r.id),
        ),
        isNotNull(storyMention.approvedAt),
      ),
    );
  const name = (p: { givenName: string; familyName: string; preferredName: string | null }) =>
    `${p.preferredName?.trim() || p.givenName} ${p.familyName}`;
  return rows.map(({ givenName, familyName, preferredName, ...r }) => ({
    ...r,
    authorName: name({ givenName, familyName, preferredName }),
    withNames: mentions.filter((m) => m.storyId === r.id).map(name),
  }));
}
