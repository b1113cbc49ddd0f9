import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  /** RCPT TO addresses of the SMTP conversation. */
  to: string[];
  /** The message exactly as it arrived (headers and body). */
  raw: string;
  /** The message parsed by mailparser: subject, text and HTML parts, attachments, headers. */
  parsed: ParsedMail;
}

/**
 * A real SMTP server (the `smtp-server` package) for tests: it accepts every message and keeps it
 * parsed with `mailparser`, so a test sees what a mail client would. No TLS, no authentication.
 * (test/smtp-server.ts is a hand-written one that can refuse, for delivery retries.)
 */
export class SmtpReceiver {
  readonly messages: ReceivedMessage[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.messages.push({
                to: session.envelope.rcptTo.map((r) => r.address),
                raw,
                parsed,
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The messages that arrived for an address, oldest first. */
  to(address: string): ReceivedMessage[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  /** The newest message for an address whose subject matches, or undefined. */
  find(address: string, subject: RegExp | string): ReceivedMessage | undefined {
    return this.to(address)
      .reverse()
      .find((m) =>
        typeof subject === 'string'
          ? (m.parsed.subject ?? '').includes(subject)
          : subject.test(m.parsed.subject ?? ''),
      );
  }
}

/** A header of a received message as it was sent (mailparser structures some, e.g. List-*). */
export function headerLine(message: ReceivedMessage, name: string): string | undefined {
  const line = message.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}
