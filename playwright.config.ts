/**
 * Browser tests against the real built app: the API process serves the built web app on one
 * port, on a fresh SQLite file per run. Build first (`npm run build`), then `npm run test:e2e`.
 * The demo's tests (e2e/demo.spec.ts, project `demo`) run against a second server on a fresh file
 * of its own with the demo data loaded, as `npm start` shows it; every other test keeps an empty
 * database to itself. The LiveKit test (e2e/livekit-csp.spec.ts, project `livekit`) runs against a
 * third server, the only one with LiveKit configured: its LIVEKIT_URL is the stand-in the test
 * starts (e2e/livekit-stand-in.ts), so that the others keep showing "Video is off".
 */
import { existsSync, mkdirSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { LIVEKIT_APP_PORT, STAND_IN_KEYS, STAND_IN_PORT } from './e2e/livekit-stand-in';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? PORT + 1000);
const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}`;
const LIVEKIT_APP_URL = `http://127.0.0.1:${LIVEKIT_APP_PORT}`;
const RUN = Date.now();

if (!existsSync('dist/apps/api/main.js') || !existsSync('apps/web/dist/index.html')) {
  throw new Error('The e2e tests run the built app: run `npm run build` first.');
}
mkdirSync('data', { recursive: true });

const CHROMIUM = {
  browserName: 'chromium' as const,
  viewport: { width: 1280, height: 900 },
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PW_JSON ?? 'test-results/e2e.json' }]],
  use: {
    baseURL: BASE_URL,
    locale: 'en-US',
    timezoneId: 'Asia/Seoul',
    // The app turns antd's animations off for "reduce motion": no test waits on a transition.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: /(demo|livekit-csp)\.spec\.ts$/, use: CHROMIUM },
    { name: 'demo', testMatch: /demo\.spec\.ts$/, use: { ...CHROMIUM, baseURL: DEMO_URL } },
    { name: 'livekit', testMatch: /livekit-csp\.spec\.ts$/, use: { ...CHROMIUM, baseURL: LIVEKIT_APP_URL } },
  ],
  webServer: [
    {
      command: 'node dist/apps/api/main.js',
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(PORT),
        DATABASE_URL: `sqlite:./data/e2e-${RUN}.sqlite`,
        SEED_DEMO: 'false',
        NODE_ENV: 'test',
      },
    },
    {
      command: 'node dist/apps/api/main.js',
      url: `${DEMO_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(DEMO_PORT),
        DATABASE_URL: `sqlite:./data/e2e-demo-${RUN}.sqlite`,
        SEED_DEMO: 'true',
        NODE_ENV: 'test',
      },
    },
    {
      command: 'node dist/apps/api/main.js',
      url: `${LIVEKIT_APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(LIVEKIT_APP_PORT),
        DATABASE_URL: `sqlite:./data/e2e-livekit-${RUN}.sqlite`,
        SEED_DEMO: 'false',
        NODE_ENV: 'test',
        LIVEKIT_URL: `ws://127.0.0.1:${STAND_IN_PORT}`,
        LIVEKIT_API_KEY: STAND_IN_KEYS.apiKey,
        LIVEKIT_API_SECRET: STAND_IN_KEYS.apiSecret,
      },
    },
  ],
});
