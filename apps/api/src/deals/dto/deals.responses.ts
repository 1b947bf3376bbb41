/** What the deals operations answer with (the response half of API.md §Deals and one-to-one signing meetings). */
import { ApiProperty } from '@nestjs/swagger';
import {
  DEAL_STAGES,
  SIGNING_MODES,
  SIGNING_STATUSES,
  type DealStage,
  type SigningMode,
  type SigningStatus,
} from '@ilr/shared';
import { localizedProperty, LocalizedDto, PageOf } from '../../common/openapi';
import { MoneyViewDto } from '../../ceremony/dto/ceremony.responses';

export class DealCompanyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(localizedProperty())
  name: LocalizedDto;
}

export class DealDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(localizedProperty())
  title: LocalizedDto;

  @ApiProperty({ enum: DEAL_STAGES, enumName: 'DealStage' })
  stage: DealStage;

  @ApiProperty({ type: [String], format: 'uuid' })
  companyIds: string[];

  @ApiProperty({ type: [DealCompanyDto], description: 'the two firms, in the order of companyIds' })
  companies: DealCompanyDto[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  projectId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  meetingId: string | null;

  @ApiProperty({ type: MoneyViewDto, nullable: true })
  investment: MoneyViewDto | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the promoter following it (the witness)' })
  ownerUserId: string | null;

  @ApiProperty({ type: String, nullable: true, description: "the owner's display name" })
  ownerDisplayName: string | null;

  @ApiProperty({ format: 'uuid' })
  createdById: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'the last change of stage or owner' })
  lastChangedAt: string;
}

export class PageOfDealsDto extends PageOf(DealDto) {}

export class DealHistoryEntryDto {
  @ApiProperty({ enum: DEAL_STAGES, enumName: 'DealStage' })
  stage: DealStage;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ format: 'uuid' })
  byUserId: string;

  @ApiProperty({ description: 'the display name of the user who made the change' })
  byDisplayName: string;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

export class SigningTimeDto {
  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;
}

export class SigningMeetingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  dealId: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ enum: SIGNING_MODES, enumName: 'SigningMode' })
  mode: SigningMode;

  @ApiProperty({ enum: SIGNING_STATUSES, enumName: 'SigningStatus' })
  status: SigningStatus;

  @ApiProperty({ format: 'uuid' })
  agreementId: string;
}

export class SigningTermsDto {
  @ApiProperty(localizedProperty())
  title: LocalizedDto;

  @ApiProperty({ type: MoneyViewDto })
  investment: MoneyViewDto;
}

export class SigningWitnessDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;
}

export class SigningConfirmationDto {
  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ description: 'the display name of the member who confirmed' })
  userDisplayName: string;

  @ApiProperty({ description: 'the hash of the terms confirmed' })
  termsSha256: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class SigningMeetingDetailDto extends SigningMeetingDto {
  @ApiProperty({ type: SigningTermsDto, description: "the agreement's terms, in the three languages" })
  terms: SigningTermsDto;

  @ApiProperty({ type: [DealCompanyDto] })
  parties: DealCompanyDto[];

  @ApiProperty({ type: SigningWitnessDto })
  witness: SigningWitnessDto;

  @ApiProperty({ type: [SigningConfirmationDto] })
  confirmations: SigningConfirmationDto[];

  @ApiProperty({ description: 'SHA-256 (hex) of canonicalSigningTerms(terms) (libs/shared/src/deals.ts)' })
  termsSha256: string;
}
