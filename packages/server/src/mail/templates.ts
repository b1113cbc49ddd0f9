import type { Locale } from '../i18n/locale.js';
import type { MailMessage } from './mailer.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only web links become buttons: anything else (javascript:, data:) is shown as text. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/**
 * What every Klik mail says, in this order: a greeting, the lead (the subject line, or the
 * sign-in mail's explanation), further paragraphs, the quoted message someone wrote, detail
 * lines under a heading (reasons, meeting details), one button, and a footer saying why the
 * recipient gets it (and, for reminders, how to stop them).
 */
export interface MailContent {
  locale: Locale;
  /** The recipient's first name for the greeting; no greeting when unknown. */
  name?: string | null;
  lead: string;
  paragraphs?: readonly string[];
  /** Text another person wrote, quoted as is (line breaks kept). */
  quote?: string | null;
  details?: { heading?: string | null; lines: readonly string[] } | null;
  button: { url: string; label: string };
  /** Why the recipient gets this mail. */
  footer: readonly string[];
  /** Where to stop this kind of mail (reminders): shown in the footer. */
  unsubscribe?: { url: string; label: string } | null;
}

const greetings: Record<Locale, (name: string) => string> = {
  nl: (name) => `Hallo ${name},`,
  en: (name) => `Hello ${name},`,
};

const buttonFallback: Record<Locale, string> = {
  nl: 'Werkt de knop niet? Open dan deze link:',
  en: 'Button not working? Open this link:',
};

/** The plain-text part: the same content, readable in any mail client. */
function renderText(content: MailContent): string {
  const blocks: string[] = [];
  const name = content.name?.trim();
  if (name) blocks.push(greetings[content.locale](name));
  blocks.push(content.lead);
  blocks.push(...(content.paragraphs ?? []));
  const quote = content.quote?.trim();
  if (quote) {
    blocks.push(
      quote
        .split(/\r?\n/)
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n'),
    );
  }
  const lines = content.details?.lines ?? [];
  if (lines.length > 0) {
    const heading = content.details?.heading;
    blocks.push([...(heading ? [`${heading}:`] : []), ...lines.map((l) => `- ${l}`)].join('\n'));
  }
  blocks.push(`${content.button.label}:\n${content.button.url}`);
  const footer = [...content.footer];
  if (content.unsubscribe) footer.push(`${content.unsubscribe.label}: ${content.unsubscribe.url}`);
  blocks.push(['-- ', ...footer].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

const styles = {
  body: 'margin:0;padding:0;background:#f4f5f7;',
  outer: 'width:100%;background:#f4f5f7;padding:24px 0;',
  card:
    'max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:28px;' +
    'font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;' +
    'line-height:1.5;color:#1a1b1e;',
  brand: 'margin:0 0 20px;font-size:20px;font-weight:700;color:#1864ab;',
  lead: 'margin:0 0 16px;font-size:18px;font-weight:600;',
  p: 'margin:0 0 16px;',
  quote:
    'margin:0 0 16px;padding:12px 16px;border-left:4px solid #a5d8ff;background:#f1f8ff;' +
    'color:#1a1b1e;',
  heading: 'margin:0 0 8px;font-weight:600;',
  list: 'margin:0 0 16px;padding-left:20px;',
  button:
    'display:inline-block;background:#1864ab;color:#ffffff;text-decoration:none;' +
    'font-weight:600;padding:12px 22px;border-radius:6px;',
  fallback: 'margin:16px 0 0;font-size:13px;color:#495057;word-break:break-all;',
  footer:
    'max-width:560px;margin:16px auto 0;padding:0 28px;font-family:system-ui,sans-serif;' +
    'font-size:13px;line-height:1.5;color:#495057;',
};

/** Text with its line breaks kept, escaped. */
function paragraphHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/** The HTML part: one column, inline styles (mail clients drop style sheets), everything escaped. */
function renderHtml(content: MailContent): string {
  const parts: string[] = [];
  const name = content.name?.trim();
  if (name) parts.push(`<p style="${styles.p}">${escapeHtml(greetings[content.locale](name))}</p>`);
  parts.push(`<p style="${styles.lead}">${paragraphHtml(content.lead)}</p>`);
  for (const paragraph of content.paragraphs ?? []) {
    parts.push(`<p style="${styles.p}">${paragraphHtml(paragraph)}</p>`);
  }
  const quote = content.quote?.trim();
  if (quote) parts.push(`<blockquote style="${styles.quote}">${paragraphHtml(quote)}</blockquote>`);
  const lines = content.details?.lines ?? [];
  if (lines.length > 0) {
    const heading = content.details?.heading;
    if (heading) parts.push(`<p style="${styles.heading}">${escapeHtml(heading)}</p>`);
    parts.push(
      `<ul style="${styles.list}">${lines.map((l) => `<li>${paragraphHtml(l)}</li>`).join('')}</ul>`,
    );
  }
  const href = safeHref(content.button.url);
  if (href) {
    parts.push(
      `<p style="margin:24px 0 0;"><a href="${escapeHtml(href)}" style="${styles.button}">` +
        `${escapeHtml(content.button.label)}</a></p>`,
      `<p style="${styles.fallback}">${escapeHtml(buttonFallback[content.locale])} ` +
        `<a href="${escapeHtml(href)}" style="color:#1864ab;">${escapeHtml(href)}</a></p>`,
    );
  } else {
    parts.push(
      `<p style="${styles.p}">${escapeHtml(content.button.label)}: ${escapeHtml(content.button.url)}</p>`,
    );
  }
  const footer = content.footer.map((line) => `<p style="margin:0 0 8px;">${escapeHtml(line)}</p>`);
  const unsubscribeHref = content.unsubscribe ? safeHref(content.unsubscribe.url) : null;
  if (content.unsubscribe && unsubscribeHref) {
    footer.push(
      `<p style="margin:0 0 8px;"><a href="${escapeHtml(unsubscribeHref)}" style="color:#495057;">` +
        `${escapeHtml(content.unsubscribe.label)}</a></p>`,
    );
  }
  return [
    '<!doctype html>',
    `<html lang="${content.locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.lead)}</title></head>`,
    `<body style="${styles.body}"><div style="${styles.outer}">`,
    `<div style="${styles.card}"><p style="${styles.brand}">Klik</p>${parts.join('')}</div>`,
    `<div style="${styles.footer}">${footer.join('')}</div>`,
    '</div></body></html>',
  ].join('');
}

/** The text and HTML parts of one mail. */
export function renderMail(content: MailContent): { text: string; html: string } {
  return { text: renderText(content), html: renderHtml(content) };
}

const texts = {
  magicLink: {
    nl: {
      subject: 'Je inloglink voor Klik',
      intro:
        'Klik op de knop hieronder om in te loggen bij Klik. De link werkt 15 minuten en één keer.',
      label: 'Inloggen bij Klik',
      ignore: 'Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren.',
      why: 'Je krijgt deze e-mail omdat iemand met dit adres een inloglink voor Klik heeft gevraagd.',
    },
    en: {
      subject: 'Your Klik sign-in link',
      intro: 'Use the button below to sign in to Klik. The link works once, for 15 minutes.',
      label: 'Sign in to Klik',
      ignore: 'Did not ask for this? You can ignore this email.',
      why: 'You get this email because someone asked for a Klik sign-in link for this address.',
    },
  },
  resetPassword: {
    nl: {
      subject: 'Een nieuw wachtwoord voor Klik',
      intro: 'Klik op de knop hieronder om een nieuw wachtwoord te kiezen. De link werkt één uur.',
      label: 'Nieuw wachtwoord kiezen',
      ignore: 'Heb je dit niet aangevraagd? Dan blijft je wachtwoord zoals het was.',
      why: 'Je krijgt deze e-mail omdat iemand voor dit adres een nieuw wachtwoord heeft gevraagd.',
    },
    en: {
      subject: 'A new password for Klik',
      intro: 'Use the button below to choose a new password. The link works for one hour.',
      label: 'Choose a new password',
      ignore: 'Did not ask for this? Your password stays as it was.',
      why: 'You get this email because someone asked for a new password for this address.',
    },
  },
  invitation: {
    nl: {
      subject: 'Je bent uitgenodigd voor Klik',
      intro: 'Je bent uitgenodigd voor Klik, het mentorplatform van',
      label: 'Inloggen bij Klik',
      ignore: 'Met de knop hieronder log je meteen in; daarna kun je een wachtwoord instellen.',
      why: 'Je krijgt deze e-mail omdat je organisatie je heeft uitgenodigd voor Klik.',
    },
    en: {
      subject: 'You are invited to Klik',
      intro: 'You are invited to Klik, the mentoring platform of',
      label: 'Sign in to Klik',
      ignore: 'The button below signs you straight in; you can set a password afterwards.',
      why: 'You get this email because your organisation invited you to Klik.',
    },
  },
} as const;

export function magicLinkMail(to: string, url: string, locale: Locale): MailMessage {
  const t = texts.magicLink[locale];
  return {
    to,
    // A link that signs this person in: readable in the outbox only in demo mode.
    secret: true,
    subject: t.subject,
    ...renderMail({
      locale,
      lead: t.intro,
      paragraphs: [t.ignore],
      button: { url, label: t.label },
      footer: [t.why],
    }),
  };
}

export function resetPasswordMail(to: string, url: string, locale: Locale): MailMessage {
  const t = texts.resetPassword[locale];
  return {
    to,
    // A link that signs this person in: readable in the outbox only in demo mode.
    secret: true,
    subject: t.subject,
    ...renderMail({
      locale,
      lead: t.intro,
      paragraphs: [t.ignore],
      button: { url, label: t.label },
      footer: [t.why],
    }),
  };
}

export function invitationMail(
  to: string,
  name: string,
  organisation: string,
  url: string,
  locale: Locale,
): MailMessage {
  const t = texts.invitation[locale];
  return {
    to,
    // A link that signs this person in: readable in the outbox only in demo mode.
    secret: true,
    subject: t.subject,
    ...renderMail({
      locale,
      name,
      lead: `${t.intro} ${organisation}.`,
      paragraphs: [t.ignore],
      button: { url, label: t.label },
      footer: [t.why],
    }),
  };
}
