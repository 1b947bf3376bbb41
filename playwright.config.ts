/**
 * Browser tests against the real built app: the API process serves the built web app on one
 * port, on a fresh SQLite file per run. Build first (`npm run build`), then `npm run test:e2e`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;

if (!existsSync('dist/apps/api/main.js') || !existsSync('apps/web/dist/index.html')) {
  throw new Error('The e2e tests run the built app: run `npm run build` first.');
}
mkdirSync('data', { recursive: true });

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
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
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
      },
    },
  ],
  webServer: {
    command: 'node dist/apps/api/main.js',
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATABASE_URL: `sqlite:./data/e2e-${Date.now()}.sqlite`,
      SEED_DEMO: 'false',
      NODE_ENV: 'test',
    },
  },
});
