import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';

/** Sign-in answers get their own wording: wrong password, inactive account, too many tries. */
export function describeSignInError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('auth.signIn.invalidCredentials');
    if (error.status === 403 && error.code !== 'invalid_origin') return t('auth.signIn.inactive');
    if (error.status === 429) return t('errors.rateLimited');
  }
  return describeError(error, t);
}

/** Only same-site paths may be used as a destination after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
