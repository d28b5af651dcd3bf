import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { FirstAdminSetup } from './first-admin-setup.js';
import { SetupController } from './setup.controller.js';

@Module({
  controllers: [AccountsController, SetupController],
  providers: [AccountsService, AdminBootstrap, FirstAdminSetup],
  exports: [AccountsService],
})
export class AccountsModule {}
