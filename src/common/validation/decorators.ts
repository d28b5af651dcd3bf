import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

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
