import { toApiError } from '../../api/client';

/** For answers without a body (204): resolves when the call succeeded, else throws an ApiError. */
export async function expectNoContent(
  request: Promise<{ error?: unknown; response: Response }>,
): Promise<void> {
  const { error, response } = await request;
  if (!response.ok) throw toApiError(response.status, error);
}

/**
 * Calls an endpoint that is not (yet) in the generated OpenAPI types. The caller names the
 * shape it expects, so keep these few and switch them to `api` once the document has them.
 */
export async function callJson<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'include',
    headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}
