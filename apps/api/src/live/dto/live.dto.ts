import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { LowerCaseIds } from '../../common/dto-validators';

/** Fails when `other` is present too: for pairs of fields where exactly one may be given. */
function IsAbsentWith(other: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAbsentWith',
      constraints: [other],
      validator: {
        validate: (_value, args) => (args?.object as Record<string, unknown>)[other] === undefined,
        defaultMessage: () => `give either ${other} or this, not both`,
      },
    },
    options,
  );
}

export class LiveTokenDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an agenda session (exactly one of sessionId and meetingId)' })
  @ValidateIf(
    (o: LiveTokenDto) =>
      o.sessionId !== undefined ||
      (o.meetingId === undefined && o.signingMeetingId === undefined && o.ceremonyEventId === undefined),
  )
  @LowerCaseIds()
  @IsUUID('all', {
    message: 'must be a session id (give sessionId, meetingId, signingMeetingId or ceremonyEventId)',
  })
  sessionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a matchmaking meeting at a virtual table' })
  @ValidateIf((o: LiveTokenDto) => o.meetingId !== undefined)
  @LowerCaseIds()
  @IsUUID('all', { message: 'must be a meeting id' })
  @IsAbsentWith('sessionId')
  meetingId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "a cloud signing meeting (deals): its firms' members and its witness",
  })
  @ValidateIf((o: LiveTokenDto) => o.signingMeetingId !== undefined)
  @LowerCaseIds()
  @IsUUID('all', { message: 'must be a signing meeting id' })
  @IsAbsentWith('sessionId')
  @IsAbsentWith('meetingId')
  signingMeetingId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'the signing ceremony of this event: organisers and the firms of its cloud agreements publish; anyone signed in watches once it is published',
  })
  @ValidateIf((o: LiveTokenDto) => o.ceremonyEventId !== undefined)
  @LowerCaseIds()
  @IsUUID('all', { message: 'must be an event id' })
  @IsAbsentWith('sessionId')
  @IsAbsentWith('meetingId')
  @IsAbsentWith('signingMeetingId')
  ceremonyEventId?: string;
}

export class StageUserDto {
  @ApiProperty({ format: 'uuid', description: 'the user to bring on stage' })
  @LowerCaseIds()
  @IsUUID('all', { message: 'must be a user id' })
  userId: string;
}
