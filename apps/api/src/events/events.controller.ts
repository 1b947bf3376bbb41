import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import * as QRCode from 'qrcode';
import type { AgendaSession, CheckInResult, EventStats, EventSummary, Page, Registration } from '@ilr/shared';
import { CurrentUser, Public, Roles } from '../accounts/auth.decorators';
import type { UserEntity } from '../accounts/user.entity';
import { UuidParam } from '../common/validation';
import { agendaIcs } from './agenda-ics';
import {
  AgendaIcsQuery,
  BadgeQuery,
  CheckInDto,
  CreateEventDto,
  CreateSessionDto,
  EventListQuery,
  UpdateEventDto,
  UpdateSessionDto,
} from './dto/events.dto';
import { EventAccessService } from './event-access.service';
import { EventsService } from './events.service';
import { PublicAgendaCache } from './public-agenda.cache';

@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly access: EventAccessService,
    private readonly agendaCache: PublicAgendaCache,
  ) {}

  @Roles('organiser', 'promoter')
  @Post('events')
  @ApiOperation({ summary: 'Create an event (draft)' })
  create(@CurrentUser() user: UserEntity, @Body() dto: CreateEventDto): Promise<EventSummary> {
    return this.events.create(user, dto);
  }

  @Public()
  @Get('events')
  @ApiOperation({ summary: 'Events in start order; drafts only for organisers and promoters' })
  list(@CurrentUser() user: UserEntity | undefined, @Query() query: EventListQuery): Promise<Page<EventSummary>> {
    return this.events.list(user, query);
  }

  @Public()
  @Get('events/:id')
  get(@CurrentUser() user: UserEntity | undefined, @UuidParam() id: string): Promise<EventSummary> {
    return this.events.get(user, id);
  }

  @Roles('organiser', 'promoter')
  @Patch('events/:id')
  update(@CurrentUser() user: UserEntity, @UuidParam() id: string, @Body() dto: UpdateEventDto): Promise<EventSummary> {
    return this.events.update(user, id, dto);
  }

  @Roles('organiser', 'promoter')
  @Post('events/:id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<EventSummary> {
    return this.events.transition(user, id, 'published');
  }

  @Roles('organiser', 'promoter')
  @Post('events/:id/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a published event as live' })
  start(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<EventSummary> {
    return this.events.transition(user, id, 'live');
  }

  @Roles('organiser', 'promoter')
  @Post('events/:id/end')
  @HttpCode(200)
  end(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<EventSummary> {
    return this.events.transition(user, id, 'ended');
  }

  @Roles('organiser', 'promoter')
  @Post('events/:id/sessions')
  addSession(
    @CurrentUser() user: UserEntity,
    @UuidParam() id: string,
    @Body() dto: CreateSessionDto,
  ): Promise<AgendaSession> {
    return this.events.addSession(user, id, dto);
  }

  @Public()
  @Get('sessions/:id')
  @ApiOperation({ summary: 'One session with its speakers (for the live room)' })
  session(@CurrentUser() user: UserEntity | undefined, @UuidParam() id: string): Promise<AgendaSession> {
    return this.events.session(user, id);
  }

  @Roles('organiser', 'promoter')
  @Patch('sessions/:id')
  updateSession(
    @CurrentUser() user: UserEntity,
    @UuidParam() id: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<AgendaSession> {
    return this.events.updateSession(user, id, dto);
  }

  @Roles('organiser', 'promoter')
  @Delete('sessions/:id')
  @HttpCode(204)
  async removeSession(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<void> {
    await this.events.removeSession(user, id);
  }

  @Public()
  @Get('events/:id/agenda')
  @ApiOperation({ summary: 'Sessions in start order' })
  async agenda(@CurrentUser() user: UserEntity | undefined, @UuidParam() id: string): Promise<AgendaSession[]> {
    const agenda = await this.events.agenda(user, id);
    // Only what an anonymous caller may see is cached (drafts are 404 to them and never get here).
    if (!user) this.agendaCache.store(id, agenda);
    return agenda;
  }

  @Public()
  @Get('events/:id/agenda.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async agendaIcs(
    @CurrentUser() user: UserEntity | undefined,
    @UuidParam() id: string,
    @Query() query: AgendaIcsQuery,
  ): Promise<string> {
    const event = await this.access.visibleEvent(user, id);
    return agendaIcs(event, await this.events.sessions(id), query.lang ?? 'en');
  }

  @Post('events/:id/registrations')
  @ApiOperation({ summary: 'Register for an event; a second call returns the same badge with 200' })
  async register(
    @CurrentUser() user: UserEntity,
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Registration> {
    const { registration, created } = await this.events.register(user, id);
    res.status(created ? 201 : 200);
    return registration;
  }

  @Get('events/:id/registrations/me')
  @ApiOperation({ summary: 'My registration and badge code for this event' })
  myRegistration(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<Registration> {
    return this.events.myRegistration(user, id);
  }

  @Get('events/:id/badge')
  @ApiProduces('image/png', 'image/svg+xml')
  @ApiOperation({ summary: 'My QR badge as PNG (default) or SVG, for download or print' })
  async badge(
    @CurrentUser() user: UserEntity,
    @UuidParam() id: string,
    @Query() query: BadgeQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { badgeCode } = await this.events.myRegistration(user, id);
    res.setHeader('Content-Disposition', `attachment; filename="badge-${badgeCode}.${query.format ?? 'png'}"`);
    if (query.format === 'svg') {
      res.setHeader('Content-Type', 'image/svg+xml');
      return QRCode.toString(badgeCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    }
    res.setHeader('Content-Type', 'image/png');
    return new StreamableFile(await QRCode.toBuffer(badgeCode, { errorCorrectionLevel: 'M', margin: 2, width: 480 }));
  }

  @Roles('organiser', 'promoter')
  @Post('events/:id/check-ins')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a badge in (scanned or typed)' })
  checkIn(@CurrentUser() user: UserEntity, @UuidParam() id: string, @Body() dto: CheckInDto): Promise<CheckInResult> {
    return this.events.checkIn(user, id, dto.badgeCode);
  }

  @Roles('organiser', 'promoter')
  @Get('events/:id/stats')
  @ApiOperation({ summary: 'Registered and checked-in counts' })
  stats(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<EventStats> {
    return this.events.stats(user, id);
  }
}
