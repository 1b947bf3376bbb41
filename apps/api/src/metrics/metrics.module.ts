import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/** One MetricsService per app: any feature may inject it to count its jobs. */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
