import { ApiProperty } from '@nestjs/swagger';

/** The health check's body, also with its 503 (the one answer that is not in the error shape). */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'] })
  db: 'up' | 'down';
}

/** Liveness: the process answers (no database involved). */
export class LivenessDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

/** Readiness, also with its 503: the database answers and the node is not draining. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ready', 'unavailable'] })
  status: 'ready' | 'unavailable';

  @ApiProperty({ enum: ['up', 'down'] })
  db: 'up' | 'down';

  @ApiProperty({ description: 'true from SIGTERM on: the node is shutting down and takes no new work' })
  draining: boolean;
}
