import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Logger } from '../logger.js';
import type { Db } from '../db/client.js';
import { mailOutbox, type MailAttachmentRow } from '../db/schema.js';
import { scheduleJob, type JobHandlers } from '../modules/jobs/runner.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Carries a sign-in or reset link (stored as mail_outbox.is_secret). */
  secret?: boolean;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post for reminder-type mail. */
  headers?: Record<string, string>;
  /** Text attachments, e.g. an iCalendar invitation (`method` set: also a text/calendar part). */
  attachments?: MailAttachmentRow[];
}

/** The job that hands one outbox row to the SMTP server. */
export const MAIL_DELIVERY_JOB = 'mail.deliver';
/** Attempts before a mail is marked failed: retried after 2, 4, 8, … 128 minutes (about 4 hours). */
export const MAIL_MAX_ATTEMPTS = 8;

export interface Mailer {
  /** 'smtp' delivers through a job; 'outbox' keeps the message in the database for the web app. */
  readonly transport: 'smtp' | 'outbox';
  /**
   * Writes the message to the outbox in `db`: the caller's transaction when it holds one, so the
   * mail exists exactly when the change does. With SMTP a job delivers it after commit (retried
   * with back-off); a refusing or unreachable SMTP server never fails the caller.
   */
  send(message: MailMessage, db?: Db): Promise<void>;
  /** The delivery job (none in outbox mode). */
  readonly jobHandlers: JobHandlers;
  /** Whether mail was queued since the last call (the app then kicks delivery after the response). */
  takeQueued(): boolean;
  /**
   * A signature (base64url HMAC-SHA256) for links in mail that must work without signing in,
   * such as unsubscribe links. Keyed by the instance's auth secret (a derived key, never the
   * secret itself), so every process of the instance computes the same one.
   */
  sign(value: string): string;
  close(): void;
}

/**
 * How an outbox row is handed to nodemailer. An attachment with an iCalendar `method` becomes
 * nodemailer's `icalEvent` (a text/calendar alternative with METHOD, which calendar clients turn
 * into an invitation with accept/decline buttons) and is attached as a .ics file too, as
 * Google Calendar's own invitations do (Outlook and Apple Mail read either). Only the first such
 * attachment can be the alternative; others are attached as files.
 */
export function toNodemailerParts(row: {
  headers: Record<string, string> | null;
  attachments: MailAttachmentRow[] | null;
}): Pick<Mail.Options, 'headers' | 'attachments' | 'icalEvent'> {
  const attachments = row.attachments ?? [];
  const calendar = attachments.find((a) => a.method);
  return {
    headers: row.headers ?? undefined,
    icalEvent: calendar
      ? { method: calendar.method, filename: calendar.filename, content: calendar.content }
      : undefined,
    attachments: attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.method ? `${a.contentType}; method=${a.method.toUpperCase()}` : a.contentType,
    })),
  };
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

/**
 * Every message is written to the mail_outbox table. With SMTP_URL set it is 'pending' until the
 * delivery job sends it ('sent') or gives up ('failed', with the reason, visible to platform
 * admins); the text of a sent sign-in or reset mail is then cleared, so links do not stay in the
 * database. Without SMTP_URL it is 'kept': platform admins read it in the web app (so a demo's
 * magic links can be followed).
 */
export function createMailer(options: {
  smtpUrl: string | null;
  from: string;
  db: Db;
  logger: Logger;
  clock: () => Date;
  /** The instance's auth secret: a key for signing mail links is derived from it. */
  secret: string;
}): Mailer {
  const { smtpUrl, from, db, logger, clock } = options;
  const signingKey = createHmac('sha256', options.secret).update('klik mail links').digest();
  const sign = (value: string) =>
    createHmac('sha256', signingKey).update(value).digest('base64url');
  if (!smtpUrl) {
    return {
      transport: 'outbox',
      async send(message, tx) {
        await (tx ?? db).insert(mailOutbox).values({
          toAddress: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html ?? null,
          transport: 'outbox',
          status: 'kept',
          isSecret: message.secret ?? false,
          headers: message.headers ?? null,
          attachments: message.attachments?.length ? message.attachments : null,
        });
        logger.info({ subject: message.subject }, 'mail kept in outbox');
      },
      jobHandlers: {},
      takeQueued: () => false,
      sign,
      close: () => undefined,
    };
  }

  // Short timeouts: a silent SMTP server must not keep a delivery run busy for minutes.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  let queued = false;

  return {
    transport: 'smtp',
    async send(message, tx) {
      await (tx ?? db).transaction(async (inner) => {
        const [row] = await inner
          .insert(mailOutbox)
          .values({
            toAddress: message.to,
            subject: message.subject,
            text: message.text,
            html: message.html ?? null,
            transport: 'smtp',
            status: 'pending',
            isSecret: message.secret ?? false,
            headers: message.headers ?? null,
            attachments: message.attachments?.length ? message.attachments : null,
          })
          .returning({ id: mailOutbox.id });
        await scheduleJob(inner, MAIL_DELIVERY_JOB, { mailId: row!.id }, clock());
      });
      queued = true;
    },
    jobHandlers: {
      [MAIL_DELIVERY_JOB]: {
        // The SMTP conversation runs outside a transaction (PGlite has one connection).
        mode: 'lease',
        leaseMs: 5 * 60_000,
        maxAttempts: MAIL_MAX_ATTEMPTS,
        async run(runDb, payload, now, { attempt, isLastAttempt }) {
          const [row] = await runDb
            .select()
            .from(mailOutbox)
            .where(eq(mailOutbox.id, payload.mailId!));
          if (!row || row.status === 'sent') return;
          try {
            await transporter.sendMail({
              from,
              to: row.toAddress,
              subject: row.subject,
              text: row.text,
              html: row.html ?? undefined,
              ...toNodemailerParts(row),
            });
          } catch (error) {
            await runDb
              .update(mailOutbox)
              .set({
                attempts: attempt,
                error: errorText(error),
                status: isLastAttempt ? 'failed' : 'pending',
              })
              .where(eq(mailOutbox.id, row.id));
            throw error;
          }
          await runDb
            .update(mailOutbox)
            .set({
              status: 'sent',
              attempts: attempt,
              sentAt: now,
              error: null,
              ...(row.isSecret ? { text: '', html: null } : {}),
            })
            .where(eq(mailOutbox.id, row.id));
          logger.info({ mailId: row.id, attempt }, 'mail sent');
        },
      },
    },
    takeQueued() {
      const was = queued;
      queued = false;
      return was;
    },
    sign,
    close: () => transporter.close(),
  };
}
