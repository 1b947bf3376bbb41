import { Body, Controller, Delete, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@ilr/shared';
import { CurrentUser } from '../accounts/auth.decorators';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { AttendanceService } from './attendance.service';
import { LiveTokenDto, StageUserDto } from './dto/live.dto';
import {
  AttendanceRowDto,
  LiveConfigDto,
  LiveTokenResponseDto,
  MyHandDto,
  RaisedHandDto,
  RecordingDto,
  StageChangeDto,
} from './dto/live.responses';
import { LiveTokenService } from './live-token.service';
import { LiveKitService } from './livekit.service';
import { RecordingService } from './recording.service';
import { StageService } from './stage.service';

@ApiTags('live')
@ApiBearerAuth()
@Controller('live')
export class LiveController {
  constructor(
    private readonly livekit: LiveKitService,
    private readonly tokens: LiveTokenService,
    private readonly stage: StageService,
    private readonly recordings: RecordingService,
    private readonly attendance: AttendanceService,
  ) {}

  @Get('config')
  @ApiOperation({
    operationId: 'getLiveConfig',
    summary: 'Whether video is available, and the LiveKit URL clients connect to',
  })
  @ApiOkResponse({ type: LiveConfigDto })
  @ApiErrors(401)
  config(): LiveConfigDto {
    return { enabled: this.livekit.enabled, url: this.livekit.clientUrl };
  }

  @Post('token')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'createLiveToken',
    summary: 'A 10-minute LiveKit token for a session room (or, later, a meeting room)',
  })
  @ApiOkResponse({ type: LiveTokenResponseDto })
  @ApiErrors(400, 401, 403, 404, 413, 502, 503)
  token(@CurrentUser() user: Actor, @Body() dto: LiveTokenDto): Promise<LiveTokenResponseDto> {
    return this.tokens.token(user, dto);
  }

  @Post('sessions/:id/hands')
  @ApiOperation({
    operationId: 'raiseHand',
    summary: 'Raise my hand (201; 200 with the first hand when already raised)',
  })
  @ApiCreatedResponse({ type: RaisedHandDto, description: 'raised' })
  @ApiOkResponse({ type: RaisedHandDto, description: 'already raised: the first hand' })
  @ApiErrors(400, 401, 403, 404, 409)
  async raiseHand(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RaisedHandDto> {
    const { hand, created } = await this.stage.raiseHand(user, id);
    res.status(created ? 201 : 200);
    return hand;
  }

  @Delete('sessions/:id/hands')
  @HttpCode(204)
  @ApiOperation({ operationId: 'lowerHand', summary: 'Lower my hand' })
  @ApiNoContentResponse({ description: 'lowered (or was not raised)' })
  @ApiErrors(400, 401, 403, 404)
  async lowerHand(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<void> {
    await this.stage.lowerOwnHand(user, id);
  }

  @Delete('sessions/:id/hands/:userId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'dismissHand', summary: "Dismiss someone's raised hand (hosts)" })
  @ApiNoContentResponse({ description: 'dismissed' })
  @ApiErrors(400, 401, 403, 404)
  async dismissHand(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    await this.stage.dismissHand(user, id, userId);
  }

  @Get('sessions/:id/hands/mine')
  @ApiOperation({
    operationId: 'getMyHand',
    summary: 'My own hand: { hand } with the raised hand, or null when it is down',
  })
  @ApiOkResponse({ type: MyHandDto })
  @ApiErrors(400, 401, 403, 404)
  async myHand(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<MyHandDto> {
    return { hand: await this.stage.myHand(user, id) };
  }

  @Get('sessions/:id/hands')
  @ApiOperation({ operationId: 'listHands', summary: 'Raised hands, first raised first (hosts)' })
  @ApiOkResponse({ type: [RaisedHandDto] })
  @ApiErrors(400, 401, 403, 404)
  hands(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<RaisedHandDto[]> {
    return this.stage.hands(user, id);
  }

  @Post('sessions/:id/speakers')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'promoteSpeaker',
    summary: 'Bring an audience member on stage: they may publish at once and in every later token (hosts)',
  })
  @ApiOkResponse({ type: StageChangeDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 502, 503)
  promote(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: StageUserDto): Promise<StageChangeDto> {
    return this.stage.promote(user, id, dto.userId);
  }

  @Delete('sessions/:id/speakers/:userId')
  @ApiOperation({ operationId: 'demoteSpeaker', summary: 'Send a promoted speaker back to the audience (hosts)' })
  @ApiOkResponse({ type: StageChangeDto })
  @ApiErrors(400, 401, 403, 404, 409, 502, 503)
  demote(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('userId') userId: string,
  ): Promise<StageChangeDto> {
    return this.stage.demote(user, id, userId);
  }

  @Delete('sessions/:id/participants/:userId')
  @ApiOperation({
    operationId: 'removeParticipant',
    summary: 'Disconnect a participant and refuse them new tokens for this session (hosts)',
  })
  @ApiOkResponse({ type: StageChangeDto })
  @ApiErrors(400, 401, 403, 404, 409, 502, 503)
  remove(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('userId') userId: string,
  ): Promise<StageChangeDto> {
    return this.stage.remove(user, id, userId);
  }

  @Delete('sessions/:id/removals/:userId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'readmitParticipant', summary: 'Let a removed participant back in (hosts)' })
  @ApiNoContentResponse({ description: 'readmitted' })
  @ApiErrors(400, 401, 403, 404)
  async readmit(
    @CurrentUser() user: Actor,
    @UuidParam() id: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    await this.stage.readmit(user, id, userId);
  }

  @Post('sessions/:id/recording/start')
  @ApiOperation({ operationId: 'startRecording', summary: 'Start recording the session room to a file (hosts)' })
  @ApiCreatedResponse({ type: RecordingDto })
  @ApiErrors(400, 401, 403, 404, 409, 502, 503)
  startRecording(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<RecordingDto> {
    return this.recordings.start(user, id);
  }

  @Post('sessions/:id/recording/stop')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'stopRecording',
    summary: 'Stop the running recording (hosts); egress webhooks report its file',
  })
  @ApiOkResponse({ type: RecordingDto })
  @ApiErrors(400, 401, 403, 404, 409, 502, 503)
  stopRecording(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<RecordingDto> {
    return this.recordings.stop(user, id);
  }

  @Get('sessions/:id/recordings')
  @ApiOperation({
    operationId: 'listRecordings',
    summary: "The session's recordings, newest first (hosts, organisers, promoters)",
  })
  @ApiOkResponse({ type: [RecordingDto] })
  @ApiErrors(400, 401, 403, 404)
  listRecordings(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<RecordingDto[]> {
    return this.recordings.list(user, id);
  }

  @Get('sessions/:id/attendance')
  @ApiOperation({
    operationId: 'getAttendance',
    summary: 'Minutes watched per participant, from LiveKit webhooks (hosts, organisers, promoters)',
  })
  @ApiOkResponse({ type: [AttendanceRowDto] })
  @ApiErrors(400, 401, 403, 404)
  attendanceReport(@CurrentUser() user: Actor, @UuidParam() id: string): Promise<AttendanceRowDto[]> {
    return this.attendance.report(user, id);
  }
}
