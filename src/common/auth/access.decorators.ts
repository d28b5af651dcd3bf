import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { Role } from '../../domain/access/principal.js';
import { ErrorBody } from '../errors/error-body.js';

/** Where @nestjs/swagger keeps an operation's summary and description (its `DECORATORS.API_OPERATION`). */
const API_OPERATION = 'swagger/apiOperation';

/** Metadata the access guard reads. A route with neither is closed to everybody (default deny). */
export const PUBLIC_ROUTE = 'courtside:public';
export const ROUTE_ROLES = 'courtside:roles';

/**
 * States the access rule in the operation's description in the API docs. A route that also
 * wants @ApiOperation puts it above this decorator (decorators apply bottom-up, and
 * ApiOperation merges) or below it, and leaves `description` to this one.
 */
const describeAccess =
  (line: string): MethodDecorator =>
  (_target, _key, descriptor) => {
    // Merged by hand: ApiOperation() would also reset a `summary` set below this decorator.
    const operation = Reflect.getMetadata(API_OPERATION, descriptor.value as object) ?? { summary: '' };
    Reflect.defineMetadata(API_OPERATION, { ...operation, description: line }, descriptor.value as object);
    return descriptor;
  };

/** Anyone, logged in or not (fans): public reads, and the login routes themselves. */
export const Public = (note = 'anyone, no login needed') =>
  applyDecorators(
    SetMetadata(PUBLIC_ROUTE, true),
    ApiExtension('x-access', { public: true, roles: [] }),
    describeAccess(`**Access:** public — ${note}.`),
  );

/**
 * Logged-in callers with one of these roles. `who` says the object-level rule the service
 * adds on top (e.g. "organisers of this tournament"), for the API docs.
 */
export const Roles = (roles: Role[], who: string) =>
  applyDecorators(
    SetMetadata(ROUTE_ROLES, roles),
    ApiBearerAuth(),
    ApiExtension('x-access', { public: false, roles }),
    describeAccess(`**Access:** ${who} (roles: ${roles.join(', ')}).`),
    ApiResponse({
      status: 401,
      description: 'No valid access token (missing, expired, forged or revoked)',
      type: ErrorBody,
    }),
    ApiResponse({ status: 403, description: 'Not allowed for this role or object', type: ErrorBody }),
  );

/** Any logged-in caller, whatever the role. */
export const LoggedIn = (who = 'any logged-in account or device') => Roles(['admin', 'organiser', 'scorekeeper'], who);
