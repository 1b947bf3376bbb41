import './threadpool';
import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, describeFilesStorage, loadConfig } from './config/config';

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
  await app.listen(config.port, config.host);
  const where = `http://localhost:${config.port}`;
  console.log(`International Living Room is running at ${where} (API ${where}/api, docs ${where}/api/docs)`);
  if (!config.livekit)
    console.log('Video is off: LiveKit is not configured (set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET).');
  if (!config.mail) console.log('Mail is off: notifications stay in the app (set SMTP_URL to send them by mail too).');
  console.log(`Uploads are stored ${describeFilesStorage(config.files)}.`);
  if (!config.redisUrl) console.log('Redis is off: one API node (set REDIS_URL to run several).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
