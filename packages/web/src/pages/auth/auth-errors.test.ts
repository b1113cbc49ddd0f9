import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { describeAuthError, describeSignInError, safeNext } from './auth-errors';
import { MIN_PASSWORD_LENGTH } from './validation';

/** A stand-in for i18next's t: the key and its options, so the test sees which text was chosen. */
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

const refusal = (status: number, code: string) =>
  new ApiError(status, code, 'Some English text from better-auth', null);

describe('describeAuthError', () => {
  it('words better-auth’s refusals by code, never with its English text', () => {
    expect(describeAuthError(refusal(400, 'invalid_token'), t)).toBe('auth.errors.invalidToken');
    expect(describeAuthError(refusal(400, 'invalid_email'), t)).toBe('validation.email');
    expect(describeAuthError(refusal(400, 'password_too_short'), t)).toBe(
      `validation.passwordLength {"count":${MIN_PASSWORD_LENGTH}}`,
    );
    expect(describeAuthError(refusal(400, 'password_too_long'), t)).toBe(
      'auth.errors.passwordTooLong',
    );
    expect(describeAuthError(refusal(403, 'invalid_origin'), t)).toBe('auth.errors.failed');
    expect(describeAuthError(refusal(429, 'rate_limited'), t)).toBe('errors.rateLimited');
  });

  it('leaves server errors and network failures to the general wording', () => {
    expect(describeAuthError(refusal(500, 'internal'), t)).toBe('errors.server');
    expect(describeAuthError(new TypeError('fetch failed'), t)).toBe('errors.network');
  });

  it('words sign-in refusals it has no own sentence for in the same way', () => {
    expect(describeSignInError(refusal(401, 'invalid_email_or_password'), t)).toBe(
      'auth.signIn.invalidCredentials',
    );
    expect(describeSignInError(refusal(403, 'invalid_origin'), t)).toBe('auth.errors.failed');
  });

  it('has its texts in Dutch and English', () => {
    expect(Object.keys(nl.auth.errors).sort()).toEqual(Object.keys(en.auth.errors).sort());
  });
});

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/people?q=an')).toBe('/people?q=an');
  });

  it('refuses other sites and missing values', () => {
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
