import type { INestApplication } from '@nestjs/common';
import { AppLifecycle } from '../lifecycle/app-lifecycle';
import { RealtimeIoAdapter } from './realtime-io.adapter';
import { RealtimeRedis } from './realtime-redis';

/**
 * Installs the socket.io adapter (with Redis when REDIS_URL is set) before the app listens; the
 * gateways of /live and /public attach to it when the app initialises.
 */
export function configureRealtime(app: INestApplication): void {
  const lifecycle = app.get(AppLifecycle);
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, app.get(RealtimeRedis), (server) => lifecycle.attachIo(server)));
}
