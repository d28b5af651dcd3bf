import { Param, ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationError } from '../errors/validation.js';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new RequestValidationError([{ field: name, reason: 'must be a UUID' }]),
    }),
  );
