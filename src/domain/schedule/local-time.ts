/**
 * Wall-clock times of the venue, with no time zone: `LocalDateTime` is `'YYYY-MM-DDTHH:mm'`
 * (e.g. `'2024-05-01T19:30'`). Tournaments are played in one place, so a zone would only
 * add ways to be wrong. Internally times are whole minutes since 1970-01-01T00:00 of that
 * same wall clock, computed with UTC arithmetic so no daylight-saving shift ever applies.
 */
import { invalid } from '../shared/domain-error.js';

export type LocalDateTime = string;

export const MINUTES_PER_DAY = 1440;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Minutes since the epoch of the venue's wall clock; throws SCHEDULE_INVALID_TIME for anything but a real 'YYYY-MM-DDTHH:mm'. */
export function toMinutes(value: LocalDateTime, field = 'time'): number {
  const match = typeof value === 'string' ? PATTERN.exec(value) : null;
  if (match) {
    const [year, month, day, hour, minute] = match.slice(1).map(Number);
    const ms = Date.UTC(year, month - 1, day, hour, minute);
    // Date.UTC rolls 2024-02-30 over to March; a round trip catches impossible dates.
    if (hour < 24 && minute < 60 && fromMinutes(ms / 60000) === value) return ms / 60000;
  }
  throw invalid('SCHEDULE_INVALID_TIME', `${field} must be a local date-time 'YYYY-MM-DDTHH:mm'`, [
    { field, reason: `'${String(value)}' is not a local date-time 'YYYY-MM-DDTHH:mm'` },
  ]);
}

export function fromMinutes(minutes: number): LocalDateTime {
  const d = new Date(minutes * 60000);
  return `${d.getUTCFullYear().toString().padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}`;
}

/** The calendar day a minute falls on, as a day number (for "same day" comparisons). */
export const dayOf = (minutes: number) => Math.floor(minutes / MINUTES_PER_DAY);

/** Rounds up to the next multiple of `step` minutes after midnight, so starts read 14:00, 15:30, never 14:03. */
export function alignUp(minutes: number, step: number): number {
  if (step <= 1) return minutes;
  const midnight = dayOf(minutes) * MINUTES_PER_DAY;
  return midnight + Math.ceil((minutes - midnight) / step) * step;
}

/** 'HH:mm' when the time is on `referenceDay`, else 'YYYY-MM-DD HH:mm': short, but never ambiguous. */
export function describeTime(minutes: number, referenceDay?: number): string {
  const text = fromMinutes(minutes);
  return referenceDay === dayOf(minutes) ? text.slice(11) : text.replace('T', ' ');
}

const pad = (n: number) => n.toString().padStart(2, '0');
