import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/context.js';
import { sensitiveAttributeKinds } from './sensitive.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

type Schema = {
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
};

/** Every property name and enum value anywhere in a schema, with the path that leads there. */
function walk(schema: Schema | undefined, at: string, found: string[]): void {
  if (!schema || typeof schema !== 'object') return;
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    found.push(`${at}.${name}`);
    walk(child, `${at}.${name}`, found);
  }
  for (const value of schema.enum ?? []) found.push(`${at}=${String(value)}`);
  walk(schema.items, `${at}[]`, found);
  for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    walk(part, at, found);
  if (typeof schema.additionalProperties === 'object')
    walk(schema.additionalProperties, `${at}.*`, found);
}

// The class test for rule 1 of src/privacy: no answer of any route carries a sensitive attribute,
// as a field or as a kind of breakdown, except a person's own (GET/PUT /api/me/sensitive). A
// named list, a board or a total that starts to carry one fails here.
describe('sensitive attributes in answers', () => {
  it('appear in no answer of any route but one’s own', () => {
    const document = ctx.app.swagger() as unknown as {
      paths: Record<
        string,
        Record<
          string,
          { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }
        >
      >;
    };
    const own = new Set(['/api/me/sensitive']);
    // Feedback results may be split by a consented attribute (issue 10, rule 5): only as the
    // name of the split chosen (`by`), with figures the anonymity module lets through
    // (views.feedbackResults, discloseGroups). The dashboard carries the same outcome shape.
    const splitBy = new Map([
      ['/api/programmes/{id}/results', ['.by', '.outcomes.by']],
      ['/api/programmes/{programmeId}/dashboard', ['.outcomes.by']],
    ]);
    const offending: string[] = [];
    let answers = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      if (own.has(path)) continue;
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (!status.startsWith('2')) continue;
          const schema = response.content?.['application/json']?.schema;
          if (!schema) continue;
          answers++;
          const found: string[] = [];
          walk(schema, '', found);
          for (const entry of found) {
            const last = entry.split(/[.=]/).at(-1)!;
            const field = entry.split('=')[0]!;
            if (splitBy.get(path)?.includes(field) && entry.includes('=')) continue;
            if ((sensitiveAttributeKinds as readonly string[]).includes(last))
              offending.push(`${method.toUpperCase()} ${path} ${status}: ${entry}`);
          }
        }
      }
    }
    expect(answers).toBeGreaterThan(20);
    expect(offending).toEqual([]);
  });
});
