import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mailOutbox, type MailAttachmentRow } from '../../db/schema.js';

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  isSecret: boolean;
  headers: Record<string, string> | null;
  attachments: MailAttachmentRow[] | null;
  status: string;
  attempts: number;
  error: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** The newest mail kept by the instance, newest first. */
export async function listOutbox(db: Db, limit: number): Promise<OutboxRow[]> {
  return db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      isSecret: mailOutbox.isSecret,
      headers: mailOutbox.headers,
      attachments: mailOutbox.attachments,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      error: mailOutbox.error,
      sentAt: mailOutbox.sentAt,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}
