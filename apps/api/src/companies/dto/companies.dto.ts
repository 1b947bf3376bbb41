import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import type { Localized } from '@ilr/shared';
import { IsLocalized, IsTagList } from '../../common/dto-validators';
import { PageQuery } from '../../common/pagination';
import { IsCountryCode, IsSectorCode } from '../../reference/reference.validators';

const LOCALIZED_SCHEMA = {
  type: 'object',
  properties: { zh: { type: 'string' }, ko: { type: 'string' }, en: { type: 'string' } },
  additionalProperties: false,
  minProperties: 1,
} as const;

export class CreateCompanyDto {
  @ApiProperty({ ...LOCALIZED_SCHEMA, example: { zh: '韩源商贸', ko: '한원상사', en: 'Hanyuan Trading' } })
  @IsLocalized(200)
  name: Localized;

  @ApiProperty({ example: 'KR', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country: string;

  @ApiProperty({ example: 'retail', description: 'a code from GET /api/sectors' })
  @IsSectorCode()
  sector: string;

  @ApiProperty({ type: [String], example: ['bonded warehousing', 'Korean consumer brands'] })
  @IsTagList(30, 100)
  offers: string[];

  @ApiProperty({ type: [String], example: ['distribution partners in Shandong'] })
  @IsTagList(30, 100)
  needs: string[];

  @ApiPropertyOptional(LOCALIZED_SCHEMA)
  @IsOptional()
  @IsLocalized(5000)
  description?: Localized;

  @ApiPropertyOptional({ example: 'https://hanyuan.example' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(2048)
  website?: string;
}

export class UpdateCompanyDto extends PartialType(CreateCompanyDto) {}

export class CompanyListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'KR' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ example: 'retail' })
  @IsOptional()
  @IsSectorCode()
  sector?: string;

  @ApiPropertyOptional({ description: 'text in any language: names, offers, needs' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
