import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { person, story } from '../../../db/schema.js';
import type { BoardStory } from './pdf.js';

/**
 * Published stories for the board report, newest first, those for the whole organisation before
 * those for the programme's people. A programme's report may show both audiences (its readers
 * manage or sponsor it); the organisation's report only stories meant for the whole organisation.
 * A published story has every person it names approved (stories module); one whose author is no
 * longer active is left out, since they can no longer withdraw it.
 */
export async function publishedStoriesForBoard(
  db: Db,
  organisationId: string,
  programmeId: string | null,
  limit: number,
): Promise<BoardStory[]> {
  const rows = await db
    .select({
      titleNl: story.titleNl,
      titleEn: story.titleEn,
      bodyNl: story.bodyNl,
      bodyEn: story.bodyEn,
      photo: story.photo,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
    })
    .from(story)
    .innerJoin(person, eq(person.id, story.authorId))
    .where(
      and(
        eq(story.organisationId, organisationId),
        eq(person.organisationId, organisationId),
        eq(person.isActive, true),
        eq(story.status, 'published'),
        programmeId === null
          ? eq(story.audience, 'organisation')
          : eq(story.programmeId, programmeId),
      ),
    )
    .orderBy(
      sql`case when ${story.audience} = 'organisation' then 0 else 1 end`,
      desc(story.publishedAt),
      desc(story.id),
    )
    .limit(limit);
  return rows.map((row) => ({
    titleNl: row.titleNl,
    titleEn: row.titleEn,
    bodyNl: row.bodyNl,
    bodyEn: row.bodyEn,
    photo: row.photo ? Buffer.from(row.photo) : null,
    authorName: `${row.preferredName?.trim() || row.givenName} ${row.familyName}`,
  }));
}
