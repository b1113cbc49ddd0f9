import type { Locale } from '../../i18n/locale.js';
import type { HealthRow, Signal } from './signals.js';

/**
 * The prewritten nudge a manager starts from, in Dutch and English: kind, about the relationship
 * rather than about anyone in it, and never about what someone answered. The manager edits it
 * before sending.
 */

interface TemplateInput {
  manager: string;
  programme: string;
  signals: readonly Signal[];
  /** The paused relationship's planned return (YYYY-MM-DD), for `paused_overdue`. */
  pauseUntil: string | null;
}

function longDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

type Paragraph = (input: TemplateInput, locale: Locale) => string;

const intro: Record<Locale, Paragraph> = {
  nl: (i) =>
    `Ik ben ${i.manager} en ik begeleid ${i.programme}. Ik kijk graag even met jullie mee hoe het gaat.`,
  en: (i) =>
    `I'm ${i.manager} and I look after ${i.programme}. I'd like to check in on how things are going.`,
};

const paragraphs: Record<Signal, Record<Locale, Paragraph>> = {
  no_meeting: {
    nl: () =>
      'Het is alweer even geleden dat er een gesprek in Klik is vastgelegd. Drukke weken heeft iedereen. Zouden jullie een volgend gesprek willen plannen? Ook een kort gesprek helpt om het contact warm te houden.',
    en: () =>
      'It has been a while since a meeting was logged in Klik. Busy weeks happen to everyone. Would you like to plan your next conversation? Even a short call helps to keep things going.',
  },
  check_ins_unanswered: {
    nl: () =>
      'De laatste check-ins zijn misschien tussen andere dingen door geglipt. Ze kosten een minuutje en helpen ons het programma beter te maken. Je antwoorden blijven van jou: het programma ziet alleen totalen.',
    en: () =>
      'The last check-ins may have slipped through between other things. They take a minute, and they help us make the programme better. Your answers stay yours: the programme only sees totals.',
  },
  usefulness_falling: {
    nl: () =>
      'Soms heeft een mentorrelatie een nieuwe impuls nodig: andere doelen, een ander ritme of een andere manier van afspreken. Het kan helpen om samen te bespreken wat jullie er vanaf nu uit willen halen.',
    en: () =>
      'Sometimes a mentoring relationship needs a fresh start: new goals, a different rhythm or another way of meeting. It may help to talk together about what you would like to get out of it from here.',
  },
  one_side_silent: {
    nl: () =>
      'Het lijkt de laatste tijd wat stil tussen jullie. Misschien is een kort berichtje al genoeg om de draad weer op te pakken.',
    en: () =>
      'It seems to have been quiet between you lately. Perhaps a short message is all it takes to pick things up again.',
  },
  agreement_unconfirmed: {
    nl: () =>
      'Jullie afspraken zijn nog niet door iedereen bevestigd. Als vaststaat hoe vaak jullie afspreken en wat jullie hopen te leren, wordt de rest makkelijker. Je vindt ze in jullie mentorruimte.',
    en: () =>
      "Your agreement has not been confirmed by everyone yet. Once you have settled how often you meet and what you hope to learn, the rest gets easier. You'll find it in your mentoring space.",
  },
  paused_overdue: {
    nl: (i) =>
      `Jullie pauze zou duren tot ${i.pauseUntil ? longDate(i.pauseUntil, 'nl') : 'kort geleden'}. Zijn jullie klaar om weer verder te gaan? Hebben jullie meer tijd nodig, dan kun je de pauze gewoon verlengen in jullie mentorruimte.`,
    en: (i) =>
      `Your pause was planned to last until ${i.pauseUntil ? longDate(i.pauseUntil, 'en') : 'recently'}. Are you ready to pick things up again? If you need more time, you can simply extend the pause in your mentoring space.`,
  },
};

const general: Record<Locale, Paragraph> = {
  nl: () =>
    'Hoe gaat het met jullie mentoring? Is er iets wat jullie van het programma nodig hebben?',
  en: () => 'How is your mentoring going? Is there anything you need from the programme?',
};

const closing: Record<Locale, Paragraph> = {
  nl: (i) =>
    `Zit er iets in de weg, of kan ik ergens mee helpen? Laat het me gerust weten.\n\nHartelijke groet,\n${i.manager}`,
  en: (i) =>
    `If something is in the way, or if I can help with anything, just let me know.\n\nKind regards,\n${i.manager}`,
};

function render(input: TemplateInput, locale: Locale): string {
  const middle =
    input.signals.length > 0
      ? input.signals.map((signal) => paragraphs[signal][locale](input, locale))
      : [general[locale](input, locale)];
  return [intro[locale](input, locale), ...middle, closing[locale](input, locale)].join('\n\n');
}

/** The nudge for the given signals (all of the relationship's when none is named). */
export function nudgeTemplate(
  health: Pick<HealthRow, 'signals' | 'pauseUntil'> | null,
  options: { manager: string; programme: string; signal?: Signal },
): { signals: Signal[]; bodyNl: string; bodyEn: string } {
  const signals = options.signal ? [options.signal] : [...(health?.signals ?? [])];
  const input: TemplateInput = {
    manager: options.manager,
    programme: options.programme,
    signals,
    pauseUntil: health?.pauseUntil ?? null,
  };
  return { signals, bodyNl: render(input, 'nl'), bodyEn: render(input, 'en') };
}
