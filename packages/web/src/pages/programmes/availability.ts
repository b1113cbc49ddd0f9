/** Hour-of-week ranges [from, to) in local time, Monday 00:00 = 0 (the profile's format). */
export type Slot = [number, number];

export const days = [0, 1, 2, 3, 4, 5, 6] as const;
export const dayParts = [
  { id: 'morning', from: 8, to: 12 },
  { id: 'afternoon', from: 12, to: 17 },
  { id: 'evening', from: 17, to: 21 },
] as const;
export type DayPartId = (typeof dayParts)[number]['id'];

export const cellId = (day: number, part: DayPartId) => `${day}-${part}`;

/** A cell counts as chosen when the saved slots cover all of its hours. */
export function cellsOf(slots: readonly Slot[]): Set<string> {
  const hours = new Set<number>();
  for (const [from, to] of slots) for (let h = from; h < to; h++) hours.add(h);
  const cells = new Set<string>();
  for (const day of days) {
    for (const part of dayParts) {
      let covered = true;
      for (let h = part.from; h < part.to; h++) if (!hours.has(day * 24 + h)) covered = false;
      if (covered) cells.add(cellId(day, part.id));
    }
  }
  return cells;
}

/** Chosen cells as the fewest slots: touching parts of a day merge into one range. */
export function slotsOf(cells: ReadonlySet<string>): Slot[] {
  const slots: Slot[] = [];
  for (const day of days) {
    for (const part of dayParts) {
      if (!cells.has(cellId(day, part.id))) continue;
      const from = day * 24 + part.from;
      const to = day * 24 + part.to;
      const last = slots.at(-1);
      if (last && last[1] === from) last[1] = to;
      else slots.push([from, to]);
    }
  }
  return slots;
}
