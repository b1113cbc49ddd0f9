import type { Locale } from '../../i18n/locale.js';

/** What meeting mails and calendar entries say, in the recipient's language. */
export const meetingTexts = {
  nl: {
    summary: (names: string) => (names ? `Mentorgesprek met ${names}` : 'Mentorgesprek'),
    when: 'Wanneer',
    place: 'Waar',
    video: 'Videolink',
    agenda: 'Agenda',
    space: 'Jullie mentorruimte in Klik',
    invitation:
      'De uitnodiging zit als agendabestand (.ics) bij deze mail: open het om de afspraak in je agenda te zetten.',
    changed:
      'Dit is de nieuwe versie van de afspraak; je agenda werkt hem bij als je de bijlage opent.',
    cancelled: 'De afspraak gaat niet door. Open de bijlage om hem uit je agenda te halen.',
    feedName: 'Klik-afspraken',
  },
  en: {
    summary: (names: string) => (names ? `Mentoring meeting with ${names}` : 'Mentoring meeting'),
    when: 'When',
    place: 'Where',
    video: 'Video link',
    agenda: 'Agenda',
    space: 'Your mentoring space in Klik',
    invitation:
      'The invitation is attached as a calendar file (.ics): open it to add the meeting to your calendar.',
    changed:
      'This is the new version of the meeting; your calendar updates it when you open the attachment.',
    cancelled: 'The meeting is off. Open the attachment to remove it from your calendar.',
    feedName: 'Klik meetings',
  },
} satisfies Record<Locale, Record<string, string | ((names: string) => string)>>;

const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "donderdag 10 december 2026, 14:00–15:00 (Europe/Amsterdam)" in the meeting's own zone. */
export function formatWhen(
  locale: Locale,
  startsAt: Date,
  durationMinutes: number,
  timeZone: string,
): string {
  const day = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(startsAt);
  const clock = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const end = new Date(startsAt.getTime() + durationMinutes * 60_000);
  return `${day}, ${clock.format(startsAt)}–${clock.format(end)} (${timeZone})`;
}

/** Names joined the way the language does: "Anna, Bram en Cas" / "Anna, Bram and Cas". */
export function joinNames(locale: Locale, names: readonly string[]): string {
  return new Intl.ListFormat(intlLocale[locale], { style: 'long', type: 'conjunction' }).format(
    names,
  );
}
