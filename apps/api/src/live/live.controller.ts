import { Body, Controller, Delete, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AttendanceRow, LiveConfig, LiveToken, RaisedHand, Recording, StageChange } from '@ilr/shared';
import { CurrentUser, Public } from '../accounts/auth.decorators';
import type { UserEntity } from '../accounts/user.entity';
import { UuidParam } from '../common/validation';
import { AttendanceService } from './attendance.service';
import { LiveTokenDto, StageUserDto } from './dto/live.dto';
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

  @Public()
  @Get('config')
  @ApiOperation({ summary: 'Whether video is available, and the LiveKit URL clients connect to' })
  config(): LiveConfig {
    return { enabled: this.livekit.enabled, url: this.livekit.clientUrl };
  }

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A 10-minute LiveKit token for a session room (or, later, a meeting room)' })
  token(@CurrentUser() user: UserEntity, @Body() dto: LiveTokenDto): Promise<LiveToken> {
    return this.tokens.token(user, dto);
  }

  @Post('sessions/:id/hands')
  @ApiOperation({ summary: 'Raise my hand (201; 200 with the first hand when already raised)' })
  async raiseHand(
    @CurrentUser() user: UserEntity,
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RaisedHand> {
    const { hand, created } = await this.stage.raiseHand(user, id);
    res.status(created ? 201 : 200);
    return hand;
  }

  @Delete('sessions/:id/hands')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lower my hand' })
  async lowerHand(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<void> {
    await this.stage.lowerOwnHand(user, id);
  }

  @Delete('sessions/:id/hands/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: "Dismiss someone's raised hand (hosts)" })
  async dismissHand(
    @CurrentUser() user: UserEntity,
    @UuidParam() id: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    await this.stage.dismissHand(user, id, userId);
  }

  @Get('sessions/:id/hands/mine')
  @ApiOperation({ summary: 'My own hand: { hand } with the raised hand, or null when it is down' })
  async myHand(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<{ hand: RaisedHand | null }> {
    return { hand: await this.stage.myHand(user, id) };
  }

  @Get('sessions/:id/hands')
  @ApiOperation({ summary: 'Raised hands, first raised first (hosts)' })
  hands(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<RaisedHand[]> {
    return this.stage.hands(user, id);
  }

  @Post('sessions/:id/speakers')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bring an audience member on stage: they may publish at once and in every later token (hosts)',
  })
  promote(@CurrentUser() user: UserEntity, @UuidParam() id: string, @Body() dto: StageUserDto): Promise<StageChange> {
    return this.stage.promote(user, id, dto.userId);
  }

  @Delete('sessions/:id/speakers/:userId')
  @ApiOperation({ summary: 'Send a promoted speaker back to the audience (hosts)' })
  demote(
    @CurrentUser() user: UserEntity,
    @UuidParam() id: string,
    @UuidParam('userId') userId: string,
  ): Promise<StageChange> {
    return this.stage.demote(user, id, userId);
  }

  @Delete('sessions/:id/participants/:userId')
  @ApiOperation({ summary: 'Disconnect a participant and refuse them new tokens for this session (hosts)' })
  remove(
    @CurrentUser() user: UserEntity,
    @UuidParam() id: string,
    @UuidParam('userId') userId: string,
  ): Promise<StageChange> {
    return this.stage.remove(user, id, userId);
  }

  @Delete('sessions/:id/removals/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Let a removed participant back in (hosts)' })
  async readmit(
    @CurrentUser() user: UserEntity,
    @UuidParam() id: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    await this.stage.readmit(user, id, userId);
  }

  @Post('sessions/:id/recording/start')
  @ApiOperation({ summary: 'Start recording the session room to a file (hosts)' })
  startRecording(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<Recording> {
    return this.recordings.start(user, id);
  }

  @Post('sessions/:id/recording/stop')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop the running recording (hosts); egress webhooks report its file' })
  stopRecording(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<Recording> {
    return this.recordings.stop(user, id);
  }

  @Get('sessions/:id/recordings')
  @ApiOperation({ summary: "The session's recordings, newest first (hosts, organisers, promoters)" })
  listRecordings(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<Recording[]> {
    return this.recordings.list(user, id);
  }

  @Get('sessions/:id/attendance')
  @ApiOperation({ summary: 'Minutes watched per participant, from LiveKit webhooks (hosts, organisers, promoters)' })
  attendanceReport(@CurrentUser() user: UserEntity, @UuidParam() id: string): Promise<AttendanceRow[]> {
    return this.attendance.report(user, id);
  }
}
