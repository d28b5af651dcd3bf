import { Body, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { PageOf } from '../../common/pagination/page.js';
import { AccountDto, AccountQueryDto, CreateAccountDto, ResetPasswordDto, UpdateAccountDto } from './account.dto.js';
import { AccountsService } from './accounts.service.js';

const AccountPage = PageOf(AccountDto);

@ApiTags('accounts')
@ApiController('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @ApiOperation({ summary: 'Create an account' })
  @Post()
  @Roles(['admin', 'organiser'], 'administrators (any role); organisers (scorekeeper accounts only)')
  @ApiCreatedResponse({ type: AccountDto })
  @ApiErrors(400, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAccountDto): Promise<AccountDto> {
    return this.accounts.create(actor, dto);
  }

  @ApiOperation({ summary: 'List accounts' })
  @Get()
  @Roles(['admin', 'organiser'], 'administrators (every account); organisers (the scorekeepers they created)')
  @ApiOkResponse({ type: AccountPage })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: AccountQueryDto) {
    return this.accounts.list(actor, query);
  }

  @ApiOperation({ summary: 'Get an account' })
  @Get(':id')
  @Roles(['admin', 'organiser', 'scorekeeper'], 'the account itself, an administrator, or the organiser who created it')
  @ApiOkResponse({ type: AccountDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AccountDto> {
    return this.accounts.get(actor, id);
  }

  @ApiOperation({ summary: 'Update an account' })
  @Patch(':id')
  @Roles(['admin', 'organiser'], 'administrators; organisers for the scorekeepers they created')
  @ApiOkResponse({ type: AccountDto, description: 'Disabling ends every session of the account at once' })
  @ApiErrors(400, 404)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: UpdateAccountDto,
  ): Promise<AccountDto> {
    return this.accounts.update(actor, id, dto);
  }

  @ApiOperation({ summary: "Reset an account's password" })
  @Post(':id/password')
  @HttpCode(204)
  @Roles(['admin', 'organiser'], 'administrators; organisers for the scorekeepers they created')
  @ApiNoContentResponse({ description: 'Password set; every session of the account ended' })
  @ApiErrors(400, 404)
  resetPassword(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: ResetPasswordDto,
  ): Promise<void> {
    return this.accounts.resetPassword(actor, id, dto);
  }
}
