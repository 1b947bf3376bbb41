import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { RealtimeIoAdapter } from './realtime-io.adapter';
import { RealtimeRedis } from './realtime-redis';

/**
 * Installs the socket.io adapter (with Redis when REDIS_URL is set) before the app listens; the
 * gateways of /live and /public attach to it when the app initialises.
 */
export async function configureRealtime(app: INestApplication, _config: AppConfig): Promise<void> {
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, app.get(RealtimeRedis)));
}
