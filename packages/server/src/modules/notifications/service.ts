import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { toLocale, type Locale } from '../../i18n/locale.js';
import type { MailAttachmentRow } from '../../db/schema.js';
import type { Mailer } from '../../mail/mailer.js';
import { renderMail } from '../../mail/templates.js';
import { isUnsubscribed, unsubscribeLinks } from '../unsubscribe/service.js';
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
  | 'introduction_proposed'
  | 'request_closed_mentor_full'
  | 'relationship_message'
  | 'agreement_proposed'
  | 'agreement_confirmed'
  | 'meeting_planned'
  | 'meeting_changed'
  | 'meeting_cancelled'
  | 'meeting_withdrawn'
  | 'relationship_paused'
  | 'relationship_resumed'
  | 'relationship_ended'
  | 'relationship_member_left'
  | 'relationship_completed'
  | 'nudge'
  | 'outcome_survey'
  | 'outcome_survey_reminder'
  | 'check_in_due'
  | 'check_in_reminder'
  | 'feedback_action'
  | 'story_submitted'
  | 'story_published'
  | 'story_changes_requested'
  | 'story_declined'
  | 'story_mention_asked'
  | 'story_mention_answered'
  | 'programme_invitation';

const subjects: Record<NotificationKind, Record<Locale, (p: Record<string, string>) => string>> = {
  programme_invitation: {
    nl: (p) => `Je bent uitgenodigd om mee te doen aan ${p.programme}`,
    en: (p) => `You are invited to take part in ${p.programme}`,
  },
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
  request_closed_mentor_full: {
    nl: (p) =>
      `${p.mentor} heeft geen plek meer vrij in ${p.programme}; je verzoek is gesloten. Je kunt meteen iemand anders vragen`,
    en: (p) =>
      `${p.mentor} has no place left in ${p.programme}; your request is closed. You can ask someone else right away`,
  },
  relationship_message: {
    nl: (p) => `Nieuw bericht van ${p.from}`,
    en: (p) => `New message from ${p.from}`,
  },
  agreement_proposed: {
    nl: (p) => `${p.from} stelt jullie afspraken voor: bevestig ze als ze kloppen`,
    en: (p) => `${p.from} proposes your agreement: confirm it if it is right`,
  },
  agreement_confirmed: {
    nl: (p) => `Jullie afspraken met ${p.with} staan: iedereen heeft bevestigd`,
    en: (p) => `Your agreement with ${p.with} holds: everyone confirmed it`,
  },
  meeting_planned: {
    nl: (p) => `${p.from} heeft een afspraak gepland: ${p.when}`,
    en: (p) => `${p.from} planned a meeting: ${p.when}`,
  },
  meeting_changed: {
    nl: (p) => `${p.from} heeft jullie afspraak gewijzigd: ${p.when}`,
    en: (p) => `${p.from} changed your meeting: ${p.when}`,
  },
  meeting_cancelled: {
    nl: (p) => `${p.from} heeft de afspraak van ${p.when} afgezegd`,
    en: (p) => `${p.from} cancelled the meeting of ${p.when}`,
  },
  meeting_withdrawn: {
    nl: (p) => `Je hebt de groep verlaten: de afspraak van ${p.when} gaat voor jou niet meer door`,
    en: (p) => `You left the group: the meeting of ${p.when} is off for you`,
  },
  relationship_paused: {
    nl: (p) => `Je mentorrelatie met ${p.with} staat even stil`,
    en: (p) => `Your mentoring relationship with ${p.with} is paused`,
  },
  relationship_resumed: {
    nl: (p) => `Je mentorrelatie met ${p.with} loopt weer`,
    en: (p) => `Your mentoring relationship with ${p.with} has resumed`,
  },
  relationship_ended: {
    nl: (p) => `Je mentorrelatie met ${p.with} is afgerond. Dank voor wat jullie samen deden`,
    en: (p) =>
      `Your mentoring relationship with ${p.with} has ended. Thank you for what you did together`,
  },
  relationship_member_left: {
    nl: (p) => `${p.who} doet niet meer mee aan jullie groep`,
    en: (p) => `${p.who} is no longer part of your group`,
  },
  relationship_completed: {
    nl: (p) => `${p.programme} is afgelopen: je mentorrelatie met ${p.with} is voltooid`,
    en: (p) => `${p.programme} has ended: your mentoring relationship with ${p.with} is complete`,
  },
  nudge: {
    nl: (p) => `${p.from} van ${p.programme} vraagt hoe het met jullie mentoring gaat`,
    en: (p) => `${p.from} of ${p.programme} asks how your mentoring is going`,
  },
  outcome_survey: {
    nl: (p) => `Hoe was je mentorrelatie met ${p.with}? Vertel het in een korte vragenlijst`,
    en: (p) => `How was your mentoring relationship with ${p.with}? Tell us in a short survey`,
  },
  outcome_survey_reminder: {
    nl: (p) => `Herinnering: hoe was je mentorrelatie met ${p.with}? De vragenlijst staat nog open`,
    en: (p) =>
      `Reminder: how was your mentoring relationship with ${p.with}? The survey is still open`,
  },
  check_in_due: {
    nl: (p) => `Check-in: hoe gaat je mentoring met ${p.with}?`,
    en: (p) => `Check-in: how is your mentoring with ${p.with} going?`,
  },
  check_in_reminder: {
    nl: (p) => `Herinnering: je check-in over je mentoring met ${p.with} staat nog open`,
    en: (p) => `Reminder: your check-in about your mentoring with ${p.with} is still open`,
  },
  feedback_action: {
    nl: (p) => `Jullie zeiden, wij deden: ${p.programme} is veranderd door jullie feedback`,
    en: (p) => `You said, we did: ${p.programme} changed because of your feedback`,
  },
  story_submitted: {
    nl: (p) => `${p.from} vraagt je hun verhaal in ${p.programme} goed te keuren`,
    en: (p) => `${p.from} asks you to approve their story in ${p.programme}`,
  },
  story_published: {
    nl: (p) => `Je verhaal „${p.title}” is goedgekeurd en gepubliceerd`,
    en: (p) => `Your story “${p.title}” has been approved and published`,
  },
  story_changes_requested: {
    nl: (p) => `Er is een wijziging gevraagd in je verhaal „${p.title}”`,
    en: (p) => `A change has been asked for in your story “${p.title}”`,
  },
  story_declined: {
    nl: (p) => `Je verhaal „${p.title}” wordt niet gepubliceerd`,
    en: (p) => `Your story “${p.title}” will not be published`,
  },
  story_mention_asked: {
    nl: (p) => `${p.from} noemt je in hun verhaal in ${p.programme}: ga je akkoord?`,
    en: (p) => `${p.from} names you in their story in ${p.programme}: do you agree?`,
  },
  story_mention_answered: {
    nl: (p) =>
      p.answer === 'approved'
        ? `${p.who} vindt het goed om genoemd te worden in „${p.title}”`
        : `${p.who} wil niet genoemd worden in „${p.title}”`,
    en: (p) =>
      p.answer === 'approved'
        ? `${p.who} agrees to be named in “${p.title}”`
        : `${p.who} does not want to be named in “${p.title}”`,
  },
};

/** What a mail says beyond its subject line (the notification in the app is the subject line). */
export interface NotifyMail {
  /** Text the sender wrote (a message), quoted as is; or written in both languages. */
  quote?: string | ((locale: Locale) => string);
  /** Lines in the recipient's language: reasons, meeting details. */
  details?: (locale: Locale) => string[];
  /** Attachments in the recipient's language, e.g. the meeting's iCalendar invitation. */
  attachments?: (locale: Locale) => MailAttachmentRow[];
  /** 'reminders': carries List-Unsubscribe, and is not sent to people who unsubscribed. */
  category?: 'reminders';
  /** Why the recipient gets this mail, where the category's footer does not fit it. */
  footer?: Texts;
}

type Texts = Readonly<Record<Locale, string>>;

const buttons = {
  request: { nl: 'Bekijk het verzoek', en: 'View the request' },
  answer: { nl: 'Bekijk het verzoek en antwoord', en: 'View the request and answer' },
  relationship: { nl: 'Naar jullie mentorrelatie', en: 'Go to your mentoring relationship' },
  introduction: { nl: 'Bekijk de introductie', en: 'View the introduction' },
  findAnother: { nl: 'Zoek een andere mentor', en: 'Find another mentor' },
  message: { nl: 'Lees en beantwoord', en: 'Read and reply' },
  agreement: { nl: 'Bekijk en bevestig', en: 'Review and confirm' },
  agreementHeld: { nl: 'Bekijk de afspraken', en: 'View the agreement' },
  meeting: { nl: 'Bekijk de afspraak', en: 'View the meeting' },
  open: { nl: 'Bekijk het in Klik', en: 'See it in Klik' },
  survey: { nl: 'Vul de vragenlijst in', en: 'Fill in the survey' },
  checkIn: { nl: 'Beantwoord de check-in', en: 'Answer the check-in' },
  feedbackAction: { nl: 'Bekijk wat er veranderde', en: 'See what changed' },
  programme: { nl: 'Bekijk het programma en schrijf je in', en: 'View the programme and enrol' },
  storyReview: { nl: 'Lees en beoordeel het verhaal', en: 'Read and review the story' },
  story: { nl: 'Bekijk je verhaal', en: 'View your story' },
  storyMention: { nl: 'Lees het verhaal en antwoord', en: 'Read the story and answer' },
} as const satisfies Record<string, Texts>;

const headings = {
  whyClick: { nl: 'Waarom het zou kunnen klikken', en: 'Why it could click' },
  whyClicked: { nl: 'Waarom jullie klikten', en: 'Why you clicked' },
  meeting: { nl: 'De afspraak', en: 'The meeting' },
  agreement: { nl: 'De voorgestelde afspraken', en: 'The proposed agreement' },
  pausedUntil: { nl: 'Terug verwacht', en: 'Expected back' },
  feedbackAction: { nl: 'Jullie zeiden, wij deden', en: 'You said, we did' },
  storyReview: { nl: 'Het bericht bij de beoordeling', en: 'The message with the review' },
} as const satisfies Record<string, Texts>;

/** The mail's one button and the heading over its detail lines, per kind. */
const mailParts: Partial<Record<NotificationKind, { button: Texts; detailsHeading?: Texts }>> = {
  request_received: { button: buttons.answer, detailsHeading: headings.whyClick },
  offer_received: { button: buttons.answer, detailsHeading: headings.whyClick },
  request_reminder: { button: buttons.answer, detailsHeading: headings.whyClick },
  request_accepted: { button: buttons.relationship, detailsHeading: headings.whyClicked },
  request_declined: { button: buttons.request },
  request_expired: { button: buttons.request },
  request_message: { button: buttons.message },
  relationship_started: { button: buttons.relationship, detailsHeading: headings.whyClicked },
  introduction_proposed: { button: buttons.introduction, detailsHeading: headings.whyClick },
  request_closed_mentor_full: { button: buttons.findAnother },
  relationship_message: { button: buttons.message },
  agreement_proposed: { button: buttons.agreement, detailsHeading: headings.agreement },
  agreement_confirmed: { button: buttons.agreementHeld },
  meeting_planned: { button: buttons.meeting, detailsHeading: headings.meeting },
  meeting_changed: { button: buttons.meeting, detailsHeading: headings.meeting },
  meeting_cancelled: { button: buttons.meeting, detailsHeading: headings.meeting },
  meeting_withdrawn: { button: buttons.meeting, detailsHeading: headings.meeting },
  relationship_paused: { button: buttons.relationship, detailsHeading: headings.pausedUntil },
  relationship_resumed: { button: buttons.relationship },
  relationship_ended: { button: buttons.relationship },
  relationship_member_left: { button: buttons.relationship },
  relationship_completed: { button: buttons.relationship },
  nudge: { button: buttons.relationship },
  outcome_survey: { button: buttons.survey },
  outcome_survey_reminder: { button: buttons.survey },
  check_in_due: { button: buttons.checkIn },
  check_in_reminder: { button: buttons.checkIn },
  feedback_action: { button: buttons.feedbackAction, detailsHeading: headings.feedbackAction },
  programme_invitation: { button: buttons.programme },
  story_submitted: { button: buttons.storyReview },
  story_published: { button: buttons.story },
  story_changes_requested: { button: buttons.story, detailsHeading: headings.storyReview },
  story_declined: { button: buttons.story, detailsHeading: headings.storyReview },
  story_mention_asked: { button: buttons.storyMention },
  story_mention_answered: { button: buttons.story },
};

/** Why the recipient gets the mail: every mail says so in its footer. */
const footers = {
  general: {
    nl: 'Je krijgt deze e-mail omdat je meedoet aan mentoring in Klik. Al je meldingen staan ook in Klik, onder Meldingen.',
    en: 'You get this email because you take part in mentoring on Klik. All your notifications are in Klik too, under Notifications.',
  },
  reminders: {
    nl: 'Je krijgt deze herinnering omdat er in Klik iets op je antwoord wacht.',
    en: 'You get this reminder because something on Klik is waiting for your answer.',
  },
} as const satisfies Record<string, Texts>;

const unsubscribeLabel: Texts = {
  nl: 'Geen herinneringen meer per e-mail? Afmelden',
  en: 'No more reminder emails? Unsubscribe',
};

/**
 * Tells a person something in the app and by mail, in their language. The mail is a real one
 * (mail/templates.ts): a greeting, the notification as its lead, what the sender wrote, the
 * detail lines, one button to the link and a footer; reminder-type mail (category 'reminders')
 * carries List-Unsubscribe and is not sent to people who unsubscribed from it — the in-app
 * notification is written regardless.
 */
export async function notify(
  db: Db,
  mailer: Mailer,
  baseUrl: string,
  input: {
    personId: string;
    kind: NotificationKind;
    payload: Record<string, string>;
    link: string;
    mail?: NotifyMail;
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
  const category = input.mail?.category;
  if (category && (await isUnsubscribed(db, input.personId, category))) return;
  const locale = toLocale(row.locale ?? row.preferred ?? row.orgLocale);
  const subject = subjects[input.kind][locale](input.payload);
  const parts = mailParts[input.kind];
  const details = input.mail?.details?.(locale) ?? [];
  const links = category
    ? unsubscribeLinks((value) => mailer.sign(value), baseUrl, input.personId, category)
    : null;
  const body = renderMail({
    locale,
    name: row.preferredName ?? row.givenName,
    lead: subject,
    quote: typeof input.mail?.quote === 'function' ? input.mail.quote(locale) : input.mail?.quote,
    details:
      details.length > 0 ? { heading: parts?.detailsHeading?.[locale], lines: details } : null,
    button: { url: `${baseUrl}${input.link}`, label: (parts?.button ?? buttons.open)[locale] },
    footer: [(input.mail?.footer ?? footers[category ?? 'general'])[locale]],
    unsubscribe: links ? { url: links.pageUrl, label: unsubscribeLabel[locale] } : null,
  });
  await mailer.send(
    {
      to: row.email,
      subject,
      ...body,
      headers: links?.headers,
      attachments: input.mail?.attachments?.(locale),
    },
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
