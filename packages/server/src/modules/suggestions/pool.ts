import { and, eq, inArray, isNull, sql, type Placeholder } from 'drizzle-orm';
import {
  buildMatchIndex,
  type Labels,
  type MatchIndex,
  type MatchPool,
  type Participant,
  type Role,
} from '@klik/match';
import type { Db } from '../../db/client.js';
import { tableVersion } from '../../db/table-version.js';
import {
  enrolment,
  mentoringRequest,
  person,
  profile,
  programme as programmeTable,
  relationship,
  relationshipMentee,
} from '../../db/schema.js';
import { listSkills } from '../enrolments/service.js';
import type { ProgrammeRow } from '../programmes/repository.js';

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Minutes east of UTC of an IANA time zone at a moment (daylight saving included). Building an
 * `Intl.DateTimeFormat` costs far more than using one (it was the hottest function of the
 * suggestions route in the profile), so there is one per zone for the process's life.
 */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      return 0; // not a zone this runtime knows
    }
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** Local weekly hour ranges → UTC hour-of-week ranges (wrapping around the week). */
export function toUtcSlots(slots: [number, number][], offsetMinutes: number): [number, number][] {
  const shift = Math.round(offsetMinutes / 60);
  const out: [number, number][] = [];
  for (const [from, to] of slots) {
    const a = from - shift;
    const b = to - shift;
    const start = ((a % 168) + 168) % 168;
    const end = start + (b - a);
    if (end <= 168) out.push([start, end]);
    else {
      out.push([start, 168]);
      out.push([0, end - 168]);
    }
  }
  return out;
}

const interestId = (kind: string, text: string) =>
  `${kind}:${text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ')}`;

export interface ProgrammePool {
  pool: MatchPool;
  index: MatchIndex;
  /** Enrolled person ids → enrolment role. */
  roles: Map<string, 'mentee' | 'mentor' | 'both'>;
  /** What a suggestion card shows besides the engine's view, by enrolled person id. */
  cards: Map<string, PersonCard>;
}

export interface PersonCard {
  jobTitle: string | null;
  department: string | null;
  location: string | null;
}

/**
 * The engine's view of a programme: everyone actively enrolled with their profile, the
 * organisation's reporting lines, earlier pairs, current load and the programme's rules.
 */
export async function buildProgrammePool(
  db: Db,
  programme: ProgrammeRow,
  now = new Date(),
): Promise<ProgrammePool> {
  const rows = await db
    .select({ enrolment, person, profile })
    .from(enrolment)
    .innerJoin(person, eq(person.id, enrolment.personId))
    .leftJoin(profile, eq(profile.personId, enrolment.personId))
    .where(
      and(
        eq(enrolment.programmeId, programme.id),
        eq(enrolment.isActive, true),
        eq(person.isActive, true),
      ),
    );
  const ids = rows.map((r) => r.person.id);

  const orgChart = await db
    .select({ id: person.id, managerId: person.managerId })
    .from(person)
    .where(eq(person.organisationId, programme.organisationId));

  // Current load of each mentor in this programme.
  const active = ids.length
    ? await db
        .select({
          mentorId: relationship.mentorId,
          n: sql<number>`count(${relationshipMentee.menteeId})::int`,
        })
        .from(relationship)
        .innerJoin(relationshipMentee, eq(relationshipMentee.relationshipId, relationship.id))
        .where(
          and(
            eq(relationship.programmeId, programme.id),
            eq(relationship.status, 'active'),
            // A group member who left no longer takes a place.
            isNull(relationshipMentee.leftAt),
          ),
        )
        .groupBy(relationship.mentorId)
    : [];
  const activeOf = new Map(active.map((a) => [a.mentorId, a.n]));
  const pending = ids.length
    ? await db
        .select({ mentorId: mentoringRequest.mentorId, n: sql<number>`count(*)::int` })
        .from(mentoringRequest)
        .where(
          and(
            eq(mentoringRequest.programmeId, programme.id),
            eq(mentoringRequest.status, 'pending'),
          ),
        )
        .groupBy(mentoringRequest.mentorId)
    : [];
  const pendingOf = new Map(pending.map((p) => [p.mentorId, p.n]));

  // Earlier pairs, in any programme of the organisation.
  const earlier = ids.length
    ? await db
        .select({ mentorId: relationship.mentorId, menteeId: relationshipMentee.menteeId })
        .from(relationship)
        .innerJoin(relationshipMentee, eq(relationshipMentee.relationshipId, relationship.id))
        .where(
          and(
            eq(relationship.organisationId, programme.organisationId),
            inArray(relationship.mentorId, ids),
          ),
        )
    : [];
  const earlierOf = new Map<string, string[]>();
  for (const e of earlier) {
    earlierOf.set(e.mentorId, [...(earlierOf.get(e.mentorId) ?? []), e.menteeId]);
    earlierOf.set(e.menteeId, [...(earlierOf.get(e.menteeId) ?? []), e.mentorId]);
  }

  const labels: Labels = {};
  for (const skill of (await listSkills(db, programme.organisationId)).items) {
    labels[skill.id] = { nl: skill.nl, en: skill.en };
  }
  const roles = new Map<string, 'mentee' | 'mentor' | 'both'>();
  const cards = new Map<string, PersonCard>();
  const participants: Participant[] = rows.map(({ enrolment: e, person: p, profile: pr }) => {
    roles.set(p.id, e.role);
    cards.set(p.id, { jobTitle: p.jobTitle, department: p.department, location: p.location });
    const interests: string[] = [];
    const kinds = [
      ['hobby', pr?.hobbies ?? []],
      ['experience', pr?.experiences ?? []],
      ['value', pr?.values ?? []],
      ['tag', pr?.tags ?? []],
    ] as const;
    for (const [kind, texts] of kinds) {
      for (const text of texts) {
        const id = interestId(kind, text);
        interests.push(id);
        labels[id] ??= { nl: text.toLowerCase(), en: text.toLowerCase(), kind };
      }
    }
    const offset = utcOffsetMinutes(pr?.timeZone ?? 'Europe/Amsterdam', now);
    const eligibleAs: Role[] = e.role === 'both' ? ['mentee', 'mentor'] : [e.role];
    return {
      id: p.id,
      name: `${p.givenName} ${p.familyName}`,
      organisationId: p.organisationId,
      managerId: p.managerId ?? undefined,
      department: p.department ?? undefined,
      team: p.team ?? undefined,
      languages: pr?.languages.length ? pr.languages : [p.preferredLanguage ?? 'nl'],
      utcOffsetMinutes: offset,
      availability: toUtcSlots(pr?.availability ?? [], offset),
      meetingMode: (pr?.meetingMode ?? 'either') as Participant['meetingMode'],
      place: pr?.place ?? p.location ?? undefined,
      offers: pr?.offers ?? [],
      wants: pr?.wants ?? [],
      interests: [...new Set(interests)],
      capacity: e.role === 'mentee' ? undefined : (e.capacity ?? programme.defaultCapacity),
      activeMentees: activeOf.get(p.id) ?? 0,
      pendingRequests: pendingOf.get(p.id) ?? 0,
      group: e.offersGroup,
      eligibleAs,
      earlierPartners: earlierOf.get(p.id) ?? [],
    };
  });
  const pool: MatchPool = {
    participants,
    labels,
    orgChart: orgChart.map((o) => ({ id: o.id, managerId: o.managerId ?? undefined })),
    rules: {
      weights: programme.weights,
      reportingLineLevels: programme.conflictRules.reportingLineLevels,
      excludeSameTeam: programme.conflictRules.excludeSameTeam,
      excludeSameDepartment: programme.conflictRules.excludeSameDepartment,
      excludeEarlierPairs: programme.conflictRules.excludeEarlierPairs,
      requireSharedLanguage: true,
      defaultCapacity: programme.defaultCapacity,
    },
  };
  return { pool, index: buildMatchIndex(pool), roles, cards };
}

/**
 * A fingerprint of every row a programme's pool is built from, as a column expression: for each
 * table, the number of rows and the sum of their `xmin` (the id of the transaction that wrote the
 * row version). Any insert, update or delete committed by any process changes it (an update or an
 * insert writes a newer transaction id; a delete lowers the count), whoever wrote it and whether or
 * not the code that wrote it kept `updated_at`. Aggregated in the database: no rows travel. Select
 * it in a query over the `programme` table (its own row, with the rules, is part of it).
 */
export function poolFingerprint(
  programmeId: string | Placeholder,
  organisationId: string | Placeholder,
) {
  const org = organisationId;
  return sql<string>`concat_ws('|', ${programmeTable}.xmin::text,
    ${tableVersion('enrolment', sql`t.programme_id = ${programmeId}`)},
    ${tableVersion('person', sql`t.organisation_id = ${org}`)},
    ${tableVersion('profile', sql`t.organisation_id = ${org}`)},
    ${tableVersion('relationship', sql`t.organisation_id = ${org}`)},
    ${tableVersion('relationship_mentee', sql`t.relationship_id in (select r.id from relationship r where r.organisation_id = ${org})`)},
    ${tableVersion('mentoring_request', sql`t.programme_id = ${programmeId}`)},
    ${tableVersion('introduction', sql`t.programme_id = ${programmeId}`)},
    ${tableVersion('custom_skill', sql`t.organisation_id = ${org}`)})`;
}

export interface CachedPool {
  version: string;
  pool: Promise<ProgrammePool>;
  /** Per-caller facts read under the same fingerprint (see `loadForViewer`). */
  viewers: Map<string, Promise<unknown>>;
}

/** Pools by programme id, per database handle (tests open several databases in one process). */
const poolCaches = new WeakMap<Db, Map<string, CachedPool>>();
const MAX_CACHED_POOLS = 64;

/**
 * The programme's cached pool (`pool`, a promise) and per-caller facts (`loadForViewer`), rebuilt
 * only when something they are built from changed. Each request pays one cheap column
 * (`poolFingerprint`, read with the programme) instead of the pool's six queries and the index
 * build; several
 * processes on one database each keep their own copy and each sees every other's writes at its
 * next request, because the fingerprint is read from the database every time. The hour is part of
 * the key: time-zone offsets (daylight saving) are taken at build time. Requests that arrive while
 * a pool is being built wait for that build instead of starting their own.
 *
 * Inside a transaction (a `tx` handle) nothing is cached: call `buildProgrammePool` there.
 */
export function loadProgrammePool(
  db: Db,
  programme: ProgrammeRow,
  fingerprint: string,
  now = new Date(),
): CachedPool {
  const version = `${fingerprint}|${Math.floor(now.getTime() / 3_600_000)}`;
  let cache = poolCaches.get(db);
  if (!cache) {
    cache = new Map();
    poolCaches.set(db, cache);
  }
  const hit = cache.get(programme.id);
  if (hit && hit.version === version) return hit;
  const pool = buildProgrammePool(db, programme, now);
  const entry: CachedPool = { version, pool, viewers: new Map() };
  cache.delete(programme.id);
  if (cache.size >= MAX_CACHED_POOLS) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(programme.id, entry);
  pool.catch(() => {
    if (cache.get(programme.id) === entry) cache.delete(programme.id);
  });
  return entry;
}

const MAX_CACHED_VIEWERS = 5_000;

/**
 * Something about one caller that depends only on rows the fingerprint covers (their requests,
 * relationships and introductions in the programme), read once per fingerprint: `load` runs on
 * the first request after any change, later requests reuse its answer.
 */
export function loadForViewer<T>(
  entry: CachedPool,
  personId: string,
  load: () => Promise<T>,
): Promise<T> {
  const hit = entry.viewers.get(personId);
  if (hit) return hit as Promise<T>;
  if (entry.viewers.size >= MAX_CACHED_VIEWERS) entry.viewers.clear();
  const loaded = load();
  entry.viewers.set(personId, loaded);
  loaded.catch(() => entry.viewers.delete(personId));
  return loaded;
}
