import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../accounts/auth.decorators';
import { DatabaseService } from '../database/database.service';
import { HealthDto } from './dto/health.responses';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DatabaseService) {}

  @Public()
  @Get()
  @ApiOperation({ operationId: 'getHealth', summary: 'Liveness and database check' })
  @ApiOkResponse({ type: HealthDto, description: 'the database is up' })
  @ApiServiceUnavailableResponse({
    type: HealthDto,
    description: 'the database is down (this body, not the error shape)',
  })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const up = await this.db.ping();
    if (!up) res.status(503);
    return up ? { status: 'ok', db: 'up' } : { status: 'error', db: 'down' };
  }
}
