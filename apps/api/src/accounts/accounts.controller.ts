import { Body, Controller, Get, HttpCode, Ip, Patch, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { RateLimited } from '../cluster/rate-limits';
import type { Actor } from '@ilr/shared';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { AccountsService } from './accounts.service';
import { Can, CurrentUser, Public } from './auth.decorators';
import { LoginDto, PeopleQuery, RegisterDto, SetRoleDto, UpdateMeDto, UserListQuery } from './dto/accounts.dto';
import { AuthResponseDto, MeDto, PageOfPeopleDto, PageOfUsersDto, UserDto } from './dto/accounts.responses';
import { clientOf } from './client-info';
import { SessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly cookie: SessionCookie,
  ) {}

  /** The body stays `{ accessToken, user }`; the session's refresh token goes into its cookie. */
  private async startSession(req: Request, res: Response, auth: AuthResponseDto): Promise<AuthResponseDto> {
    const session = await this.sessions.start(auth.user.id, clientOf(req));
    this.cookie.set(req, res, session.token, session.expiresAt);
    return auth;
  }

  @Public()
  @Post('auth/register')
  @RateLimited('register')
  @ApiOperation({
    operationId: 'register',
    summary:
      'Create a member account (rate-limited per address); with `consent`, records the acceptance of the privacy policy; also sets the session cookie',
  })
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiErrors(400, 409, 413, 429)
  async register(
    @Body() dto: RegisterDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponseDto> {
    const client = clientOf(req);
    const auth = await this.accounts.register(dto, client);
    return this.startSession(req, res, auth);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Exchange email and password for an access token (rate-limited); also sets the session cookie',
  })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiErrors(400, 401, 413, 429)
  async login(
    @Body() dto: LoginDto,
    @Ip() address: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponseDto> {
    return this.startSession(req, res, await this.accounts.login(dto.email, dto.password, address));
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ operationId: 'getMe', summary: 'My account, and whether I must accept the privacy policy in force' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(401)
  me(@CurrentUser() user: Actor): Promise<MeDto> {
    return this.accounts.me(user);
  }

  @ApiBearerAuth()
  @Patch('me')
  @ApiOperation({ operationId: 'updateMe', summary: 'Change my display name, language or time zone' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 401, 413)
  updateMe(@CurrentUser() user: Actor, @Body() dto: UpdateMeDto): Promise<UserDto> {
    return this.accounts.updateMe(user, dto);
  }

  @ApiBearerAuth()
  @Can('user.list')
  @Get('users')
  @ApiOperation({ operationId: 'listUsers', summary: 'Accounts by email or display name, and by role (organisers)' })
  @ApiOkResponse({ type: PageOfUsersDto })
  @ApiErrors(400, 401, 403)
  list(@Query() query: UserListQuery): Promise<PageOfUsersDto> {
    return this.accounts.list(query);
  }

  @ApiBearerAuth()
  @Can('people.search')
  @Get('people')
  @ApiOperation({
    operationId: 'listPeople',
    summary: 'Look people up by display name or whole email (organisers, promoters)',
  })
  @ApiOkResponse({ type: PageOfPeopleDto })
  @ApiErrors(400, 401, 403)
  people(@Query() query: PeopleQuery): Promise<PageOfPeopleDto> {
    return this.accounts.people(query);
  }

  @ApiBearerAuth()
  @Can('user.setRole')
  @Patch('users/:id/role')
  @ApiOperation({ operationId: 'setUserRole', summary: "Change someone's role; the last organiser stays (organisers)" })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  setRole(@CurrentUser() actor: Actor, @UuidParam() id: string, @Body() dto: SetRoleDto): Promise<UserDto> {
    return this.accounts.setRole(actor, id, dto.role);
  }
}
