import ical, { ICalCalendarMethod, ICalEventStatus, ICalAttendeeStatus } from 'ical-generator';

/**
 * iCalendar for meetings (RFC 5545 via ical-generator). Times are written in the meeting's own
 * IANA time zone (`DTSTART;TZID=Europe/Amsterdam:20261210T140000`) with a VTIMEZONE built from
 * the platform's time-zone data (Intl), so calendars that do not know the zone name still place
 * the meeting right.
 */

export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarEvent {
  /** The meeting's id: the UID is `<id>@klik`, the same for every version of the meeting. */
  id: string;
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  isCancelled: boolean;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  /** When this version was written (DTSTAMP). */
  stamp: Date;
}

export const meetingUid = (meetingId: string) => `${meetingId}@klik`;

// ---------------------------------------------------------------------------------------------
// Wall-clock time in a zone, from Intl
// ---------------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at an instant. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The zone's offset from UTC at an instant, in minutes (Amsterdam in winter: 60). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which the clocks in `timeZone` read `date` `time`, or null when that reading
 * never happens there (skipped by a clock change). An hour read twice (clocks back) is the first.
 */
export function instantOfWallClock(date: string, time: string, timeZone: string): Date | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Try the offsets in force a day either side: one of them is the offset at the answer.
  const candidates = [
    offsetMinutesAt(new Date(asUtc - 86_400_000), timeZone),
    offsetMinutesAt(new Date(asUtc + 86_400_000), timeZone),
  ]
    .sort((a, b) => b - a)
    .map((offset) => new Date(asUtc - offset * 60_000));
  for (const candidate of candidates) {
    const w = wallClockAt(candidate, timeZone);
    if (
      w.year === year &&
      w.month === month &&
      w.day === day &&
      w.hour === hour &&
      w.minute === minute
    ) {
      return candidate;
    }
  }
  return null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-12-10` and `14:00` as the clocks in the zone read them. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const w = wallClockAt(instant, timeZone);
  return {
    date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`,
    time: `${pad(w.hour)}:${pad(w.minute)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// VTIMEZONE
// ---------------------------------------------------------------------------------------------

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

function formatLocal(w: WallClock): string {
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

/** The instants at which the zone's offset changes between `from` and `to` (to the minute). */
function offsetChanges(timeZone: string, from: number, to: number): number[] {
  const changes: number[] = [];
  const step = 6 * 3_600_000;
  let previous = offsetMinutesAt(new Date(from), timeZone);
  for (let t = from + step; t <= to; t += step) {
    const offset = offsetMinutesAt(new Date(t), timeZone);
    if (offset === previous) continue;
    let low = t - step;
    let high = t;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutesAt(new Date(middle), timeZone) === previous) low = middle;
      else high = middle;
    }
    changes.push(high);
    previous = offset;
  }
  return changes;
}

/**
 * A VTIMEZONE for the zone covering the years around the given instants: one observance from the
 * start of the first year, then one per clock change (DAYLIGHT when the clocks go forward).
 */
export function buildVtimezone(timeZone: string, instants: readonly Date[]): string {
  const years = instants.map((d) => d.getUTCFullYear());
  const from = Date.UTC(Math.min(...years) - 1, 0, 1);
  const to = Date.UTC(Math.max(...years) + 2, 0, 1);
  const startOffset = offsetMinutesAt(new Date(from), timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (kind: string, at: number, before: number, after: number) => {
    const local = wallClockAt(new Date(at - 60_000), timeZone);
    // DTSTART is the local time just before the change, in the offset that was in force.
    const onset = new Date(
      Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) + 60_000,
    );
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${formatLocal({
        year: onset.getUTCFullYear(),
        month: onset.getUTCMonth() + 1,
        day: onset.getUTCDate(),
        hour: onset.getUTCHours(),
        minute: onset.getUTCMinutes(),
        second: 0,
      })}`,
      `TZOFFSETFROM:${formatOffset(before)}`,
      `TZOFFSETTO:${formatOffset(after)}`,
      `END:${kind}`,
    );
  };
  const first = wallClockAt(new Date(from), timeZone);
  lines.push(
    'BEGIN:STANDARD',
    `DTSTART:${formatLocal(first)}`,
    `TZOFFSETFROM:${formatOffset(startOffset)}`,
    `TZOFFSETTO:${formatOffset(startOffset)}`,
    'END:STANDARD',
  );
  let before = startOffset;
  for (const at of offsetChanges(timeZone, from, to)) {
    const after = offsetMinutesAt(new Date(at), timeZone);
    observance(after > before ? 'DAYLIGHT' : 'STANDARD', at, before, after);
    before = after;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

// ---------------------------------------------------------------------------------------------
// The calendar
// ---------------------------------------------------------------------------------------------

/**
 * A Date that ical-generator writes as the wall-clock time of the zone it is asked for (its
 * `ICalTZDateStub` interface), independent of the server process's own time zone.
 */
class ZonedDate extends Date {
  readonly internal: Date;

  constructor(instant: Date) {
    super(instant.getTime());
    this.internal = new Date(instant.getTime());
  }

  withTimeZone(timeZone?: string | null): Date {
    return timeZone ? new WallClockDate(this.getTime(), timeZone) : this;
  }

  tzComponents(): { offset: number; timezone: string | null } {
    return { offset: 0, timezone: null };
  }
}

/** A Date whose local getters read the clocks of one zone. */
class WallClockDate extends Date {
  private readonly wall: WallClock;

  constructor(time: number, timeZone: string) {
    super(time);
    this.wall = wallClockAt(new Date(time), timeZone);
  }
  override getFullYear() {
    return this.wall.year;
  }
  override getMonth() {
    return this.wall.month - 1;
  }
  override getDate() {
    return this.wall.day;
  }
  override getHours() {
    return this.wall.hour;
  }
  override getMinutes() {
    return this.wall.minute;
  }
  override getSeconds() {
    return this.wall.second;
  }
}

/** One calendar with the events; `method` REQUEST/CANCEL for mail, PUBLISH for files and feeds. */
export function buildCalendar(options: {
  method: CalendarMethod;
  name?: string;
  language: 'nl' | 'en';
  events: readonly CalendarEvent[];
}): string {
  const zones = new Map<string, Date[]>();
  for (const event of options.events) {
    zones.set(event.timeZone, [...(zones.get(event.timeZone) ?? []), event.startsAt]);
  }
  const calendar = ical({
    prodId: { company: 'Klik', product: 'Klik', language: options.language.toUpperCase() },
    method: ICalCalendarMethod[options.method],
    ...(options.name ? { name: options.name } : {}),
  });
  for (const event of options.events) {
    const end = new Date(event.startsAt.getTime() + event.durationMinutes * 60_000);
    calendar.createEvent({
      id: meetingUid(event.id),
      sequence: event.sequence,
      stamp: event.stamp,
      start: new ZonedDate(event.startsAt),
      end: new ZonedDate(end),
      timezone: event.timeZone,
      summary: event.summary,
      description: event.description,
      location: event.location,
      url: event.url,
      status: event.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: event.organizer,
      attendees: event.attendees.map((a) => ({
        name: a.name,
        email: a.email,
        status:
          a.email === event.organizer.email
            ? ICalAttendeeStatus.ACCEPTED
            : ICalAttendeeStatus.NEEDSACTION,
      })),
    });
  }
  const text = calendar.toString();
  // ical-generator writes no VTIMEZONE without a generator per calendar zone; add ours for every
  // zone the events use, right after the calendar's own properties.
  const vtimezones = [...zones].map(([zone, instants]) => buildVtimezone(zone, instants));
  if (vtimezones.length === 0) return text;
  const at = text.indexOf('BEGIN:VEVENT');
  const insertAt = at === -1 ? text.lastIndexOf('END:VCALENDAR') : at;
  return `${text.slice(0, insertAt)}${vtimezones.join('\r\n')}\r\n${text.slice(insertAt)}`;
}
