/** Request bodies and queries of projects, exchange rates, agreements and the ceremony (API.md). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateBy,
  ValidateNested,
  buildMessage,
  type ValidationOptions,
} from 'class-validator';
import { amountProblem, CEREMONY_LIMITS, CURRENCY_CODES, FIELD_LIMITS, rateProblem, type Localized } from '@ilr/shared';
import { IsCodePointLength, IsLocalized, LowerCaseIds } from '../../common/dto-validators';
import { localizedProperty } from '../../common/openapi';
import { PageQuery } from '../../common/pagination';
import { IsSectorCode } from '../../reference/reference.validators';
import { PROJECT_STATUSES, SIGNING_MODES, type ProjectStatus, type SigningMode } from '../ceremony.entities';

const L = { ...FIELD_LIMITS, ...CEREMONY_LIMITS };

/** An amount that suits the object's currency (an unknown currency is the currency's own error). */
const IsAmount = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isAmount',
      validator: {
        validate: (value, args) => {
          const problem = amountProblem(value, (args?.object as { currency?: unknown }).currency);
          return problem === null || problem === 'currency';
        },
        defaultMessage: buildMessage(
          () =>
            "must be a positive decimal string in the currency's minor unit (KRW and JPY no decimals, USD and CNY at most 2)",
          options,
        ),
      },
    },
    options,
  );

const IsRate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isRate',
      validator: {
        validate: (value) => rateProblem(value) === null,
        defaultMessage: buildMessage(() => 'must be a positive decimal string with at most 10 decimals', options),
      },
    },
    options,
  );

export class MoneyDto {
  @ApiProperty({ example: '270000000.00', description: 'a decimal string; KRW no decimals, USD and CNY at most 2' })
  @IsString()
  @IsAmount()
  amount: string;

  @ApiProperty({ enum: CURRENCY_CODES, example: 'USD' })
  @IsIn(CURRENCY_CODES)
  currency: string;
}

export class CreateProjectDto {
  @ApiProperty(localizedProperty({ maxLength: L.projectTitle.max }))
  @IsLocalized(L.projectTitle.max)
  title: Localized;

  @ApiProperty({ example: 'retail' })
  @IsSectorCode()
  sector: string;

  @ApiPropertyOptional({ maxLength: L.projectLocation.max, example: 'Chengyang District, Qingdao' })
  @IsOptional()
  @IsString()
  @IsCodePointLength(1, L.projectLocation.max)
  location?: string;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  investment: MoneyDto;

  @ApiPropertyOptional(localizedProperty({ maxLength: L.projectDescription.max }))
  @IsOptional()
  @IsLocalized(L.projectDescription.max)
  description?: Localized;
}

export class UpdateProjectDto {
  @ApiPropertyOptional(localizedProperty({ maxLength: L.projectTitle.max }))
  @IsOptional()
  @IsLocalized(L.projectTitle.max)
  title?: Localized;

  @ApiPropertyOptional({ example: 'retail' })
  @IsOptional()
  @IsSectorCode()
  sector?: string;

  @ApiPropertyOptional({ maxLength: L.projectLocation.max })
  @IsOptional()
  @IsString()
  @IsCodePointLength(1, L.projectLocation.max)
  location?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  investment?: MoneyDto;

  @ApiPropertyOptional(localizedProperty({ maxLength: L.projectDescription.max }))
  @IsOptional()
  @IsLocalized(L.projectDescription.max)
  description?: Localized;

  @ApiPropertyOptional({
    enum: PROJECT_STATUSES,
    description: 'open ↔ negotiating; landed after signed; signed only by signing an agreement of the project',
  })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}

export class ProjectListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'retail' })
  @IsOptional()
  @IsSectorCode()
  sector?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}

export class ProjectTotalsQuery {
  @ApiPropertyOptional({ example: 'retail' })
  @IsOptional()
  @IsSectorCode()
  sector?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}

export class RateInputDto {
  @ApiProperty({ enum: CURRENCY_CODES, example: 'CNY' })
  @IsIn(CURRENCY_CODES)
  currency: string;

  @ApiProperty({
    example: '0.14',
    description: 'US dollars per unit; a positive decimal string, ≤ 10 decimals, kept exactly',
  })
  @IsString()
  @IsRate()
  usdPerUnit: string;

  @ApiProperty({ example: '2026-06-01', description: 'YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a date YYYY-MM-DD' })
  asOf: string;
}

export class PutRatesDto {
  @ApiProperty({ type: [RateInputDto], maxItems: L.ratesPerCall.maxItems })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.ratesPerCall.maxItems)
  @ValidateNested({ each: true })
  @Type(() => RateInputDto)
  rates: RateInputDto[];
}

export class CreateAgreementDto {
  @ApiProperty(localizedProperty({ maxLength: L.agreementTitle.max }))
  @IsLocalized(L.agreementTitle.max)
  title: Localized;

  @ApiPropertyOptional({ format: 'uuid', description: 'a project of the catalogue' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  projectId?: string;

  @ApiPropertyOptional({ example: 'retail', description: 'required when there is no project' })
  @IsOptional()
  @IsSectorCode()
  sector?: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 2, maxItems: L.agreementParties.maxItems })
  @IsArray()
  @ArrayMinSize(2, { message: 'must name at least two companies' })
  @ArrayMaxSize(L.agreementParties.maxItems)
  @LowerCaseIds()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  partyCompanyIds: string[];

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  investment: MoneyDto;

  @ApiProperty({ enum: SIGNING_MODES })
  @IsIn(SIGNING_MODES)
  mode: SigningMode;
}

export class OrderAgreementsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'every agreement of the event, in the new order' })
  @IsArray()
  @ArrayMaxSize(L.agreementsPerEvent.maxItems)
  @LowerCaseIds()
  @IsUUID('all', { each: true })
  agreementIds: string[];
}

export class CueDto {
  @ApiProperty({ format: 'uuid' })
  @LowerCaseIds()
  @IsUUID('all')
  agreementId: string;
}

export class UnsignDto {
  @ApiProperty({ maxLength: L.unsignReason.max, description: 'kept in the audit trail of the parties' })
  @IsString()
  @IsCodePointLength(1, L.unsignReason.max)
  @Matches(/\S/, { message: 'must not be blank' })
  reason: string;
}

export class ReportQuery {
  @ApiPropertyOptional({ enum: ['zh', 'ko', 'en'], description: 'language of the titles and names (default en)' })
  @IsOptional()
  @IsIn(['zh', 'ko', 'en'])
  lang?: 'zh' | 'ko' | 'en';
}
