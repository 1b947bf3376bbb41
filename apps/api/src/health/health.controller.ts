import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../accounts/auth.decorators';
import { DatabaseService } from '../database/database.service';
import { AppLifecycle } from '../lifecycle/app-lifecycle';
import { HealthDto, LivenessDto, ReadinessDto } from './dto/health.responses';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DatabaseService,
    private readonly lifecycle: AppLifecycle,
  ) {}

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

  @Public()
  @Get('live')
  @ApiOperation({
    operationId: 'getLiveness',
    summary: 'Liveness: the process answers (no database check); restart the node when it does not',
  })
  @ApiOkResponse({ type: LivenessDto, description: 'the process is up' })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: the database answers and the node is not shutting down; route traffic here only on 200',
  })
  @ApiOkResponse({ type: ReadinessDto, description: 'ready for traffic' })
  @ApiServiceUnavailableResponse({
    type: ReadinessDto,
    description: 'the database is down or the node is draining (this body, not the error shape)',
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessDto> {
    const draining = this.lifecycle.draining;
    const up = await this.db.ping();
    const ready = up && !draining;
    if (!ready) res.status(503);
    return { status: ready ? 'ready' : 'unavailable', db: up ? 'up' : 'down', draining };
  }
}
