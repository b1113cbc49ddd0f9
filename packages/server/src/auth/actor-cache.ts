import type { Actor } from './actor.js';

/**
 * How long one process reuses a resolved caller before asking better-auth and the database again.
 * Together with better-auth's cookie cache (SESSION_COOKIE_CACHE_SECONDS) this bounds how long a
 * revoked session or a deactivated person keeps working elsewhere: see docs/operations.md.
 */
export const ACTOR_CACHE_SECONDS = 10;

/** The signed session-token cookie (plain or `__Secure-` over https), as the browser sends it. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;

/**
 * The cache key of a request: its signed session token. Only better-auth can make a valid one
 * (it is HMAC-signed with the instance secret), and a caller is cached only after better-auth
 * accepted it, so a forged or unknown token never hits.
 */
export function sessionKey(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  return SESSION_COOKIE.exec(cookieHeader)?.[1] ?? null;
}

interface Entry {
  actor: Actor;
  expiresAt: number;
}

/**
 * Resolved callers by session token, for a few seconds, in this process only. Nothing here is
 * needed by another process: each resolves its callers itself (design: no shared state in memory).
 * Any write in this process starts a new generation, so a deactivation, a role change or a sign-out
 * made here is seen by the next request at once.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  private currentGeneration = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Read before resolving a caller; pass it to `set` so a result older than a write is dropped. */
  get generation(): number {
    return this.currentGeneration;
  }

  get(key: string): Actor | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.actor;
  }

  set(key: string, actor: Actor, generation: number): void {
    // Something was written while this caller was being resolved: it may already be stale.
    if (generation !== this.currentGeneration) return;
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { actor, expiresAt: this.now() + this.ttlMs });
  }

  /** Forget every caller (after any write in this process). */
  invalidateAll(): void {
    this.currentGeneration += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
