/** Request bodies and queries of the exhibition (API.md §Exhibition). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { FIELD_LIMITS, type Localized } from '@ilr/shared';
import { Clearable, IsCodePointLength, IsLocalized, LowerCaseIds } from '../../common/dto-validators';
import { localizedProperty } from '../../common/openapi';
import { PageQuery } from '../../common/pagination';
import { IsCountryCode, IsSectorCode } from '../../reference/reference.validators';

const L = FIELD_LIMITS;

export class ProductInputDto {
  @ApiProperty(localizedProperty({ maxLength: L.productName.max }))
  @IsLocalized(L.productName.max)
  name: Localized;

  @ApiPropertyOptional(localizedProperty({ maxLength: L.productDescription.max }))
  @IsOptional()
  @IsLocalized(L.productDescription.max)
  description?: Localized;

  @ApiPropertyOptional({ format: 'uuid', description: 'an uploaded image (POST /api/files)' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  imageId?: string;
}

export class PutBoothDto {
  @ApiProperty({
    ...localizedProperty({ maxLength: L.boothHeadline.max }),
    example: { ko: '한국 화장품, 청양에서 만나요', zh: '韩国化妆品,城阳见', en: 'Korean skincare, now in Chengyang' },
  })
  @IsLocalized(L.boothHeadline.max)
  headline: Localized;

  @ApiPropertyOptional(localizedProperty({ maxLength: L.boothDescription.max }))
  @IsOptional()
  @IsLocalized(L.boothDescription.max)
  description?: Localized;

  @ApiProperty({ type: [ProductInputDto], maxItems: L.products.maxItems, description: 'in display order' })
  @IsArray()
  @ArrayMaxSize(L.products.maxItems)
  @ValidateNested({ each: true })
  @Type(() => ProductInputDto)
  products: ProductInputDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: L.brochures.maxItems, description: 'uploaded PDFs' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.brochures.maxItems)
  @LowerCaseIds()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  brochureIds?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'an uploaded image shown on the booth card (default: the first product image)',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('all')
  logoId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uri',
    nullable: true,
    maxLength: L.videoUrl.max,
    description: 'https only',
  })
  @Clearable()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'must be an https URL' })
  @MaxLength(L.videoUrl.max)
  videoUrl?: string | null;
}

export class BoothListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'KR' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ example: 'cosmetics' })
  @IsOptional()
  @IsSectorCode()
  sector?: string;

  @ApiPropertyOptional({ maxLength: L.search.max, description: 'text in any language: headline, products, firm' })
  @IsOptional()
  @IsString()
  @IsCodePointLength(1, L.search.max)
  q?: string;
}

export class ScanLeadDto {
  @ApiProperty({ maxLength: L.badgeCode.max, description: "the visitor's event badge (QR or typed)" })
  @IsString()
  @IsCodePointLength(1, L.badgeCode.max)
  badgeCode: string;
}
