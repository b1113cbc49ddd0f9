import nodemailer from 'nodemailer';
import type { Logger } from '../logger.js';
import type { Db } from '../db/client.js';
import { mailOutbox } from '../db/schema.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** 'smtp' sends for real; 'outbox' keeps the message in the database for the web app. */
  readonly transport: 'smtp' | 'outbox';
  /**
   * Sends (SMTP) or keeps (outbox) a message. `db` is the transaction to write the outbox row in,
   * when the caller holds one (PGlite has a single connection).
   */
  send(message: MailMessage, db?: Db): Promise<void>;
  close(): void;
}

/**
 * Real mail through nodemailer when SMTP_URL is set. Without it every message is stored in the
 * outbox table, which platform admins read in the web app (so a demo's magic links can be
 * followed). Messages sent over SMTP are not stored: they carry sign-in links.
 */
export function createMailer(options: {
  smtpUrl: string | null;
  from: string;
  db: Db;
  logger: Logger;
}): Mailer {
  const { smtpUrl, from, db, logger } = options;
  if (smtpUrl) {
    const transporter = nodemailer.createTransport(smtpUrl);
    return {
      transport: 'smtp',
      async send(message) {
        await transporter.sendMail({ from, ...message });
        logger.info({ to: message.to, subject: message.subject }, 'mail sent');
      },
      close: () => transporter.close(),
    };
  }
  return {
    transport: 'outbox',
    async send(message, tx) {
      await (tx ?? db).insert(mailOutbox).values({
        toAddress: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        transport: 'outbox',
      });
      logger.info({ to: message.to, subject: message.subject }, 'mail kept in outbox');
    },
    close: () => undefined,
  };
}
