/**
 * The Express side of operability, installed by createApp right after the request id: latency
 * metrics for every request, `Connection: close` on every response once the node is draining (so
 * keep-alive clients and the proxy open their next connection elsewhere), and `GET /metrics`.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/config';
import { AppLifecycle } from '../lifecycle/app-lifecycle';
import { httpMetrics, METRICS_PATH, metricsEndpoint } from './metrics.http';
import { MetricsService } from './metrics.service';

export function installOperability(app: NestExpressApplication, config: AppConfig): void {
  const metrics = app.get(MetricsService);
  const lifecycle = app.get(AppLifecycle);
  app.use(httpMetrics(metrics));
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  });
  (app.getHttpAdapter().getInstance() as Express).get(METRICS_PATH, metricsEndpoint(metrics, config.metricsToken));
}
