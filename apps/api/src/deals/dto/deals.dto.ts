/** Request bodies and queries of deals and signing meetings (API.md §Deals and one-to-one signing meetings). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DEAL_STAGE_REQUESTS,
  DEAL_STAGES,
  FIELD_LIMITS,
  SIGNING_MINUTES,
  SIGNING_MODES,
  type DealStage,
  type Localized,
  type SigningMode,
} from '@ilr/shared';
import { IsCodePointLength, IsInstant, IsLocalized, LowerCaseIds } from '../../common/dto-validators';
import { localizedProperty } from '../../common/openapi';
import { PageQuery } from '../../common/pagination';
import { MoneyDto } from '../../ceremony/dto/ceremony.dto';

const L = FIELD_LIMITS;
const INSTANT = { type: String, format: 'date-time', description: 'ISO-8601 with an offset, on the quarter hour' };
export class CreateDealDto {
  @ApiProperty(localizedProperty({ maxLength: L.dealTitle.max }))
  @IsLocalized(L.dealTitle.max)
  title: Localized;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 2, maxItems: 2, description: 'the two firms' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @LowerCaseIds()
  @IsUUID('all', { each: true })
  @ArrayUnique({ message: 'must name two different firms' })
  companyIds: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the matchmaking meeting of the same two firms it came from' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  meetingId?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  investment?: MoneyDto;
}

export class DealListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "one firm's deals (members: only their own firm's)" })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  companyId?: string;

  @ApiPropertyOptional({ enum: DEAL_STAGES, enumName: 'DealStage' })
  @IsOptional()
  @IsIn(DEAL_STAGES)
  stage?: DealStage;

  @ApiPropertyOptional({ format: 'uuid', description: 'deals with a signing meeting in this event' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  eventId?: string;
}

export class ChangeStageDto {
  @ApiProperty({ enum: DEAL_STAGE_REQUESTS, description: '`signed` only by signing the agreement (409)' })
  @IsIn(DEAL_STAGE_REQUESTS)
  stage: DealStage;

  @ApiPropertyOptional({ maxLength: L.dealNote.max })
  @IsOptional()
  @IsString()
  @IsCodePointLength(0, L.dealNote.max)
  note?: string;
}

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value === undefined ? undefined : NaN;

export class SigningTimesQuery {
  @ApiProperty({ format: 'uuid' })
  @LowerCaseIds()
  @IsUUID('all')
  dealId: string;

  @ApiPropertyOptional({
    minimum: SIGNING_MINUTES.min,
    maximum: SIGNING_MINUTES.max,
    default: SIGNING_MINUTES.default,
    description: 'a multiple of 15',
  })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be 15 to 240, a multiple of 15' })
  @Min(SIGNING_MINUTES.min, { message: 'must be 15 to 240, a multiple of 15' })
  @Max(SIGNING_MINUTES.max, { message: 'must be 15 to 240, a multiple of 15' })
  minutes?: number;
}

export class SigningAgreementDto {
  @ApiProperty(localizedProperty({ maxLength: L.dealTitle.max }))
  @IsLocalized(L.dealTitle.max)
  title: Localized;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  investment: MoneyDto;
}

export class BookSigningDto {
  @ApiProperty({ format: 'uuid' })
  @LowerCaseIds()
  @IsUUID('all')
  dealId: string;

  @ApiProperty({ ...INSTANT, example: '2026-06-23T10:00:00+09:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ ...INSTANT, example: '2026-06-23T10:30:00+09:00' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ enum: SIGNING_MODES, enumName: 'SigningMode' })
  @IsIn(SIGNING_MODES)
  mode: SigningMode;

  @ApiProperty({ type: SigningAgreementDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SigningAgreementDto)
  agreement: SigningAgreementDto;
}

export class ConfirmTermsDto {
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical terms as shown', example: 'a'.repeat(64) })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hex digits' })
  termsSha256: string;
}

export class SigningListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "one firm's signing meetings (members: their own firm's)" })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  companyId?: string;
}
