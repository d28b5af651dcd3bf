import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitStore } from '../../common/rate-limit/rate-limit-store.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { WriteThrottleGuard } from './write-throttle.guard.js';

@Module({
  imports: [AccountsModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    RateLimitStore,
    LoginThrottle,
    // Global guards run in this order: who is calling, then how often.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: WriteThrottleGuard },
  ],
  exports: [AuthService, LoginThrottle],
})
export class AuthModule {}
