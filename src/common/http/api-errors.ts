import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBody } from '../errors/error-body.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `details` names each field and the reason',
  401: 'Not logged in',
  403: 'Not allowed for this role or object',
  404: 'Not found',
  409: 'Conflicts with the current state (duplicate, locked, stale)',
};

/** Documents the error responses of a route, all in the one ErrorBody shape. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorBody })),
  );
