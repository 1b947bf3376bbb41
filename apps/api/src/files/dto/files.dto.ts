import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const FILE_SIZES = ['thumb'] as const;

export class FileQuery {
  @ApiPropertyOptional({
    enum: FILE_SIZES,
    description: "`thumb`: the image's WebP thumbnail (at most 400 px wide); PDFs have none (404)",
  })
  @IsOptional()
  @IsIn(FILE_SIZES)
  size?: (typeof FILE_SIZES)[number];
}
