import { z } from 'zod';

export const OutboxAttachment = z.object({
  filename: z.string(),
  contentType: z.string(),
  /** iCalendar METHOD (REQUEST, CANCEL): sent as an invitation calendar clients act on. */
  method: z.string().nullable(),
  /** The attachment's text (an .ics file), so the page can offer it for download. */
  content: z.string(),
});

export const OutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  /** The body, or — for a hidden secret mail — a note saying why it is hidden. */
  text: z.string(),
  /** Carries a sign-in or reset link. */
  isSecret: z.boolean(),
  /** The body was withheld: a secret mail outside demo mode. */
  isHidden: z.boolean(),
  /** Extra headers sent with the mail (List-Unsubscribe on reminders). */
  headers: z.record(z.string(), z.string()),
  /** Files sent with the mail (none shown for a hidden mail). */
  attachments: z.array(OutboxAttachment),
  /** 'kept' (outbox only), 'pending' (delivery retried with back-off), 'sent', 'failed' (gave up). */
  status: z.enum(['kept', 'pending', 'sent', 'failed']),
  /** Delivery attempts so far, and the SMTP server's last refusal or the connection error. */
  attempts: z.number().int(),
  error: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const OutboxResponse = z.object({
  transport: z.enum(['smtp', 'outbox']),
  /** Demo mode (KLIK_DEMO): secret mails are shown whole. */
  isDemo: z.boolean(),
  items: z.array(OutboxMessage),
});
