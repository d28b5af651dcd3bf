import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Trims surrounding white space; everything else in the text is kept byte for byte. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A human-readable name: non-blank, bounded, no control characters (PostgreSQL refuses NUL). */
export const NameText = (max: number) =>
  applyDecorators(
    Trim(),
    IsString(),
    IsNotEmpty({ message: 'must not be empty' }),
    MaxLength(max, { message: `must be at most ${max} characters` }),
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    Matches(/^[^\u0000-\u001f\u007f]*$/u, { message: 'must not contain control characters' }),
  );

export const HEX_COLOUR = /^#[0-9A-Fa-f]{6}$/;

/**
 * May be left out, but when given must not be `null`: null is refused with the field named,
 * never taken for "absent" (class-validator's IsOptional would skip it and the column would
 * reject it later). Use {@link Nullable} where null means "clear this".
 */
export const Optional = () =>
  applyDecorators(
    ValidateIf(isGiven),
    ValidateBy({
      name: 'notNull',
      validator: { validate: (v) => v !== null, defaultMessage: () => 'must not be null' },
    }),
  );

/** May be left out or `null` (which clears the value); anything else is validated. */
export const Nullable = () => ValidateIf(isNotNullish);

/** Optional's condition: validate unless left out (the compiled check recognises it: compiled-accept.ts). */
export function isGiven(_object: object, value: unknown): boolean {
  return value !== undefined;
}

/** Nullable's condition: validate unless left out or null (recognised there as well). */
export function isNotNullish(_object: object, value: unknown): boolean {
  return value != null;
}

/** A nested object of the class: arrays and primitives are refused, not mapped element by element. */
export const Nested = (type: () => new () => object) =>
  applyDecorators(IsObject({ message: 'must be an object' }), ValidateNested(), Type(type));

const pad2 = (n: number) => String(n).padStart(2, '0');

/** True for YYYY-MM-DD naming a day that exists (no 2024-02-30 rolling over to March). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` === value
  );
}

/** True for a wall-clock YYYY-MM-DDTHH:mm on a day that exists, 00:00 to 23:59. */
export function isLocalDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/.exec(value);
  return m !== null && isCalendarDate(m[1]);
}

/** A calendar date, YYYY-MM-DD, that exists. */
export const CalendarDate = (example = '2024-05-11') =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: { validate: isCalendarDate, defaultMessage: () => `must be a date such as ${example}` },
  });

/** A venue wall-clock time, YYYY-MM-DDTHH:mm, on a day that exists. */
export const WallClockTime = (example = '2024-05-18T19:30') =>
  ValidateBy({
    name: 'isLocalDateTime',
    validator: {
      validate: isLocalDateTime,
      defaultMessage: () => `must be a local date-time such as ${example}`,
    },
  });
