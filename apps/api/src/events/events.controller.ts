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
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import * as QRCode from 'qrcode';
import type { Actor } from '@ilr/shared';
import { Can, CurrentUser, Public } from '../accounts/auth.decorators';
import { ApiErrors } from '../common/openapi';
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
import {
  CheckInResultDto,
  EventDto,
  EventStatsDto,
  PageOfEventsDto,
  RegistrationDto,
  SessionDto,
} from './dto/events.responses';
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

  @Can('event.create')
  @Post('events')
  @ApiOperation({ operationId: 'createEvent', summary: 'Create an event (draft)' })
  @ApiCreatedResponse({ type: EventDto })
  @ApiErrors(400, 401, 403, 413)
  create(@CurrentUser() user: Actor, @Body() dto: CreateEventDto): Promise<EventDto> {
    return this.events.create(user, dto);
  }

  @Public()
  @Get('events')
  @ApiOperation({
    operationId: 'listEvents',
    summary: 'Events in start order; drafts only for organisers and promoters',
  })
  @ApiOkResponse({ type: PageOfEventsDto })
  @ApiErrors(400)
  list(@CurrentUser() user: Actor | undefined, @Query() query: EventListQuery): Promise<PageOfEventsDto> {
    return this.events.list(user, query);
  }

  @Public()
  @Get('events/:id')
  @ApiOperation({ operationId: 'getEvent', summary: 'One event (a draft is 404 to those who may not see it)' })
  @ApiOkResponse({ type: EventDto })
  @ApiErrors(400, 404)
  get(@CurrentUser() user: Actor | undefined, @UuidParam() id: string): Promise<EventDto> {
    return this.events.get(user, id);
  }

  @Patch('events/:id')
  @ApiOperation({ operationId: 'updateEvent', summary: 'Edit an event' })
  @ApiOkResponse({ type: EventDto })
  @ApiErrors(400, 401, 403, 404, 413)
  update(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: UpdateEventDto): Promise<EventDto> {
    return this.events.update(user, id, dto);
  }

  @Post('events/:id/publish')
  @HttpCode(200)
  @ApiOperation({ operationId: 'publishEvent', summary: 'Publish a draft event' })
  @ApiOkResponse({ type: EventDto })
  @ApiErrors(400, 401, 403, 404, 409)
  publish(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<EventDto> {
    return this.events.transition(user, id, 'published');
  }

  @Post('events/:id/start')
  @HttpCode(200)
  @ApiOperation({ operationId: 'startEvent', summary: 'Mark a published event as live' })
  @ApiOkResponse({ type: EventDto })
  @ApiErrors(400, 401, 403, 404, 409)
  start(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<EventDto> {
    return this.events.transition(user, id, 'live');
  }

  @Post('events/:id/end')
  @HttpCode(200)
  @ApiOperation({ operationId: 'endEvent', summary: 'Mark an event as ended' })
  @ApiOkResponse({ type: EventDto })
  @ApiErrors(400, 401, 403, 404, 409)
  end(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<EventDto> {
    return this.events.transition(user, id, 'ended');
  }

  @Post('events/:id/sessions')
  @ApiOperation({ operationId: 'addSession', summary: "Add a session to the event's agenda" })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiErrors(400, 401, 403, 404, 413)
  addSession(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: CreateSessionDto): Promise<SessionDto> {
    return this.events.addSession(user, id, dto);
  }

  @Get('sessions/:id')
  @ApiOperation({ operationId: 'getSession', summary: 'One session with its speakers (for the live room)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400, 401, 404)
  session(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<SessionDto> {
    return this.events.session(user, id);
  }

  @Patch('sessions/:id')
  @ApiOperation({ operationId: 'updateSession', summary: 'Edit a session' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400, 401, 403, 404, 413)
  updateSession(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionDto> {
    return this.events.updateSession(user, id, dto);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'removeSession', summary: 'Remove a session from the agenda' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors(400, 401, 403, 404)
  async removeSession(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<void> {
    await this.events.removeSession(user, id);
  }

  @Public()
  @Get('events/:id/agenda')
  @ApiOperation({ operationId: 'getAgenda', summary: 'Sessions in start order' })
  @ApiOkResponse({ type: [SessionDto] })
  @ApiErrors(400, 404)
  async agenda(@CurrentUser() user: Actor | undefined, @UuidParam() id: string): Promise<SessionDto[]> {
    const agenda = await this.events.agenda(user, id);
    // Only what an anonymous caller may see is cached (drafts are 404 to them and never get here).
    if (!user) this.agendaCache.store(id, agenda);
    return agenda;
  }

  @Public()
  @Get('events/:id/agenda.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({ operationId: 'getAgendaIcs', summary: 'The agenda as an iCalendar file' })
  @ApiOkResponse({ content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404)
  async agendaIcs(
    @CurrentUser() user: Actor | undefined,
    @UuidParam() id: string,
    @Query() query: AgendaIcsQuery,
  ): Promise<string> {
    const event = await this.access.visibleEvent(user, id);
    return agendaIcs(event, await this.events.sessions(id), query.lang ?? 'en');
  }

  @Post('events/:id/registrations')
  @ApiOperation({
    operationId: 'registerForEvent',
    summary: 'Register for an event; a second call returns the same badge with 200',
  })
  @ApiCreatedResponse({ type: RegistrationDto, description: 'registered' })
  @ApiOkResponse({ type: RegistrationDto, description: 'already registered: the same registration' })
  @ApiErrors(400, 401, 404, 409)
  async register(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegistrationDto> {
    const { registration, created } = await this.events.register(user, id);
    res.status(created ? 201 : 200);
    return registration;
  }

  @Get('events/:id/registrations/me')
  @ApiOperation({ operationId: 'getMyRegistration', summary: 'My registration and badge code for this event' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiErrors(400, 401, 404)
  myRegistration(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<RegistrationDto> {
    return this.events.myRegistration(user, id);
  }

  @Get('events/:id/badge')
  @ApiProduces('image/png', 'image/svg+xml')
  @ApiOperation({ operationId: 'getBadge', summary: 'My QR badge as PNG (default) or SVG, for download or print' })
  @ApiOkResponse({
    content: {
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'image/svg+xml': { schema: { type: 'string' } },
    },
  })
  @ApiErrors(400, 401, 404)
  async badge(
    @CurrentUser() user: Actor,
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

  @Post('events/:id/check-ins')
  @HttpCode(200)
  @ApiOperation({ operationId: 'checkIn', summary: 'Check a badge in (scanned or typed)' })
  @ApiOkResponse({ type: CheckInResultDto })
  @ApiErrors(400, 401, 403, 404, 413)
  checkIn(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: CheckInDto): Promise<CheckInResultDto> {
    return this.events.checkIn(user, id, dto.badgeCode);
  }

  @Get('events/:id/stats')
  @ApiOperation({ operationId: 'getEventStats', summary: 'Registered and checked-in counts' })
  @ApiOkResponse({ type: EventStatsDto })
  @ApiErrors(400, 401, 403, 404)
  stats(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<EventStatsDto> {
    return this.events.stats(user, id);
  }
}
