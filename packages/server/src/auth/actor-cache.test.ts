import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { ActorCache, sessionKey } from './actor-cache.js';

const actor = (name: string): Actor => ({
  userId: name,
  email: `${name}@example.test`,
  name,
  locale: null,
  isPlatformAdmin: false,
  member: null,
});

describe('the actor cache', () => {
  it('keys on the signed session token only, plain or __Secure-', () => {
    expect(sessionKey(undefined)).toBeNull();
    expect(sessionKey('other=1')).toBeNull();
    expect(sessionKey('a=1; better-auth.session_token=tok.sig; better-auth.session_data=x')).toBe(
      'tok.sig',
    );
    expect(sessionKey('__Secure-better-auth.session_token=s%2Bg')).toBe('s%2Bg');
  });

  it('forgets a caller after its time to live', () => {
    let now = 1_000;
    const cache = new ActorCache(10_000, 100, () => now);
    cache.set('t', actor('a'), cache.generation);
    now += 9_999;
    expect(cache.get('t')?.name).toBe('a');
    now += 1;
    expect(cache.get('t')).toBeNull();
  });

  it('drops everyone after a write, and a caller resolved before the write is not stored', () => {
    const cache = new ActorCache(10_000);
    cache.set('t', actor('a'), cache.generation);
    const before = cache.generation;
    cache.invalidateAll();
    expect(cache.get('t')).toBeNull();
    cache.set('u', actor('b'), before);
    expect(cache.get('u')).toBeNull();
  });

  it('holds at most its maximum, dropping the oldest', () => {
    const cache = new ActorCache(10_000, 2);
    for (const key of ['a', 'b', 'c']) cache.set(key, actor(key), cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('c')?.name).toBe('c');
  });
});
