import { toApiError } from '../../api/client';

/** For answers without a body (204): resolves when the call succeeded, else throws an ApiError. */
export async function expectNoContent(
  request: Promise<{ error?: unknown; response: Response }>,
): Promise<void> {
  const { error, response } = await request;
  if (!response.ok) throw toApiError(response.status, error);
}
