import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * The version of a table's rows matching `where` (which names the table `t`): their number and
 * the sum of their `xmin` (the id of the transaction that wrote each row version). Any insert,
 * update or delete committed by any process changes it, with no migration and whether or not the
 * writer kept an `updated_at`. Used to fingerprint the rows behind an answer kept in memory, read
 * in the same statement as the request's first query so the check costs no extra round trip.
 */
export function tableVersion(table: string, where: SQL): SQL {
  return sql`(select count(*) || ':' || coalesce(sum(t.xmin::text::bigint), 0) from ${sql.raw(table)} t where ${where})`;
}

/**
 * Answers kept per key (per database handle: tests open several databases in one process),
 * each under the fingerprint of the rows it was computed from. An answer is reused only while
 * the fingerprint read for the request is the same; a failed computation is not kept.
 */
export class KeptAnswers<T> {
  private readonly caches = new WeakMap<
    Db,
    Map<string, { fingerprint: string; answer: Promise<T> }>
  >();

  constructor(private readonly maxEntries: number) {}

  get(db: Db, key: string, fingerprint: string, compute: () => Promise<T>): Promise<T> {
    let cache = this.caches.get(db);
    if (!cache) {
      cache = new Map();
      this.caches.set(db, cache);
    }
    const hit = cache.get(key);
    if (hit && hit.fingerprint === fingerprint) return hit.answer;
    const answer = compute();
    cache.delete(key);
    if (cache.size >= this.maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(key, { fingerprint, answer });
    answer.catch(() => {
      if (cache.get(key)?.answer === answer) cache.delete(key);
    });
    return answer;
  }
}
