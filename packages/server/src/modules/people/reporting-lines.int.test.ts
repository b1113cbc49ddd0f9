import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, reportingLine } from '../../db/schema.js';
import { createPerson, signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

/**
 * The closure table is changed per moved subtree (not rebuilt per change) under a lock per
 * organisation. After any sequence of moves, and after moves sent at once, it must hold exactly
 * what the manager column implies.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

/** What the closure table should hold, computed from the manager column in memory. */
async function expectedClosure(organisationId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: person.id, managerId: person.managerId })
    .from(person)
    .where(eq(person.organisationId, organisationId));
  const managerOf = new Map(rows.map((r) => [r.id, r.managerId]));
  const links: string[] = [];
  for (const { id } of rows) {
    let depth = 1;
    for (let m = managerOf.get(id); m; m = managerOf.get(m) ?? null, depth++) {
      links.push(`${m}>${id}@${depth}`);
    }
  }
  return links.sort();
}

async function actualClosure(organisationId: string): Promise<string[]> {
  const rows = await ctx.db
    .select()
    .from(reportingLine)
    .where(eq(reportingLine.organisationId, organisationId));
  return rows.map((r) => `${r.ancestorId}>${r.descendantId}@${r.depth}`).sort();
}

async function buildOrganisation(size: number) {
  const admin = await signedIn(ctx.app, 'org_admin');
  const ids: string[] = [];
  for (let i = 0; i < size; i++) {
    const p = await createPerson(ctx.app, {
      organisationId: admin.organisationId,
      managerId: i === 0 ? null : ids[Math.floor((i - 1) / 2)],
    });
    ids.push(p.id);
  }
  return { admin, ids };
}

const move = (cookie: string, id: string, managerId: string | null) =>
  ctx.app.inject({
    method: 'PATCH',
    url: `/api/people/${id}`,
    headers: { cookie, origin: ctx.config.baseUrl },
    payload: { managerId },
  });

describe('reporting lines', () => {
  it('stay equal to the manager column after any sequence of moves', async () => {
    const { admin, ids } = await buildOrganisation(9);
    expect(await actualClosure(admin.organisationId)).toEqual(
      await expectedClosure(admin.organisationId),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            who: fc.nat({ max: ids.length - 1 }),
            to: fc.option(fc.nat({ max: ids.length - 1 }), { nil: null }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (moves) => {
          for (const m of moves) {
            const managerId = m.to === null ? null : ids[m.to]!;
            const response = await move(admin.cookie, ids[m.who]!, managerId);
            // A move under oneself or one's own report is refused as a cycle, nothing else fails.
            expect([200, 422]).toContain(response.statusCode);
          }
          expect(await actualClosure(admin.organisationId)).toEqual(
            await expectedClosure(admin.organisationId),
          );
        },
      ),
      { numRuns: 15, seed: 7 },
    );
  });

  it('survive moves sent at once in one organisation: no 500, no cycle, a correct table', async () => {
    const { admin, ids } = await buildOrganisation(12);
    // Pairs of opposite moves (a under b, b under a) race to build a cycle; the lock lets one win.
    const requests = [];
    for (let i = 1; i + 1 < ids.length; i += 2) {
      requests.push(move(admin.cookie, ids[i]!, ids[i + 1]!));
      requests.push(move(admin.cookie, ids[i + 1]!, ids[i]!));
    }
    const answers = await Promise.all(requests);
    for (const answer of answers) expect([200, 422]).toContain(answer.statusCode);
    expect(answers.some((a) => a.statusCode === 200)).toBe(true);
    expect(await actualClosure(admin.organisationId)).toEqual(
      await expectedClosure(admin.organisationId),
    );
    // No one is their own ancestor.
    const closure = await actualClosure(admin.organisationId);
    expect(
      closure.filter((l) => l.split('@')[0]!.split('>')[0] === l.split('@')[0]!.split('>')[1]),
    ).toEqual([]);
  });
});
