import { readFromDotEnv } from './config/load-dotenv';
import './threadpool';
import 'reflect-metadata';
import { createApp } from './app.factory';
import { Logger } from 'nestjs-pino';
import { ConfigError, describeFilesStorage, loadConfig } from './config/config';
import { installGracefulShutdown } from './lifecycle/graceful-shutdown';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const app = await createApp(config);
  installGracefulShutdown(app, config);
  await app.listen(config.port, config.host);
  // Through the JSON logger, so these lines name the node too.
  const log = (message: string) => app.get(Logger).log(message, 'Startup');
  const where = `http://localhost:${config.port}`;
  if (readFromDotEnv.length) log(`From .env: ${readFromDotEnv.join(', ')} (the environment wins over the file).`);
  log(`International Living Room is running at ${where} (API ${where}/api, docs ${where}/api/docs)`);
  if (!config.livekit)
    log('Video is off: LiveKit is not configured (set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET).');
  if (!config.mail) log('Mail is off: notifications stay in the app (set SMTP_URL to send them by mail too).');
  log(`Uploads are stored ${describeFilesStorage(config.files)}.`);
  if (!config.redisUrl) log('Redis is off: one API node (set REDIS_URL to run several).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
