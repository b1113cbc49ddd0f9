import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { MIN_PASSWORD_LENGTH } from './validation';

/** Sign-in answers get their own wording: wrong password, inactive account, too many tries. */
export function describeSignInError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('auth.signIn.invalidCredentials');
    if (error.status === 403 && error.code !== 'invalid_origin') return t('auth.signIn.inactive');
    if (error.status === 429) return t('errors.rateLimited');
  }
  return describeAuthError(error, t);
}

/**
 * better-auth answers in English, so its answers are worded here, by code: a known code gets its
 * own sentence, any other refusal a general one. Never better-auth's own text.
 */
export function describeAuthError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    if (error.status === 429) return t('errors.rateLimited');
    switch (error.code) {
      case 'invalid_email':
        return t('validation.email');
      case 'password_too_short':
        return t('validation.passwordLength', { count: MIN_PASSWORD_LENGTH });
      case 'password_too_long':
        return t('auth.errors.passwordTooLong');
      case 'invalid_token':
      case 'expired_token':
        return t('auth.errors.invalidToken');
      default:
        return t('auth.errors.failed');
    }
  }
  return describeError(error, t);
}

/** Only same-site paths may be used as a destination after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
