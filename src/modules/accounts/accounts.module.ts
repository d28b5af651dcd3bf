import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AdminBootstrap } from './admin-bootstrap.js';

@Module({ controllers: [AccountsController], providers: [AccountsService, AdminBootstrap], exports: [AccountsService] })
export class AccountsModule {}
