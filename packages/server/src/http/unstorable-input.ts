import type { FastifyRequest } from 'fastify';
import { invalidField } from '../errors.js';
import { message } from '../i18n/messages.js';

/**
 * PostgreSQL cannot store a NUL character (U+0000) in text or jsonb: such a value reached the
 * database and came back as a 500. One hook refuses it for every route, before validation, as a
 * 400 naming the field — in the path, the query string and anywhere in a JSON body (keys too).
 */
const NUL = '\u0000';

/** The first place in `value` holding a NUL, as `where.a.0.b`, or null. Iterative: any depth. */
export function findNulCharacter(value: unknown, where: string): string | null {
  const stack: Array<[unknown, string]> = [[value, where]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${path}.${i}`]);
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        const field = `${path}.${key.replaceAll(NUL, '\\u0000')}`;
        if (key.includes(NUL)) return field;
        stack.push([child, field]);
      }
    }
  }
  return null;
}

/** A preValidation hook: the request's params, query and body hold no NUL character. */
export async function rejectUnstorableInput(request: FastifyRequest): Promise<void> {
  const field =
    findNulCharacter(request.params, 'params') ??
    findNulCharacter(request.query, 'querystring') ??
    findNulCharacter(request.body, 'body');
  if (field) throw invalidField(field, message('containsNulCharacter'));
}
