/** What the live video operations answer with (the response half of the contract). */
import { ApiProperty } from '@nestjs/swagger';
import { RECORDING_STATUSES, type RecordingStatus } from '@ilr/shared';

export class LiveConfigDto {
  @ApiProperty({ description: 'whether LiveKit is configured on this server' })
  enabled: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the LiveKit URL clients connect to; null when video is off',
  })
  url: string | null;
}

export class LiveTokenResponseDto {
  @ApiProperty({ example: 'wss://live.example' })
  url: string;

  @ApiProperty({ description: 'a LiveKit access token, valid for at most 10 minutes' })
  token: string;

  @ApiProperty()
  identity: string;

  @ApiProperty()
  room: string;

  @ApiProperty()
  canPublish: boolean;
}

export class RaisedHandDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  companyId: string | null;

  @ApiProperty({ format: 'date-time' })
  raisedAt: string;
}

export class MyHandDto {
  @ApiProperty({ type: () => RaisedHandDto, nullable: true, description: 'null when my hand is down' })
  hand: RaisedHandDto | null;
}

export class StageChangeDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  canPublish: boolean;

  @ApiProperty({ description: 'false when the user was not connected to the room at the time' })
  live: boolean;
}

export class RecordingFileDto {
  @ApiProperty()
  filename: string;

  @ApiProperty({ type: String, nullable: true })
  location: string | null;

  @ApiProperty({ type: Number, nullable: true })
  sizeBytes: number | null;

  @ApiProperty({ type: Number, nullable: true })
  durationSeconds: number | null;
}

export class RecordingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  sessionId: string;

  @ApiProperty({ type: String, nullable: true })
  egressId: string | null;

  @ApiProperty({ enum: RECORDING_STATUSES, enumName: 'RecordingStatus' })
  status: RecordingStatus;

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt: string | null;

  @ApiProperty({ type: () => RecordingFileDto, nullable: true, description: 'known once LiveKit reports the end' })
  file: RecordingFileDto | null;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;
}

export class AttendanceRowDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ description: 'the union of connected intervals, to one decimal' })
  minutes: number;

  @ApiProperty({ minimum: 0 })
  joins: number;
}

export class WebhookResultDto {
  @ApiProperty({ type: Boolean, enum: [true] })
  received: true;

  @ApiProperty({ description: 'true when this event id had been applied before (nothing changed)' })
  duplicate: boolean;
}
