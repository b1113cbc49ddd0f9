import type { Locale } from '../i18n/locale.js';
import type { MailMessage } from './mailer.js';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(lines: string[], link: { url: string; label: string }): string {
  return [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    '</body></html>',
  ].join('');
}

const texts = {
  magicLink: {
    nl: {
      subject: 'Je inloglink voor Klik',
      intro:
        'Klik op de link hieronder om in te loggen bij Klik. De link werkt 15 minuten en één keer.',
      label: 'Inloggen bij Klik',
      ignore: 'Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren.',
    },
    en: {
      subject: 'Your Klik sign-in link',
      intro: 'Follow the link below to sign in to Klik. It works once, for 15 minutes.',
      label: 'Sign in to Klik',
      ignore: 'Did not ask for this? You can ignore this email.',
    },
  },
  resetPassword: {
    nl: {
      subject: 'Een nieuw wachtwoord voor Klik',
      intro: 'Klik op de link hieronder om een nieuw wachtwoord te kiezen. De link werkt één uur.',
      label: 'Nieuw wachtwoord kiezen',
      ignore: 'Heb je dit niet aangevraagd? Dan blijft je wachtwoord zoals het was.',
    },
    en: {
      subject: 'A new password for Klik',
      intro: 'Follow the link below to choose a new password. It works for one hour.',
      label: 'Choose a new password',
      ignore: 'Did not ask for this? Your password stays as it was.',
    },
  },
  invitation: {
    nl: {
      subject: 'Je bent uitgenodigd voor Klik',
      intro: 'je bent uitgenodigd voor Klik, het mentorplatform van',
      label: 'Inloggen bij Klik',
      ignore: 'Met de link hieronder log je meteen in; daarna kun je een wachtwoord instellen.',
    },
    en: {
      subject: 'You are invited to Klik',
      intro: 'you are invited to Klik, the mentoring platform of',
      label: 'Sign in to Klik',
      ignore: 'The link below signs you straight in; you can set a password afterwards.',
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
    text: `${t.intro}\n\n${url}\n\n${t.ignore}`,
    html: layout([t.intro, t.ignore], { url, label: t.label }),
  };
}

export function resetPasswordMail(to: string, url: string, locale: Locale): MailMessage {
  const t = texts.resetPassword[locale];
  return {
    to,
    // A link that signs this person in: readable in the outbox only in demo mode.
    secret: true,
    subject: t.subject,
    text: `${t.intro}\n\n${url}\n\n${t.ignore}`,
    html: layout([t.intro, t.ignore], { url, label: t.label }),
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
  const greeting = locale === 'nl' ? `Hallo ${name},` : `Hello ${name},`;
  const intro = `${greeting} ${t.intro} ${organisation}.`;
  return {
    to,
    // A link that signs this person in: readable in the outbox only in demo mode.
    secret: true,
    subject: t.subject,
    text: `${intro}\n\n${t.ignore}\n\n${url}`,
    html: layout([intro, t.ignore], { url, label: t.label }),
  };
}
