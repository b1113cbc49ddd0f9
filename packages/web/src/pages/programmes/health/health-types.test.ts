import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { nl } from '../../../i18n/nl';
import { joinNames, shortDate, signalSentence, type HealthSignal } from './health-types';

let tEn: TFunction;
let tNl: TFunction;

beforeAll(async () => {
  const make = async (lng: 'nl' | 'en') => {
    const i18n = createInstance();
    await i18n.init({
      lng,
      resources: { nl: { translation: nl }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    return i18n.t;
  };
  tEn = await make('en');
  tNl = await make('nl');
});

const noMeeting: HealthSignal = {
  kind: 'no_meeting',
  daysSinceLastMeeting: 45,
  lastMeetingAt: '2026-10-18T10:00:00.000Z',
  cadenceDays: 30,
  cadenceSource: 'agreement',
};

describe('health signals as sentences', () => {
  it('says how long since the last meeting against the agreed cadence', () => {
    expect(signalSentence(noMeeting, tEn, 'en')).toBe(
      'No meeting logged for 45 days (agreed: every 30 days)',
    );
    expect(signalSentence(noMeeting, tNl, 'nl')).toBe(
      'Al 45 dagen geen gesprek vastgelegd (afgesproken: elke 30 dagen)',
    );
    expect(signalSentence({ ...noMeeting, cadenceSource: 'programme' }, tEn, 'en')).toContain(
      '(the programme: every 30 days)',
    );
    expect(signalSentence({ ...noMeeting, lastMeetingAt: null }, tEn, 'en')).toBe(
      'No meeting logged since the start, 45 days ago (expected: every 30 days)',
    );
  });

  it('words every other signal with its facts, in both languages', () => {
    const signals: HealthSignal[] = [
      { kind: 'check_ins_unanswered', unansweredInARow: 2 },
      { kind: 'usefulness_falling' },
      { kind: 'one_side_silent', windowDays: 60 },
      { kind: 'agreement_unconfirmed', daysSinceStart: 20 },
      { kind: 'paused_overdue', pauseUntil: '2026-11-29', daysOverdue: 3 },
    ];
    expect(signals.map((s) => signalSentence(s, tEn, 'en'))).toEqual([
      'Someone left the last 2 check-ins unanswered',
      'According to the check-ins, someone finds it less useful than before',
      'Over the last 60 days one side has been completely silent: no message, no meeting, no check-in',
      'Started 20 days ago, and the agreement has never been confirmed by everyone',
      'Paused until 29 Nov: 3 days past the planned return',
    ]);
    for (const s of signals)
      expect(signalSentence(s, tNl, 'nl')).not.toMatch(/\{\{|relationshipHealth/);
  });

  it('dates and lists names the way each language does', () => {
    expect(shortDate('2026-12-02T09:00:00.000Z', 'en')).toBe('2 Dec');
    expect(joinNames(['Anna', 'Bas'], 'en')).toBe('Anna and Bas');
    expect(joinNames(['Anna', 'Bas'], 'nl')).toBe('Anna en Bas');
  });
});
