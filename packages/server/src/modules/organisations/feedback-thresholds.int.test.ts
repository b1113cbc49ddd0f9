import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../db/schema.js';
import { DEFAULT_THRESHOLDS } from '../../privacy/anonymity.js';
import { loadThresholds } from '../../privacy/thresholds.js';
import { signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const patch = (cookie: string, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: 'PATCH', url: '/api/organisation', headers: { cookie }, payload });

const fieldsOf = (body: { error: { details?: { field: string }[] } }) =>
  (body.error.details ?? []).map((detail) => detail.field);

describe('feedback privacy thresholds (organisation settings)', () => {
  it('start at 5 and 10, and an org admin raises them and lowers the group minimum to 3', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const initial = await ctx.app.inject({
      url: '/api/organisation',
      headers: { cookie: admin.cookie },
    });
    expect(initial.json()).toMatchObject({ feedbackMinGroup: 5, feedbackMinComments: 10 });
    expect(await loadThresholds(ctx.db, admin.organisationId)).toEqual(DEFAULT_THRESHOLDS);

    const raised = await patch(admin.cookie, { feedbackMinGroup: 8, feedbackMinComments: 12 });
    expect(raised.statusCode).toBe(200);
    expect(raised.json()).toMatchObject({ feedbackMinGroup: 8, feedbackMinComments: 12 });
    expect(await loadThresholds(ctx.db, admin.organisationId)).toEqual({
      minGroup: 8,
      minComments: 12,
    });

    const lowered = await patch(admin.cookie, { feedbackMinGroup: 3, feedbackMinComments: 3 });
    expect(lowered.statusCode).toBe(200);
    expect(await loadThresholds(ctx.db, admin.organisationId)).toEqual({
      minGroup: 3,
      minComments: 3,
    });

    const audit = await ctx.db
      .select({ details: auditEvent.details })
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.organisationId, admin.organisationId),
          eq(auditEvent.action, 'organisation.updated'),
        ),
      );
    expect(JSON.stringify(audit.map((row) => row.details))).toContain('"feedbackMinGroup":3');
  });

  it('refuses a group minimum below 3 or above 100, naming the field', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    for (const feedbackMinGroup of [2, 0, 101]) {
      const response = await patch(admin.cookie, { feedbackMinGroup });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['body.feedbackMinGroup']);
    }
    const fraction = await patch(admin.cookie, { feedbackMinGroup: 4.5 });
    expect(fraction.statusCode).toBe(400);
    expect(fieldsOf(fraction.json())).toEqual(['body.feedbackMinGroup']);
    expect(await loadThresholds(ctx.db, admin.organisationId)).toEqual(DEFAULT_THRESHOLDS);
  });

  it('refuses a comment minimum below the group minimum, also against the stored one', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    const together = await patch(admin.cookie, { feedbackMinGroup: 6, feedbackMinComments: 5 });
    expect(together.statusCode).toBe(400);
    expect(fieldsOf(together.json())).toEqual(['body.feedbackMinComments']);
    expect(together.json().error.message).toMatch(/6/);

    // Only the comment minimum sent: checked against the stored group minimum (5).
    const alone = await patch(admin.cookie, { feedbackMinComments: 4 });
    expect(alone.statusCode).toBe(400);
    expect(fieldsOf(alone.json())).toEqual(['body.feedbackMinComments']);

    // Only the group minimum sent, above the stored comment minimum (10).
    const aboveComments = await patch(admin.cookie, { feedbackMinGroup: 11 });
    expect(aboveComments.statusCode).toBe(400);
    expect(fieldsOf(aboveComments.json())).toEqual(['body.feedbackMinComments']);

    const tooMany = await patch(admin.cookie, { feedbackMinComments: 101 });
    expect(tooMany.statusCode).toBe(400);
    expect(fieldsOf(tooMany.json())).toEqual(['body.feedbackMinComments']);
    expect(await loadThresholds(ctx.db, admin.organisationId)).toEqual(DEFAULT_THRESHOLDS);
  });

  it('may be changed by org admins only (403), and only for their own organisation', async () => {
    const admin = await signedIn(ctx.app, 'org_admin');
    for (const role of ['programme_manager', 'sponsor', 'member'] as const) {
      const caller = await signedIn(ctx.app, role, admin.organisationId);
      const denied = await patch(caller.cookie, { feedbackMinGroup: 3 });
      expect(denied.statusCode).toBe(403);
    }
    const other = await signedIn(ctx.app, 'org_admin');
    expect((await patch(other.cookie, { feedbackMinGroup: 7 })).statusCode).toBe(200);
    expect(await loadThresholds(ctx.db, admin.organisationId)).toEqual(DEFAULT_THRESHOLDS);
    expect((await loadThresholds(ctx.db, other.organisationId)).minGroup).toBe(7);
  });
});
