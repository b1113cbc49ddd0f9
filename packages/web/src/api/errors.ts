import type { TFunction } from 'i18next';
import { ApiError } from './client';

/** A message for the user: the server's own for client errors, a translated one otherwise. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return t('errors.rateLimited');
    if (error.status === 401) return t('errors.unauthenticated');
    if (error.status >= 500) return t('errors.server');
    return error.message;
  }
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.unknown');
}
