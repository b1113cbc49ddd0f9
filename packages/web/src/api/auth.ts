import { toApiError } from './client';

// better-auth's endpoints are not in the OpenAPI document, so they are called with plain fetch.

async function postJson(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function signInWithPassword(email: string, password: string): Promise<unknown> {
  return postJson('/api/auth/sign-in/email', { email, password });
}

export function requestMagicLink(email: string): Promise<unknown> {
  return postJson('/api/auth/sign-in/magic-link', { email });
}

export function requestPasswordReset(email: string): Promise<unknown> {
  return postJson('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });
}

export function resetPassword(token: string, newPassword: string): Promise<unknown> {
  return postJson('/api/auth/reset-password', { token, newPassword });
}

export function signOut(): Promise<unknown> {
  return postJson('/api/auth/sign-out', {});
}

export type MagicLinkResult = 'signed-in' | 'invalid';

/**
 * Exchanges a magic-link token for a session cookie. Without a callbackURL the server answers
 * 200 with JSON on success, but a redirect to `/?error=INVALID_TOKEN` for a used or expired
 * token; following that redirect would yield the app's HTML, so redirects are not followed and
 * count as failure.
 */
export async function verifyMagicLink(token: string): Promise<MagicLinkResult> {
  const response = await fetch(`/api/auth/magic-link/verify?token=${encodeURIComponent(token)}`, {
    credentials: 'include',
    redirect: 'manual',
    headers: { accept: 'application/json' },
  });
  if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 400) {
    return 'invalid';
  }
  if (!response.ok) throw toApiError(response.status, safeJson(await response.text()));
  return 'signed-in';
}
