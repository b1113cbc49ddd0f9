import {
  aliasedTable,
  and,
  asc,
  count,
  eq,
  ilike,
  inArray,
  isNotNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { person, reportingLine, session, user } from '../../db/schema.js';

export type PersonRow = typeof person.$inferSelect;
export type NewPerson = typeof person.$inferInsert;

const manager = aliasedTable(person, 'manager');

export interface PersonWithManager extends PersonRow {
  managerName: string | null;
}

function selectPeople(db: Db) {
  return db
    .select({
      person,
      managerGiven: manager.givenName,
      managerFamily: manager.familyName,
    })
    .from(person)
    .leftJoin(manager, eq(manager.id, person.managerId));
}

function toPersonWithManager(row: {
  person: PersonRow;
  managerGiven: string | null;
  managerFamily: string | null;
}): PersonWithManager {
  return {
    ...row.person,
    managerName: row.managerGiven ? `${row.managerGiven} ${row.managerFamily}` : null,
  };
}

export async function findPerson(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PersonWithManager | null> {
  const [row] = await selectPeople(db).where(
    and(eq(person.organisationId, organisationId), eq(person.id, id)),
  );
  return row ? toPersonWithManager(row) : null;
}

/**
 * One page of the directory, its total and the organisation's departments (for the filter) in
 * one statement: the total is a window count over the filtered rows (without joins), the
 * departments an uncorrelated subquery the database evaluates once. Only an empty page needs a
 * second statement.
 */
export async function listPeople(
  db: Db,
  organisationId: string,
  query: {
    search?: string;
    department?: string;
    status: 'active' | 'inactive' | 'all';
    limit: number;
    offset: number;
  },
): Promise<{ items: PersonWithManager[]; total: number; departments: string[] }> {
  const conditions: SQL[] = [eq(person.organisationId, organisationId)];
  if (query.status !== 'all') conditions.push(eq(person.isActive, query.status === 'active'));
  if (query.department) conditions.push(eq(person.department, query.department));
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(sql`${person.givenName} || ' ' || ${person.familyName}`, pattern),
        ilike(person.email, pattern),
        ilike(person.jobTitle, pattern),
        ilike(person.department, pattern),
        ilike(person.team, pattern),
        ilike(person.employeeId, pattern),
      )!,
    );
  }
  const where = and(...conditions);
  const order = [asc(person.familyName), asc(person.givenName), asc(person.id)];
  // The page is chosen (and the matches counted) before anything is joined to it: the managers'
  // names are looked up for the page's rows only.
  const page = db
    .select({
      id: person.id,
      total: sql<string>`count(*) over ()`.as('total'),
      position:
        sql<string>`row_number() over (order by ${person.familyName}, ${person.givenName}, ${person.id})`.as(
          'position',
        ),
    })
    .from(person)
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset)
    .as('page');
  const rows: (Parameters<typeof toPersonWithManager>[0] & {
    total: string;
    departments: string[] | null;
  })[] = await db
    .select({
      person,
      managerGiven: manager.givenName,
      managerFamily: manager.familyName,
      total: page.total,
      // On the page's first row only: the list is the same for every row.
      departments: sql<
        string[] | null
      >`case when ${page.position} = ${query.offset + 1} then (select coalesce(array_agg(distinct d.department order by d.department), '{}') from person d where d.organisation_id = ${organisationId} and d.department is not null) end`,
    })
    .from(page)
    .innerJoin(person, eq(person.id, page.id))
    .leftJoin(manager, eq(manager.id, person.managerId))
    .orderBy(...order);
  const first = rows[0];
  if (first) {
    return {
      items: rows.map(toPersonWithManager),
      total: Number(first.total),
      departments: (first.departments ?? []).filter(Boolean),
    };
  }
  // An empty page: nothing matched, or the page lies beyond the last row.
  const [total] =
    query.offset > 0 ? await db.select({ n: count() }).from(person).where(where) : [{ n: 0 }];
  return {
    items: [],
    total: total?.n ?? 0,
    departments: await listDepartments(db, organisationId),
  };
}

export async function listDepartments(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ department: person.department })
    .from(person)
    .where(and(eq(person.organisationId, organisationId), isNotNull(person.department)))
    .orderBy(asc(person.department));
  return rows.map((r) => r.department!).filter(Boolean);
}

export async function listAllInOrganisation(db: Db, organisationId: string): Promise<PersonRow[]> {
  return db.select().from(person).where(eq(person.organisationId, organisationId));
}

export async function findEmailsOutsideOrganisation(
  db: Db,
  organisationId: string,
  emails: string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .select({ email: user.email, organisationId: person.organisationId })
    .from(user)
    .leftJoin(person, eq(person.userId, user.id))
    .where(inArray(user.email, emails));
  return new Set(rows.filter((r) => r.organisationId !== organisationId).map((r) => r.email));
}

/** The account with this address, if any, and the organisation of its person (null: none). */
export async function findAccountHolder(
  db: Db,
  email: string,
): Promise<{ organisationId: string | null } | null> {
  const [row] = await db
    .select({ organisationId: person.organisationId })
    .from(user)
    .leftJoin(person, eq(person.userId, user.id))
    .where(eq(user.email, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function insertUser(db: Db, values: { email: string; name: string }): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insert(user)
    .values({ id, email: values.email, name: values.name, emailVerified: false });
  return id;
}

export async function insertPerson(db: Db, values: NewPerson): Promise<PersonRow> {
  const [row] = await db.insert(person).values(values).returning();
  return row!;
}

export async function updatePerson(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<NewPerson>,
): Promise<void> {
  await db
    .update(person)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(person.organisationId, organisationId), eq(person.id, id)));
  if (
    values.email !== undefined ||
    values.givenName !== undefined ||
    values.familyName !== undefined
  ) {
    const [row] = await db.select().from(person).where(eq(person.id, id));
    if (row) {
      await db
        .update(user)
        .set({
          email: row.email,
          name: `${row.givenName} ${row.familyName}`,
          updatedAt: new Date(),
        })
        .where(eq(user.id, row.userId));
    }
  }
}

/** Ends every session of these people (used when they are deactivated). */
export async function revokeSessions(db: Db, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  const rows = await db
    .select({ userId: person.userId })
    .from(person)
    .where(inArray(person.id, personIds));
  if (rows.length === 0) return;
  await db.delete(session).where(
    inArray(
      session.userId,
      rows.map((r) => r.userId),
    ),
  );
}

/**
 * Serialises changes to one organisation's reporting lines until the transaction ends: two
 * admins moving people at once then run one after the other instead of colliding on the
 * closure table's primary key. Other organisations are not held up.
 */
export async function lockReportingLines(db: Db, organisationId: string): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`reporting_line:${organisationId}`}))`,
  );
}

/**
 * Moves one person (and everyone below them) under a new manager, or to the top when
 * `managerId` is null, by changing only the rows of the moved subtree: the links from the old
 * ancestors to the subtree go, the links from the new manager's ancestors (and the manager) to
 * the subtree come. Call it after person.manager_id was written; cycles are refused before.
 */
export async function moveInReportingLines(
  db: Db,
  organisationId: string,
  personId: string,
  managerId: string | null,
): Promise<void> {
  await lockReportingLines(db, organisationId);
  await db.execute(sql`
    delete from reporting_line r
     where r.organisation_id = ${organisationId}
       and (r.descendant_id = ${personId} or r.descendant_id in (
             select descendant_id from reporting_line
              where organisation_id = ${organisationId} and ancestor_id = ${personId}))
       and r.ancestor_id <> ${personId}
       and r.ancestor_id not in (
             select descendant_id from reporting_line
              where organisation_id = ${organisationId} and ancestor_id = ${personId})`);
  if (!managerId) return;
  await db.execute(sql`
    insert into reporting_line (organisation_id, ancestor_id, descendant_id, depth)
    select ${organisationId}::uuid, a.ancestor_id, s.descendant_id, a.depth + s.depth + 1
      from (select ${managerId}::uuid as ancestor_id, 0 as depth
            union all
            select ancestor_id, depth from reporting_line
             where organisation_id = ${organisationId} and descendant_id = ${managerId}) a
      cross join
           (select ${personId}::uuid as descendant_id, 0 as depth
            union all
            select descendant_id, depth from reporting_line
             where organisation_id = ${organisationId} and ancestor_id = ${personId}) s`);
}

/**
 * Rebuilds the organisation's closure table from the manager column in one statement. Cycles
 * are refused before anything is written; the depth bound only guards against a bug.
 */
export async function rebuildReportingLines(db: Db, organisationId: string): Promise<void> {
  await lockReportingLines(db, organisationId);
  await db.delete(reportingLine).where(eq(reportingLine.organisationId, organisationId));
  await db.execute(sql`
    insert into reporting_line (organisation_id, ancestor_id, descendant_id, depth)
    with recursive chain (ancestor_id, descendant_id, depth) as (
      select manager_id, id, 1 from person
       where organisation_id = ${organisationId} and manager_id is not null
      union all
      select p.manager_id, c.descendant_id, c.depth + 1
        from chain c join person p on p.id = c.ancestor_id
       where p.manager_id is not null and c.depth < 64
    )
    select ${organisationId}::uuid, ancestor_id, descendant_id, min(depth) from chain
     group by ancestor_id, descendant_id`);
}

/**
 * Whether one of two people is in the other's reporting line within `levels` levels, either
 * direction: a primary-key lookup on the closure table.
 */
export async function isInReportingLine(
  db: Db,
  a: string,
  b: string,
  levels: number,
): Promise<boolean> {
  const [row] = await db
    .select({ depth: reportingLine.depth })
    .from(reportingLine)
    .where(
      and(
        or(
          and(eq(reportingLine.ancestorId, a), eq(reportingLine.descendantId, b)),
          and(eq(reportingLine.ancestorId, b), eq(reportingLine.descendantId, a)),
        ),
        lte(reportingLine.depth, levels),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findManagers(db: Db, personId: string) {
  return db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      depth: reportingLine.depth,
    })
    .from(reportingLine)
    .innerJoin(person, eq(person.id, reportingLine.ancestorId))
    .where(eq(reportingLine.descendantId, personId))
    .orderBy(asc(reportingLine.depth));
}

export async function findDirectReports(db: Db, organisationId: string, personId: string) {
  return db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      jobTitle: person.jobTitle,
    })
    .from(person)
    .where(
      and(
        eq(person.organisationId, organisationId),
        eq(person.managerId, personId),
        eq(person.isActive, true),
      ),
    )
    .orderBy(asc(person.familyName), asc(person.givenName));
}

/** Whether making `managerId` the manager of `personId` would close a loop. */
export async function wouldCreateCycle(
  db: Db,
  personId: string,
  managerId: string,
): Promise<boolean> {
  if (personId === managerId) return true;
  const [row] = await db
    .select({ depth: reportingLine.depth })
    .from(reportingLine)
    .where(and(eq(reportingLine.ancestorId, personId), eq(reportingLine.descendantId, managerId)))
    .limit(1);
  return row !== undefined;
}

/** Whether any account (in any organisation) uses this address. */
export async function isEmailInUse(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, email.toLowerCase()))
    .limit(1);
  return row !== undefined;
}

export async function isEmployeeIdInUse(
  db: Db,
  organisationId: string,
  employeeId: string,
  exceptId?: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.organisationId, organisationId), eq(person.employeeId, employeeId)));
  return rows.some((r) => r.id !== exceptId);
}
