import { ApiProperty } from '@nestjs/swagger';

/** The health check's body, also with its 503 (the one answer that is not in the error shape). */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'] })
  db: 'up' | 'down';
}
