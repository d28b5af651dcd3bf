import { Body, Post } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Public } from '../../common/auth/access.decorators.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { USERNAME_RULE } from '../../config/credentials.js';
import { AccountDto, Password, toAccountDto, Username } from './account.dto.js';
import { FirstAdminSetup } from './first-admin-setup.js';

export class FirstAdminDto {
  @ApiProperty({ description: 'The token from the setup link the server printed (`/desk#setup=<token>`)' })
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'must be the token from the setup link' })
  token: string;

  @ApiProperty({ example: 'chief', description: USERNAME_RULE })
  @Username()
  username: string;

  @ApiProperty({ writeOnly: true, minLength: 12 })
  @Password()
  password: string;
}

@ApiTags('auth')
@ApiController('setup')
export class SetupController {
  constructor(private readonly setup: FirstAdminSetup) {}

  @ApiOperation({ summary: 'Create the first administrator with the one-time setup link' })
  @Post('first-admin')
  @Public('whoever holds the one-time setup link the server printed while there was no administrator')
  @ApiCreatedResponse({ type: AccountDto, description: 'The first administrator; log in with it next' })
  @ApiErrors(400, 403, 409)
  async createFirstAdmin(@Body() dto: FirstAdminDto): Promise<AccountDto> {
    return toAccountDto(await this.setup.createFirstAdministrator(dto.token, dto.username, dto.password));
  }
}
