import { requirePlatformAdmin, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { message, renderMessage } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locale.js';
import * as repository from './repository.js';
import type { OutboxMessage } from './schema.js';

/**
 * The outbox as platform admins read it. A mail that carries a sign-in or reset link is shown
 * whole only in demo mode (where following another person's link is the point); otherwise its
 * body is replaced by a note, so that no one can sign in as someone else by reading their mail.
 */
const statuses = ['kept', 'pending', 'sent', 'failed'] as const;
/** Rows written before delivery was tracked say 'sent' (the column's default). */
function toStatus(value: string): (typeof statuses)[number] {
  return (statuses as readonly string[]).includes(value)
    ? (value as (typeof statuses)[number])
    : 'sent';
}

export async function listOutbox(
  db: Db,
  actor: Actor,
  options: { limit: number; isDemo: boolean; locale: Locale },
): Promise<OutboxMessage[]> {
  requirePlatformAdmin(actor);
  const rows = await repository.listOutbox(db, options.limit);
  return rows.map((row) => {
    const isHidden = row.isSecret && !options.isDemo;
    return {
      id: row.id,
      to: row.to,
      subject: row.subject,
      text: isHidden ? renderMessage(message('outboxSecretHidden'), options.locale) : row.text,
      isSecret: row.isSecret,
      isHidden,
      headers: isHidden ? {} : (row.headers ?? {}),
      attachments: isHidden
        ? []
        : (row.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            method: a.method ?? null,
            content: a.content,
          })),
      status: toStatus(row.status),
      attempts: row.attempts,
      error: row.error,
      sentAt: row.sentAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
