/** What the companies operations answer with (the response half of the contract). */
import { ApiProperty } from '@nestjs/swagger';
import { localizedProperty, LocalizedDto, PageOf } from '../../common/openapi';

export class CompanyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(localizedProperty())
  name: LocalizedDto;

  @ApiProperty({ example: 'KR', description: 'ISO 3166-1 alpha-2' })
  country: string;

  @ApiProperty({ example: 'retail', description: 'a code from GET /api/sectors' })
  sector: string;

  @ApiProperty({ type: [String] })
  offers: string[];

  @ApiProperty({ type: [String] })
  needs: string[];

  @ApiProperty({ type: [String], description: 'offer tag codes (GET /api/tags)' })
  offerTags: string[];

  @ApiProperty({ type: [String], description: 'need tag codes (GET /api/tags)' })
  needTags: string[];

  @ApiProperty(localizedProperty({ nullable: true }))
  description: LocalizedDto | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://hanyuan.example' })
  website: string | null;

  @ApiProperty({ minimum: 0 })
  memberCount: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PageOfCompaniesDto extends PageOf(CompanyDto) {}

export class CompanyImportResultDto {
  @ApiProperty({ minimum: 0 })
  imported: number;

  @ApiProperty({ type: () => [CompanyDto] })
  items: CompanyDto[];
}
