/** The reference lists (sectors, countries). */
import { ApiProperty } from '@nestjs/swagger';
import { localizedProperty, LocalizedDto } from '../../common/openapi';

export class SectorDto {
  @ApiProperty({ example: 'retail' })
  code: string;

  @ApiProperty(localizedProperty({ description: 'zh, ko and en are all present' }))
  label: LocalizedDto;
}

export class CountryDto {
  @ApiProperty({ example: 'KR', description: 'ISO 3166-1 alpha-2' })
  code: string;

  @ApiProperty(localizedProperty())
  label: LocalizedDto;
}

export class TagDto {
  @ApiProperty({ example: 'distribution' })
  code: string;

  @ApiProperty(localizedProperty({ description: 'zh, ko and en are all present' }))
  label: LocalizedDto;
}
