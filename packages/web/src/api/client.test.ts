import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './client';

describe('toApiError', () => {
  it('reads the server error body', () => {
    const error = toApiError(400, {
      error: {
        code: 'validation_failed',
        message: 'Invalid input',
        details: [
          { field: 'body.email', message: 'not a valid email address' },
          { field: 'body.admin.givenName', message: 'is required' },
        ],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Invalid input');
    expect(error.fieldErrors()).toEqual({
      email: 'not a valid email address',
      'admin.givenName': 'is required',
    });
  });

  it('copes with a body that is not the error shape', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');
    expect(error.code).toBe('unknown');
    expect(error.message).toBe('HTTP 502');
    expect(error.fieldErrors()).toEqual({});
  });
});
