/** API.md §Matchmaking: slots, tables, participation, recommendations, requests, meetings, the scheduler. */
import { RateLimited } from '../cluster/rate-limits';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@ilr/shared';
import { CurrentUser } from '../accounts/auth.decorators';
import { Idempotent } from '../common/idempotency';
import { jsonInPieces } from '../common/json-in-pieces';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { DatabaseService } from '../database/database.service';
import {
  AddSlotsDto,
  AddTablesDto,
  BookMeetingDto,
  CreateMeetingRequestDto,
  ExportQuery,
  GiveFeedbackDto,
  MeetingListQuery,
  MeetingRequestListQuery,
  CheckInDto,
  MeetingsIcsQuery,
  MoveMeetingDto,
  NoShowDto,
  ParticipationDto,
  RecommendationsQuery,
  ScheduleDto,
} from './dto/matchmaking.dto';
import {
  MeetingDto,
  MeetingRequestDto,
  MeetingSideDto as MeetingSideView,
  PageOfMeetingRequestsDto,
  PageOfMeetingsDto,
  ParticipantDto,
  RecommendationDto,
  ScheduleResultDto,
  SlotDto,
  TableDto,
} from './dto/matchmaking.responses';
import { MatchmakingAccess } from './matchmaking-access';
import { MeetingViews } from './meeting-views';
import { meetingsCsv, meetingsXlsx } from './meetings-export';
import { meetingsIcs } from './meetings-ics';
import { MeetingsService } from './meetings.service';
import { RequestsService } from './requests.service';
import { SchedulingService } from './scheduling.service';
import { SetupService } from './setup.service';

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller()
export class MatchmakingController {
  constructor(
    private readonly setup: SetupService,
    private readonly requests: RequestsService,
    private readonly meetings: MeetingsService,
    private readonly scheduling: SchedulingService,
    private readonly access: MatchmakingAccess,
    private readonly views: MeetingViews,
    private readonly db: DatabaseService,
  ) {}

  @Post('events/:id/slots')
  @ApiOperation({
    operationId: 'addSlots',
    summary: 'Add meeting slots, given or generated from a window with breaks (organisers, promoters)',
  })
  @ApiCreatedResponse({ type: [SlotDto] })
  @ApiErrors(400, 401, 403, 404, 413)
  addSlots(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: AddSlotsDto): Promise<SlotDto[]> {
    return this.setup.addSlots(user, id, dto);
  }

  @Get('events/:id/slots')
  @ApiOperation({ operationId: 'listSlots', summary: "The event's meeting slots in time order" })
  @ApiOkResponse({ type: [SlotDto] })
  @ApiErrors(400, 401, 404)
  slots(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<SlotDto[]> {
    return this.setup.slots(user, id);
  }

  @Post('events/:id/tables')
  @ApiOperation({ operationId: 'addTables', summary: 'Add tables: physical (at the venue) or virtual (video rooms)' })
  @ApiCreatedResponse({ type: [TableDto] })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  addTables(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: AddTablesDto): Promise<TableDto[]> {
    return this.setup.addTables(user, id, dto);
  }

  @Get('events/:id/tables')
  @ApiOperation({ operationId: 'listTables', summary: "The event's tables in board order" })
  @ApiOkResponse({ type: [TableDto] })
  @ApiErrors(400, 401, 404)
  tables(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<TableDto[]> {
    return this.setup.tables(user, id);
  }

  @Get('events/:id/participants')
  @ApiOperation({
    operationId: 'listParticipants',
    summary: 'Every firm taking part, with attendance and availability (organisers, promoters)',
  })
  @ApiOkResponse({ type: [ParticipantDto] })
  @ApiErrors(400, 401, 403, 404)
  participants(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<ParticipantDto[]> {
    return this.setup.participants(user, id);
  }

  @Put('events/:id/participants/:companyId')
  @ApiOperation({ operationId: 'setParticipation', summary: "A firm's attendance and available slots in the event" })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiErrors(400, 401, 403, 404, 413)
  setParticipation(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('companyId') companyId: string,
    @Body() dto: ParticipationDto,
  ): Promise<ParticipantDto> {
    return this.setup.setParticipation(user, id, companyId, dto);
  }

  @Get('events/:id/participants/:companyId')
  @ApiOperation({
    operationId: 'getParticipation',
    summary: "A firm's participation (409 NOT_PARTICIPATING when it has none)",
  })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiErrors(400, 401, 403, 404, 409)
  participation(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('companyId') companyId: string,
  ): Promise<ParticipantDto> {
    return this.setup.participation(user, id, companyId);
  }

  @Get('events/:id/recommendations')
  @ApiOperation({
    operationId: 'listRecommendations',
    summary: 'Counterparts for a firm, best first, with reason codes',
  })
  @ApiOkResponse({ type: [RecommendationDto] })
  @ApiErrors(400, 401, 403, 404)
  recommendations(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Query() query: RecommendationsQuery,
  ): Promise<RecommendationDto[]> {
    return this.requests.recommendations(user, id, query.companyId);
  }

  @Post('events/:id/meeting-requests')
  @RateLimited('meetingRequest')
  @ApiOperation({
    operationId: 'createMeetingRequest',
    summary: 'Ask a firm for a meeting (for your firm, or for any as a promoter)',
  })
  @ApiCreatedResponse({ type: MeetingRequestDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 429)
  createRequest(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Body() dto: CreateMeetingRequestDto,
  ): Promise<MeetingRequestDto> {
    return this.requests.create(user, id, dto);
  }

  @Get('events/:id/meeting-requests')
  @ApiOperation({
    operationId: 'listMeetingRequests',
    summary: "Requests, newest first (members: their firm's, sent and received)",
  })
  @ApiOkResponse({ type: PageOfMeetingRequestsDto })
  @ApiErrors(400, 401, 403, 404)
  listRequests(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Query() query: MeetingRequestListQuery,
  ): Promise<PageOfMeetingRequestsDto> {
    return this.requests.list(user, id, query);
  }

  @Post('meeting-requests/:id/accept')
  @HttpCode(200)
  @ApiOperation({ operationId: 'acceptMeetingRequest', summary: 'Accept a pending request (the receiving firm)' })
  @ApiOkResponse({ type: MeetingRequestDto })
  @ApiErrors(400, 401, 403, 404, 409)
  accept(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<MeetingRequestDto> {
    return this.requests.accept(user, id);
  }

  @Post('meeting-requests/:id/decline')
  @HttpCode(200)
  @ApiOperation({ operationId: 'declineMeetingRequest', summary: 'Decline a pending request (the receiving firm)' })
  @ApiOkResponse({ type: MeetingRequestDto })
  @ApiErrors(400, 401, 403, 404, 409)
  decline(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<MeetingRequestDto> {
    return this.requests.decline(user, id);
  }

  @Post('meeting-requests/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'cancelMeetingRequest',
    summary: 'Withdraw a pending or accepted request (the requesting firm)',
  })
  @ApiOkResponse({ type: MeetingRequestDto })
  @ApiErrors(400, 401, 403, 404, 409)
  cancelRequest(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<MeetingRequestDto> {
    return this.requests.cancel(user, id);
  }

  @Post('events/:id/meetings')
  @Idempotent()
  @ApiOperation({
    operationId: 'bookMeeting',
    summary: 'Book an accepted request in a slot (idempotent with Idempotency-Key)',
  })
  @ApiCreatedResponse({ type: MeetingDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422)
  book(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: BookMeetingDto): Promise<MeetingDto> {
    return this.meetings.book(user, id, dto);
  }

  @Get('events/:id/meetings')
  @ApiOperation({ operationId: 'listMeetings', summary: "Meetings in time order (members: their firm's)" })
  @ApiOkResponse({ type: PageOfMeetingsDto })
  @ApiErrors(400, 401, 403, 404)
  list(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Query() query: MeetingListQuery,
  ): Promise<PageOfMeetingsDto> {
    return this.meetings.list(user, id, query);
  }

  @Get('events/:id/meetings.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({
    operationId: 'getMeetingsIcs',
    summary: "A firm's meetings as an iCalendar file (cancelled ones as CANCELLED)",
  })
  @ApiOkResponse({ content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 403, 404)
  async ics(@CurrentUser() user: Actor, @UuidParam() id: string, @Query() query: MeetingsIcsQuery): Promise<string> {
    const event = await this.access.event(user, id);
    const companyId = query.companyId ?? user.companyId;
    if (!companyId) return meetingsIcs(event, [], null, query.lang ?? 'en');
    this.access.actFor(user, companyId);
    const rows = await this.meetings.all(id, companyId);
    const views = await this.views.many(this.db.manager, rows);
    const withSequence = views.map((v, i) => ({ ...v, sequence: rows[i].sequence }));
    return meetingsIcs(event, withSequence, companyId, query.lang ?? 'en');
  }

  @Get('events/:id/meetings.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ operationId: 'exportMeetingsCsv', summary: 'The schedule as CSV (organisers, promoters)' })
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 403, 404)
  async csv(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const event = await this.access.managedEvent(user, id);
    const views = await this.views.many(this.db.manager, await this.meetings.all(id, query.companyId ?? null));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="meetings-${id}.csv"`);
    return meetingsCsv(event, views, query.lang ?? 'en');
  }

  @Get('events/:id/meetings.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({
    operationId: 'exportMeetingsXlsx',
    summary: 'The schedule as an Excel workbook (organisers, promoters)',
  })
  @ApiOkResponse({
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiErrors(400, 401, 403, 404)
  async xlsx(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const event = await this.access.managedEvent(user, id);
    const views = await this.views.many(this.db.manager, await this.meetings.all(id, query.companyId ?? null));
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="meetings-${id}.xlsx"`);
    return new StreamableFile(await meetingsXlsx(event, views, query.lang ?? 'en'));
  }

  @Get('meetings/:id')
  @ApiOperation({ operationId: 'getMeeting', summary: 'One meeting (its two firms, promoters, organisers)' })
  @ApiOkResponse({ type: MeetingDto })
  @ApiErrors(400, 401, 404)
  get(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<MeetingDto> {
    return this.meetings.get(user, id);
  }

  @Patch('meetings/:id')
  @ApiOperation({ operationId: 'moveMeeting', summary: 'Move a meeting to another slot or table in one step' })
  @ApiOkResponse({ type: MeetingDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  move(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: MoveMeetingDto): Promise<MeetingDto> {
    return this.meetings.move(user, id, dto);
  }

  @Delete('meetings/:id')
  @ApiOperation({
    operationId: 'cancelMeeting',
    summary: 'Cancel a meeting: the slot is freed and the request can be booked again',
  })
  @ApiOkResponse({ type: MeetingDto })
  @ApiErrors(400, 401, 403, 404)
  cancel(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<MeetingDto> {
    return this.meetings.cancel(user, id);
  }

  @Post('meetings/:id/feedback')
  @ApiOperation({
    operationId: 'giveMeetingFeedback',
    summary: "One side's rating and outcome, from the meeting's start",
  })
  @ApiCreatedResponse({ type: MeetingSideView })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  feedback(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Body() dto: GiveFeedbackDto,
  ): Promise<MeetingSideView> {
    return this.meetings.feedback(user, id, dto);
  }

  @Post('meetings/:id/check-in')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'checkInMeeting',
    summary: "A side arrived at the table: give its company, or scan a person's event badge",
  })
  @ApiOkResponse({ type: MeetingDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  checkIn(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: CheckInDto): Promise<MeetingDto> {
    return this.meetings.checkIn(user, id, dto);
  }

  @Post('meetings/:id/no-show')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'markMeetingNoShow',
    summary: 'Mark a side as absent, or take it back (organisers, promoters)',
  })
  @ApiOkResponse({ type: MeetingDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  noShow(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: NoShowDto): Promise<MeetingDto> {
    return this.meetings.markNoShow(user, id, dto.companyId, dto.noShow ?? true);
  }

  @Post('events/:id/schedule')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'runScheduler',
    summary: 'Schedule the accepted requests around kept meetings; a dry run commits nothing (organisers, promoters)',
  })
  @ApiOkResponse({ type: ScheduleResultDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  async schedule(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Body() dto: ScheduleDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const result = await this.scheduling.run(user, id, dto.dryRun ?? false);
    // Thousands of meetings: serialised in slices so the node keeps answering while it writes.
    res.type('application/json');
    return jsonInPieces(result);
  }
}
