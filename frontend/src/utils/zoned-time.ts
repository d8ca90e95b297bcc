import { zonedParts } from './format';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** How far `timeZone`'s clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = zonedParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant at which a clock in `timeZone` shows `local` (a datetime-local value,
 * "2026-04-15T09:00"), as an ISO string: ("2026-04-15T09:00", "Europe/Saratov") →
 * "2026-04-15T05:00:00.000Z". Undefined for a malformed value or an unknown zone.
 */
export function zonedLocalToInstant(local: string, timeZone: string): string | undefined {
  const match = LOCAL.exec(local);
  if (!match) return undefined;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0] = match.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  try {
    // Two passes settle the offset even when the guess lands across a change of offset.
    let instant = wall - offsetAt(wall, timeZone);
    instant = wall - offsetAt(instant, timeZone);
    return new Date(instant).toISOString();
  } catch {
    return undefined;
  }
}

/** An instant as a datetime-local value in `timeZone` ("2026-04-15T09:00"), to prefill a field. */
export function instantToZonedLocal(value: string, timeZone: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  try {
    const { year, month, day, hour, minute } = zonedParts(date, timeZone);
    return `${year}-${month}-${day}T${hour}:${minute}`;
  } catch {
    return '';
  }
}
