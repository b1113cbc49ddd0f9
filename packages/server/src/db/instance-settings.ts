import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { instanceSetting } from './schema.js';

/**
 * The value of an instance setting, created once with `make()` when missing. Concurrent first
 * starts agree on one value: the insert is a no-op when another process won.
 */
export async function getOrCreateSetting(db: Db, key: string, make: () => string): Promise<string> {
  await db.insert(instanceSetting).values({ key, value: make() }).onConflictDoNothing();
  const [row] = await db.select().from(instanceSetting).where(eq(instanceSetting.key, key));
  if (!row) throw new Error(`instance setting ${key} missing after insert`);
  return row.value;
}

export const generateSecret = () => randomBytes(32).toString('base64url');
