import type { TFunction } from 'i18next';
import type { paths } from '../../../api/schema';
import { programmesQueryKey } from '../programme-types';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type HealthList = Json<
  paths['/api/programmes/{programmeId}/health']['get']['responses'][200]
>;
export type HealthItem = HealthList['items'][number];
export type HealthSignal = HealthItem['signals'][number];
export type HealthParticipant = HealthItem['participants'][number];
export type LastNudge = NonNullable<HealthItem['lastNudge']>;

export const healthQueryKey = (programmeId: string) =>
  [...programmesQueryKey, 'health', programmeId] as const;

const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'nl-NL');

/** "2 Dec" / "2 dec.": the day a nudge went out. */
export function shortDate(value: string, locale: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short' }).format(
    date,
  );
}

/** "Anna and Bas" / "Anna en Bas". */
export function joinNames(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(names);
}

/** A signal as a sentence with its facts, in the language shown. */
export function signalSentence(signal: HealthSignal, t: TFunction, locale: string): string {
  switch (signal.kind) {
    case 'no_meeting':
      return t(
        signal.lastMeetingAt === null
          ? 'relationshipHealth.signals.noMeetingYet'
          : signal.cadenceSource === 'agreement'
            ? 'relationshipHealth.signals.noMeeting'
            : 'relationshipHealth.signals.noMeetingProgramme',
        { count: signal.daysSinceLastMeeting, cadence: signal.cadenceDays },
      );
    case 'check_ins_unanswered':
      return t('relationshipHealth.signals.checkInsUnanswered', {
        count: signal.unansweredInARow,
      });
    case 'usefulness_falling':
      return t('relationshipHealth.signals.usefulnessFalling');
    case 'one_side_silent':
      return t('relationshipHealth.signals.oneSideSilent', { days: signal.windowDays });
    case 'agreement_unconfirmed':
      return t('relationshipHealth.signals.agreementUnconfirmed', { days: signal.daysSinceStart });
    case 'paused_overdue':
      return t('relationshipHealth.signals.pausedOverdue', {
        count: signal.daysOverdue,
        date: shortDate(signal.pauseUntil, locale),
      });
  }
}
