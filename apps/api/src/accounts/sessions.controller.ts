import { Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@ilr/shared';
import { ApiErrors } from '../common/openapi';
import { CurrentUser, SessionCookieAuth } from './auth.decorators';
import { AuthResponseDto, SessionDto } from './dto/accounts.responses';
import { UuidParam } from '../common/validation';
import { notFound } from '../common/domain-error';
import { clientOf } from './client-info';
import { CSRF_HEADER, SessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

const csrfHeader = ApiHeader({
  name: CSRF_HEADER,
  required: true,
  description: 'any non-empty value (the web app sends `ilr`): a page of another origin cannot send it',
});

@ApiTags('accounts')
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly cookie: SessionCookie,
  ) {}

  @SessionCookieAuth()
  @Post('refresh')
  @HttpCode(200)
  @csrfHeader
  @ApiOperation({
    operationId: 'refreshSession',
    summary: 'A new access token for the session cookie, which is replaced (rotated); no body',
    description:
      'The refresh token travels only in the httpOnly cookie that login and registration set. Each one ' +
      'works once: presenting a used one again revokes the whole session (401).',
  })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiErrors(401, 403)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuthResponseDto> {
    this.cookie.requireCsrfHeader(req);
    const token = this.cookie.read(req);
    try {
      const { auth, next } = await this.sessions.refresh(token ?? '', clientOf(req));
      this.cookie.set(req, res, next.token, next.expiresAt);
      return auth;
    } catch (error) {
      // The cookie is worth nothing any more: the browser may as well forget it.
      if (token !== undefined) this.cookie.clear(req, res);
      throw error;
    }
  }

  @SessionCookieAuth()
  @Post('logout')
  @HttpCode(204)
  @csrfHeader
  @ApiOperation({
    operationId: 'logout',
    summary: 'End this session: its refresh tokens are revoked and the cookie cleared; no body',
  })
  @ApiNoContentResponse({ description: 'signed out (also when there was no session)' })
  @ApiErrors(403)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.cookie.requireCsrfHeader(req);
    await this.sessions.end(this.cookie.read(req));
    this.cookie.clear(req, res);
  }

  @ApiBearerAuth()
  @Post('logout-all')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'logoutEverywhere',
    summary: "End all of the caller's sessions on every device (access tokens already issued run out within minutes)",
  })
  @ApiNoContentResponse({ description: 'every session revoked' })
  @ApiErrors(401)
  async logoutAll(
    @CurrentUser() user: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.sessions.endAll(user.id);
    this.cookie.clear(req, res);
  }
}

/** My sessions on every device: which are open, and ending one of them. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('me/sessions')
export class MySessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listMySessions',
    summary: 'My open sessions (signed-in browsers and apps), latest first',
  })
  @ApiOkResponse({ type: SessionDto, isArray: true })
  @ApiErrors(401)
  async list(@CurrentUser() user: Actor): Promise<SessionDto[]> {
    return (await this.sessions.list(user.id)).map((session) => ({
      ...session,
      signedInAt: session.signedInAt.toISOString(),
      lastActiveAt: session.lastActiveAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
    }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'endMySession',
    summary: 'End one of my sessions (e.g. a lost phone); its access token runs out within minutes',
  })
  @ApiNoContentResponse({ description: 'the session is ended' })
  @ApiErrors(400, 401, 404)
  async end(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<void> {
    if (!(await this.sessions.endOne(user.id, id))) throw notFound('Session');
  }
}
