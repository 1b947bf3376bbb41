import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { FIELD_LIMITS, TAG_CODES, type Localized } from '@ilr/shared';
import { IsLocalized, IsTagList, Clearable } from '../../common/dto-validators';
import { localizedProperty } from '../../common/openapi';
import { PageQuery } from '../../common/pagination';
import { IsCountryCode, IsSectorCode } from '../../reference/reference.validators';

/** Offers and needs. */
const TAGS = {
  type: String,
  isArray: true,
  maxItems: FIELD_LIMITS.tags.maxItems,
  description: `each a non-blank text of at most ${FIELD_LIMITS.tags.maxLength} characters`,
};

/** Offer and need tag codes (the trilingual taxonomy). */
const TAG_CODES_PROPERTY = {
  type: String,
  isArray: true,
  enum: TAG_CODES,
  maxItems: FIELD_LIMITS.offerTags.maxItems,
  example: ['distribution'],
};

export class CreateCompanyDto {
  @ApiProperty({
    ...localizedProperty({ maxLength: FIELD_LIMITS.companyName.max }),
    example: { zh: '韩源商贸', ko: '한원상사', en: 'Hanyuan Trading' },
  })
  @IsLocalized(FIELD_LIMITS.companyName.max)
  name: Localized;

  @ApiProperty({ example: 'KR', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country: string;

  @ApiProperty({ example: 'retail', description: 'a code from GET /api/sectors' })
  @IsSectorCode()
  sector: string;

  @ApiProperty({ ...TAGS, example: ['bonded warehousing', 'Korean consumer brands'] })
  @IsTagList(FIELD_LIMITS.tags.maxItems, FIELD_LIMITS.tags.maxLength)
  offers: string[];

  @ApiProperty({ ...TAGS, example: ['distribution partners in Shandong'] })
  @IsTagList(FIELD_LIMITS.tags.maxItems, FIELD_LIMITS.tags.maxLength)
  needs: string[];

  @ApiPropertyOptional({ ...TAG_CODES_PROPERTY, description: 'what the firm offers, as codes of GET /api/tags' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FIELD_LIMITS.offerTags.maxItems)
  @IsIn(TAG_CODES, { each: true })
  @ArrayUnique()
  offerTags?: string[];

  @ApiPropertyOptional({ ...TAG_CODES_PROPERTY, description: 'what the firm needs, as codes of GET /api/tags' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FIELD_LIMITS.offerTags.maxItems)
  @IsIn(TAG_CODES, { each: true })
  @ArrayUnique()
  needTags?: string[];

  @ApiPropertyOptional(
    localizedProperty({
      maxLength: FIELD_LIMITS.companyDescription.max,
      nullable: true,
      description: 'null clears it',
    }),
  )
  @Clearable()
  @IsLocalized(FIELD_LIMITS.companyDescription.max)
  description?: Localized | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uri',
    nullable: true,
    maxLength: FIELD_LIMITS.website.max,
    example: 'https://hanyuan.example',
    description: 'null clears it',
  })
  @Clearable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(FIELD_LIMITS.website.max)
  website?: string | null;
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

  @ApiPropertyOptional({
    description: 'text in any language: names, offers, needs',
    maxLength: FIELD_LIMITS.search.max,
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search.max)
  q?: string;
}
