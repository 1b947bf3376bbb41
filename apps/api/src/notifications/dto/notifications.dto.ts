import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'omit to mark every notification read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export class UnreadCountDto {
  @ApiProperty({ minimum: 0 })
  unread: number;
}
