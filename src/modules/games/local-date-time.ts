import type { ValueTransformer } from 'typeorm';

/**
 * Kick-off times are the venue's wall clock ('YYYY-MM-DDTHH:mm', as in src/domain/schedule),
 * stored in a `timestamp` without time zone. The driver reads such a column as a Date in the
 * process's local zone, so formatting it back with the local getters round-trips exactly.
 */
export const localDateTime: ValueTransformer = {
  to: (value: string | null | undefined) => (value == null ? value : `${value}:00`),
  from: (value: Date | null) => (value == null ? null : formatLocal(value)),
};

const pad = (n: number) => String(n).padStart(2, '0');

export function formatLocal(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
