/**
 * SIGTERM (and SIGINT) on a node behind the proxy, in this order:
 * 1. readiness answers 503 (`GET /api/health/ready`) and every response says `Connection: close`,
 *    for SHUTDOWN_DRAIN_DELAY_MS (proxies that poll readiness stop routing here; requests still
 *    arriving are served);
 * 2. the listener closes: new connections are refused (nginx passes them to the other node);
 * 3. sockets get `server:draining` and their connections are closed, so socket.io clients
 *    reconnect by themselves, through the proxy, to another node;
 * 4. in-flight HTTP requests finish, for at most SHUTDOWN_GRACE_MS (then the rest are cut);
 * 5. the app closes (timers, Redis, the database) and the process exits 0.
 */
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/config';
import { AppLifecycle } from './app-lifecycle';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function drainAndClose(app: NestExpressApplication, config: AppConfig): Promise<void> {
  const logger = new Logger('Shutdown');
  const lifecycle = app.get(AppLifecycle);
  lifecycle.startDraining();
  logger.log(`draining: readiness answers 503 for ${config.shutdown.drainDelayMs} ms before the listener closes`);
  if (config.shutdown.drainDelayMs > 0) await sleep(config.shutdown.drainDelayMs);

  const server = app.getHttpServer() as Server;
  const allClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sockets = await lifecycle.disconnectSockets();
  logger.log(`listener closed; ${sockets} sockets told to reconnect elsewhere; waiting for in-flight requests`);

  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    allClosed.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), config.shutdown.graceMs))),
  ]);
  clearTimeout(timer);
  if (!finished) {
    logger.warn(`SHUTDOWN_GRACE_MS (${config.shutdown.graceMs} ms) is over: closing the remaining connections`);
    server.closeAllConnections();
  }
  await app.close();
  logger.log('closed');
}

/** main.ts: drain on the first SIGTERM/SIGINT, exit at once on a second one. */
export function installGracefulShutdown(app: NestExpressApplication, config: AppConfig): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) {
      process.exit(1);
    }
    started = true;
    new Logger('Shutdown').log(`${signal} received`);
    drainAndClose(app, config).then(
      () => process.exit(0),
      (error: unknown) => {
        new Logger('Shutdown').error(error instanceof Error ? error.stack : String(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
