import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** Typed client for the Klik API, generated from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });

// Every call says which language the screen shows, so text the server writes (reasons,
// notifications, error messages) matches it, even while a language switch is being saved.
// The i18n set-up keeps <html lang> in step with the language shown.
api.use({
  onRequest({ request }) {
    const shown = globalThis.document?.documentElement.lang;
    if (shown) request.headers.set('x-klik-locale', shown);
    return request;
  },
});

export interface FieldProblem {
  field: string;
  message: string;
}

/** The server's error body: `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation problems keyed by field name, without the `body.` / `query.` prefix. */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    if (!Array.isArray(this.details)) return result;
    for (const item of this.details as unknown[]) {
      if (isFieldProblem(item)) {
        const field = item.field.replace(/^(body|query|params)\./, '');
        result[field] ??= item.message;
      }
    }
    return result;
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldProblem).field === 'string' &&
    typeof (value as FieldProblem).message === 'string'
  );
}

/** Turns any error body (or none) into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const inner = (body as { error: unknown }).error;
    if (typeof inner === 'object' && inner !== null) {
      const { code, message, details } = inner as {
        code?: unknown;
        message?: unknown;
        details?: unknown;
      };
      return new ApiError(
        status,
        typeof code === 'string' ? code : 'unknown',
        typeof message === 'string' ? message : `HTTP ${status}`,
        details,
      );
    }
  }
  return new ApiError(status, 'unknown', `HTTP ${status}`, null);
}

/** Resolves to the response data, or throws an ApiError for any non-2xx answer. */
export async function unwrap<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok || data === undefined) throw toApiError(response.status, error);
  return data;
}
