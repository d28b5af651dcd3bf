import { Body, Get, HttpCode, Post } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LoggedIn, Public } from '../../common/auth/access.decorators.js';
import { CurrentActor, CurrentCaller, type Actor, type Caller } from '../../common/auth/actor.js';
import { ErrorBody } from '../../common/errors/error-body.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { ChangePasswordDto, LoginDto, MeDto, RefreshDto, TokensDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';

const TooMany = () =>
  ApiResponse({
    status: 429,
    description: 'Too many failed attempts; Retry-After says when to try again',
    type: ErrorBody,
  });

@ApiTags('auth')
@ApiController('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOperation({ summary: 'Log in with username and password' })
  @Post('login')
  @HttpCode(200)
  @Public('anyone with an account; failed attempts are throttled')
  @ApiOkResponse({ type: TokensDto })
  @ApiErrors(400, 401, 403)
  @TooMany()
  login(@CurrentCaller() caller: Caller, @Body() dto: LoginDto): Promise<TokensDto> {
    return this.auth.login(caller, dto);
  }

  @ApiOperation({ summary: 'Exchange a refresh token for new tokens' })
  @Post('refresh')
  @HttpCode(200)
  @Public('whoever holds a refresh token; each refresh token works once')
  @ApiOkResponse({
    type: TokensDto,
    description: 'A new pair; the refresh token sent is spent. Sending a spent one again closes the session.',
  })
  @ApiErrors(400, 401)
  refresh(@Body() dto: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @ApiOperation({ summary: 'Log out (end this session)' })
  @Post('logout')
  @HttpCode(204)
  @LoggedIn()
  @ApiNoContentResponse({ description: 'The session ended: its access and refresh tokens stop working at once' })
  logout(@CurrentActor() actor: Actor): Promise<void> {
    return this.auth.logout(actor);
  }

  @ApiOperation({ summary: 'Change my password' })
  @Post('password')
  @HttpCode(204)
  @LoggedIn('any account logged in with a password')
  @ApiNoContentResponse({ description: 'Password changed; every session of the account ended, this one too' })
  @ApiErrors(400)
  @TooMany()
  changePassword(
    @CurrentActor() actor: Actor,
    @CurrentCaller() caller: Caller,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    return this.auth.changePassword(actor, caller, dto);
  }

  @ApiOperation({ summary: 'Who am I' })
  @Get('me')
  @LoggedIn()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }
}
