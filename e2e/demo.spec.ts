/**
 * The demo as a fresh `npm start` shows it (project `demo`: its own server and database with the
 * demo data loaded): the opening ceremony's big screen shows the source's headline, the organiser's
 * dashboard draws its charts, a firm signing in the cloud finds the way into the ceremony room, a
 * firm sees its deal's promoter by name, and a firm books a signing meeting the promoter signs.
 * The tests run in order on one database; only the last changes what the others read.
 */
import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { chooseOption, logIn, ORGANISER, switchToEnglish } from './helpers';

/** The demo's opening ceremony (apps/api/src/demo/demo-data.ts DEMO_CEREMONY_EVENT). */
const DEMO_CEREMONY = '00000000-0000-4000-a000-000000000005';
const DEMO_PASSWORD = 'living-room-demo';
const KIM = { email: 'kim@hanyuan.example', password: DEMO_PASSWORD };
const PROMOTER = { email: 'promoter@living-room.local', password: DEMO_PASSWORD };

/** A demo login's bearer header, for reading and setting up through the API. */
async function bearer(request: APIRequestContext, account: { email: string; password: string }) {
  const login = await request.post('/api/auth/login', { data: account });
  expect(login.status()).toBe(200);
  return { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
}

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
  const deals = await request.get('/api/deals?stage=landed', { headers: await bearer(request, KIM) });
  const [landed] = ((await deals.json()) as { items: { id: string }[] }).items;

  await logIn(page, KIM, '/');
  await switchToEnglish(page);
  await page.goto(`/deals/${landed.id}`);
  await expect(page.getByText('王招商', { exact: true })).toBeVisible();
  await expect(page.locator('.deal-history').getByText('by 王招商', { exact: true }).first()).toBeVisible();
});

test('a firm books a one-to-one signing meeting from its deal and the promoter, its witness, signs it', async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // Hanyuan's deal with Zhongrui, followed by the promoter, reaches its MoU.
  const kim = await bearer(request, KIM);
  const followUp = await request.get('/api/deals?stage=follow_up', { headers: kim });
  const [deal] = ((await followUp.json()) as { items: { id: string }[] }).items;
  expect((await request.post(`/api/deals/${deal.id}/stage`, { headers: kim, data: { stage: 'mou' } })).status()).toBe(
    200,
  );

  // Kim books the signing at tomorrow's matchmaking, in a time both firms and the promoter have free.
  await logIn(page, KIM, `/deals/${deal.id}`);
  await switchToEnglish(page);
  await chooseOption(
    page,
    page.getByRole('combobox', { name: 'Event', exact: true }),
    'Korea–China one-to-one business matchmaking',
  );
  const times = page.getByRole('region', { name: 'Common free times' });
  await times
    .getByRole('group', { name: /^Free times on / })
    .first()
    .getByRole('button')
    .first()
    .click();
  await page.getByRole('radio', { name: /^Onsite/ }).check();
  await page.getByRole('button', { name: 'Book the signing meeting' }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/signing-meetings/'));
  const signingPath = new URL(page.url()).pathname;

  // The promoter, on their own device, signs as the witness.
  const promoterContext = await browser.newContext();
  const witness = await promoterContext.newPage();
  await logIn(witness, PROMOTER, signingPath);
  await switchToEnglish(witness);
  await witness.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(witness.getByRole('status').filter({ hasText: 'This agreement is signed.' })).toBeVisible();
  await promoterContext.close();

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'This agreement is signed.' })).toBeVisible();
});
