import { Global, Module } from '@nestjs/common';
import { AccessTokens } from './access-tokens.js';
import { SessionEvents } from './session-events.js';
import { SessionsService } from './sessions.service.js';

/** Sessions, tokens and revocation events; global because the access guard needs them everywhere. */
@Global()
@Module({
  providers: [AccessTokens, SessionsService, SessionEvents],
  exports: [AccessTokens, SessionsService, SessionEvents],
})
export class SessionsModule {}
