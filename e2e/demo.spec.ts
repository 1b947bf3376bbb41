/**
 * The demo as a fresh `npm start` shows it (project `demo`: its own server and database with the
 * demo data loaded): the opening ceremony's big screen shows the source's headline, the organiser's
 * dashboard draws its charts, and a firm signing in the cloud finds the way into the ceremony room.
 */
import { expect, test, type Page } from '@playwright/test';
import { logIn, ORGANISER, switchToEnglish } from './helpers';

/** The demo's opening ceremony (apps/api/src/demo/demo-data.ts DEMO_CEREMONY_EVENT). */
const DEMO_CEREMONY = '00000000-0000-4000-a000-000000000005';
const DEMO_PASSWORD = 'living-room-demo';

test('the big screen of the demo ceremony shows 8 projects and US$270,000,000', async ({ page }) => {
  await page.goto(`/events/${DEMO_CEREMONY}/big-screen`);
  await expect(page.getByTestId('big-screen-count')).toHaveText('8');
  await expect(page.getByTestId('big-screen-total')).toHaveText('US$270,000,000');
});

/** A chart is drawn: its labelled figure holds an ECharts canvas with a size. */
async function expectChart(page: Page, name: string): Promise<void> {
  const canvas = page.getByRole('img', { name, exact: true }).locator('canvas');
  await expect(canvas).toBeVisible();
  const box = await canvas.boundingBox();
  expect(box?.width).toBeGreaterThan(100);
  expect(box?.height).toBeGreaterThan(100);
}

test('the organiser’s dashboard of the demo ceremony shows its figures and draws every chart', async ({ page }) => {
  await logIn(page, ORGANISER, '/');
  await switchToEnglish(page);
  await page.goto(`/console/events/${DEMO_CEREMONY}/ceremony/dashboard`);
  await expect(page.getByRole('heading', { name: 'Ceremony dashboard' })).toBeVisible();
  const signed = page.locator('.ant-statistic').filter({ hasText: 'Agreements signed' });
  await expect(signed).toContainText('8 / 10');
  for (const chart of [
    'Matchmaking meetings and intents to sign',
    'Deals of this event by stage',
    'Signed investment by sector (US$)',
    'Signed investment by country or region (US$)',
    'Signed investment over time (US$, cumulative)',
  ]) {
    await expectChart(page, chart);
  }
});

test('a firm signing in the cloud joins the ceremony room from the event page (video is off here)', async ({
  page,
}) => {
  // Zhongrui (li@) is a party of the Incheon Biopharma agreement, signed in the cloud.
  await logIn(page, { email: 'li@zhongrui.example', password: DEMO_PASSWORD }, '/');
  await switchToEnglish(page);
  await page.goto(`/events/${DEMO_CEREMONY}`);
  await page.getByRole('button', { name: 'Join the ceremony room' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Video is off on this server.' })).toBeVisible();
});

test('a firm’s member sees the promoter who follows the deal by name, in the deal and its history', async ({
  page,
  request,
}) => {
  const kim = { email: 'kim@hanyuan.example', password: DEMO_PASSWORD };
  const login = await request.post('/api/auth/login', { data: kim });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const deals = await request.get('/api/deals?stage=landed', { headers: { Authorization: `Bearer ${accessToken}` } });
  const [landed] = ((await deals.json()) as { items: { id: string }[] }).items;

  await logIn(page, kim, '/');
  await switchToEnglish(page);
  await page.goto(`/deals/${landed.id}`);
  await expect(page.getByText('王招商', { exact: true })).toBeVisible();
  await expect(page.locator('.deal-history').getByText('by 王招商', { exact: true }).first()).toBeVisible();
});
