import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUnsubscribeToken, readUnsubscribeToken } from './token.js';

const signWith = (key: string) => (value: string) =>
  createHmac('sha256', key).update(value).digest('base64url');
const sign = signWith('instance key');
const personId = '7d1c3f0e-2b1a-4c5d-9e8f-0a1b2c3d4e5f';

describe('unsubscribe tokens', () => {
  it('name the person and category they were made for', () => {
    const token = createUnsubscribeToken(sign, personId, 'reminders');
    expect(readUnsubscribeToken(sign, token)).toEqual({ personId, category: 'reminders' });
    // Safe in a URL as it is.
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('are refused when signed with another key, tampered with or malformed', () => {
    const token = createUnsubscribeToken(sign, personId, 'reminders');
    expect(readUnsubscribeToken(signWith('another instance'), token)).toBeNull();
    const [, signature] = token.split('.');
    const other = Buffer.from(`${personId.replace('7', '8')}:reminders`).toString('base64url');
    expect(readUnsubscribeToken(sign, `${other}.${signature}`)).toBeNull();
    for (const bad of ['', '.', 'abc', `${token}.x`, `${token.slice(0, -2)}`]) {
      expect(readUnsubscribeToken(sign, bad), bad).toBeNull();
    }
  });
});
