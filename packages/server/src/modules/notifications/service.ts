import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { toLocale, type Locale } from '../../i18n/locale.js';
import type { Mailer } from '../../mail/mailer.js';
import * as repo from './repository.js';

export type NotificationKind =
  | 'request_received'
  | 'offer_received'
  | 'participant_left'
  | 'programme_closed'
  | 'request_reminder'
  | 'request_accepted'
  | 'request_declined'
  | 'request_expired'
  | 'request_message'
  | 'relationship_started'
  | 'introduction_proposed';

const subjects: Record<NotificationKind, Record<Locale, (p: Record<string, string>) => string>> = {
  request_received: {
    nl: (p) => `${p.from} vraagt of je mentor wilt zijn in ${p.programme}`,
    en: (p) => `${p.from} asks you to be their mentor in ${p.programme}`,
  },
  participant_left: {
    nl: (p) =>
      `${p.who} doet niet meer mee aan ${p.programme}; jullie openstaande verzoek of introductie is gesloten`,
    en: (p) => `${p.who} has left ${p.programme}; your open request or introduction is closed`,
  },
  programme_closed: {
    nl: (p) =>
      `${p.programme} is gesloten; jullie openstaande verzoek of introductie is daarmee ook gesloten. Lopende mentorrelaties gaan door`,
    en: (p) =>
      `${p.programme} has closed, and with it your open request or introduction there. Running mentoring relationships continue`,
  },
  offer_received: {
    nl: (p) => `${p.from} biedt aan je mentor te zijn in ${p.programme}`,
    en: (p) => `${p.from} offers to be your mentor in ${p.programme}`,
  },
  request_reminder: {
    nl: (p) => `Herinnering: ${p.from} wacht op je antwoord`,
    en: (p) => `Reminder: ${p.from} is waiting for your answer`,
  },
  request_accepted: {
    nl: (p) => `${p.by} heeft je verzoek geaccepteerd`,
    en: (p) => `${p.by} accepted your request`,
  },
  request_declined: {
    nl: (p) => `${p.by} kan nu niet op je verzoek ingaan`,
    en: (p) => `${p.by} cannot take up your request now`,
  },
  request_expired: {
    nl: (p) => `Je verzoek aan ${p.to} is verlopen: je kunt iemand anders vragen`,
    en: (p) => `Your request to ${p.to} expired: you can ask someone else`,
  },
  request_message: {
    nl: (p) => `${p.from} heeft een vraag over het verzoek`,
    en: (p) => `${p.from} has a question about the request`,
  },
  introduction_proposed: {
    nl: (p) => `Een voorstel in ${p.programme}: maak kennis met ${p.with}`,
    en: (p) => `A proposal in ${p.programme}: meet ${p.with}`,
  },
  relationship_started: {
    nl: (p) => `Jullie klikken: je mentorrelatie met ${p.with} is begonnen`,
    en: (p) => `It clicked: your mentoring relationship with ${p.with} has started`,
  },
};

/** Tells a person something in the app and by mail, in their language. */
export async function notify(
  db: Db,
  mailer: Mailer,
  baseUrl: string,
  input: {
    personId: string;
    kind: NotificationKind;
    payload: Record<string, string>;
    link: string;
  },
): Promise<void> {
  const row = await repo.findRecipient(db, input.personId);
  if (!row) return;
  await repo.insertNotification(db, {
    organisationId: row.organisationId,
    personId: input.personId,
    kind: input.kind,
    payload: { ...input.payload, link: input.link },
  });
  const locale = toLocale(row.locale ?? row.preferred ?? row.orgLocale);
  const subject = subjects[input.kind][locale](input.payload);
  const open = locale === 'nl' ? 'Bekijk het in Klik:' : 'See it in Klik:';
  await mailer.send(
    { to: row.email, subject, text: `${subject}\n\n${open} ${baseUrl}${input.link}` },
    db,
  );
}

export function renderNotification(
  kind: string,
  payload: Record<string, string>,
  locale: Locale,
): string {
  const render = subjects[kind as NotificationKind]?.[locale];
  return render ? render(payload) : kind;
}

export async function listNotifications(
  db: Db,
  actor: Actor,
  locale: Locale,
  page: { limit: number; offset: number },
) {
  const { personId } = requireMember(actor);
  const { rows, total } = await repo.listForPerson(db, personId, page);
  const items = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: renderNotification(r.kind, r.payload, locale),
    link: r.payload.link ?? null,
    isRead: r.readAt !== null,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, total };
}

export async function markAllRead(db: Db, actor: Actor) {
  const { personId } = requireMember(actor);
  await repo.markAllReadForPerson(db, personId, new Date());
}
