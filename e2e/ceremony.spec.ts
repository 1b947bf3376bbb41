/**
 * The signing ceremony on the web: the big screen counts the signed agreements and their value
 * in US dollars, follows the organiser's "now signing" cue and signings live (a second, anonymous
 * browser); the project catalogue is public; the printable summary renders in Korean.
 */
import { expect, test, type APIRequestContext } from './fixtures';
import { createMember, logIn, ORGANISER, organiserToken, switchToEnglish, uniqueTag } from './helpers';

type Money = { amount: string; currency: string };

/** The rates the amounts below are converted at (USD per unit), entered before any signing. */
const RATES = [
  { currency: 'CNY', usdPerUnit: '0.14', asOf: '2030-01-01' },
  { currency: 'KRW', usdPerUnit: '0.00075', asOf: '2030-01-01' },
];

/**
 * Eight agreements worth exactly US$270,000,000 at RATES: 100 + 50 + 49 (CNY 350 M) + 9.75 (KRW 13 bn)
 * + 20 + 15 + 10 + 16.25 million.
 */
const EIGHT_SIGNED: Money[] = [
  { amount: '100000000.00', currency: 'USD' },
  { amount: '50000000.00', currency: 'USD' },
  { amount: '350000000.00', currency: 'CNY' },
  { amount: '13000000000', currency: 'KRW' },
  { amount: '20000000.00', currency: 'USD' },
  { amount: '15000000.00', currency: 'USD' },
  { amount: '10000000.00', currency: 'USD' },
  { amount: '16250000.00', currency: 'USD' },
];

async function firm(request: APIRequestContext, name: Record<string, string>, country: string): Promise<string> {
  const member = await createMember(request, `Member of ${name.en}`);
  const response = await request.post('/api/companies', {
    headers: { Authorization: `Bearer ${member.token}` },
    data: { name, country, sector: 'advanced_manufacturing', offers: [], needs: [] },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A published ceremony on fixed future dates, with its agreements; `signed` of them signed, in order. */
async function ceremony(
  request: APIRequestContext,
  tag: string,
  agreements: { title: Record<string, string>; investment: Money }[],
  signed: number,
): Promise<{ eventId: string; agreementIds: string[] }> {
  const auth = { Authorization: `Bearer ${await organiserToken(request)}` };
  expect((await request.put('/api/exchange-rates', { headers: auth, data: { rates: RATES } })).status()).toBe(200);
  const created = await request.post('/api/events', {
    headers: auth,
    data: {
      kind: 'ceremony',
      format: 'hybrid',
      title: { en: `Signing ceremony ${tag}`, zh: `签约仪式 ${tag}`, ko: `협약 체결식 ${tag}` },
      startsAt: '2030-06-24T01:00:00.000Z',
      endsAt: '2030-06-24T04:00:00.000Z',
      timeZone: 'Asia/Shanghai',
    },
  });
  expect(created.status()).toBe(201);
  const eventId = ((await created.json()) as { id: string }).id;
  expect((await request.post(`/api/events/${eventId}/publish`, { headers: auth })).status()).toBe(200);
  const parties = [
    await firm(request, { en: `Qingdao Port Logistics ${tag}`, zh: `青岛港物流 ${tag}` }, 'CN'),
    await firm(request, { en: `Busan Battery ${tag}`, ko: `부산배터리 ${tag}` }, 'KR'),
  ];
  const agreementIds: string[] = [];
  for (const agreement of agreements) {
    const response = await request.post(`/api/events/${eventId}/agreements`, {
      headers: auth,
      data: { ...agreement, sector: 'advanced_manufacturing', partyCompanyIds: parties, mode: 'onsite' },
    });
    expect(response.status()).toBe(201);
    agreementIds.push(((await response.json()) as { id: string }).id);
  }
  for (const id of agreementIds.slice(0, signed)) {
    expect((await request.post(`/api/agreements/${id}/sign`, { headers: auth })).status()).toBe(200);
  }
  return { eventId, agreementIds };
}

test('the big screen of a ceremony with eight signed agreements shows 8 and US$270,000,000', async ({
  page,
  request,
}) => {
  const tag = uniqueTag();
  const agreements = EIGHT_SIGNED.map((investment, i) => ({ title: { en: `Project ${i + 1} ${tag}` }, investment }));
  const { eventId } = await ceremony(request, tag, agreements, 8);

  await page.goto(`/events/${eventId}/big-screen`);
  await expect(page.getByTestId('big-screen-count')).toHaveText('8');
  await expect(page.getByTestId('big-screen-total')).toHaveText('US$270,000,000');
  await expect(page.getByRole('heading', { name: '签约项目 · 체결 프로젝트 · Projects signed' })).toBeVisible();
  // No app chrome on the big screen.
  await expect(page.getByRole('navigation')).toHaveCount(0);
});

test('the organiser cues and signs on the run-of-show; an anonymous big screen follows without reload', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  // Two browsers and a login on a small shared machine: more than the default minute.
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const title = { en: `Battery plant ${tag}`, zh: `电池工厂 ${tag}`, ko: `배터리 공장 ${tag}` };
  const { eventId } = await ceremony(
    request,
    tag,
    [
      { title: { en: `Port logistics hub ${tag}` }, investment: { amount: '100000000.00', currency: 'USD' } },
      { title, investment: { amount: '350000000.00', currency: 'CNY' } },
    ],
    1,
  );

  // Another browser, nobody signed in; with motion on, so the count-up runs and must end on the exact figure.
  const audience = await browser.newContext({ baseURL, locale: 'en-US' });
  const screen = await audience.newPage();
  await screen.goto(`/events/${eventId}/big-screen`);
  await expect(screen.getByTestId('big-screen-count')).toHaveText('1');
  await expect(screen.getByTestId('big-screen-total')).toHaveText('US$100,000,000');

  await page.bringToFront();
  await logIn(page, ORGANISER, '/console');
  await switchToEnglish(page);
  await page.goto(`/console/events/${eventId}/ceremony`);
  const second = page.getByRole('listitem', { name: 'Agreement 2' });
  await expect(second).toContainText(title.en, { timeout: 30_000 });
  await second.getByRole('button', { name: 'Now signing' }).click();

  const card = screen.locator('.big-screen-card');
  await expect(card).toContainText(title.zh);
  await expect(card).toContainText(title.ko);
  await expect(card).toContainText(title.en);
  await expect(card).toContainText(`Busan Battery ${tag}`);

  // A double click is one intent (one Idempotency-Key, the button busy meanwhile).
  await second.getByRole('button', { name: 'Sign', exact: true }).dblclick();
  await expect(second.getByRole('button', { name: 'Undo signing' })).toBeVisible();
  await expect(screen.getByTestId('big-screen-count')).toHaveText('2');
  // 100 M + CNY 350 M × 0.14 = 149 M.
  await expect(screen.getByTestId('big-screen-total')).toHaveText('US$149,000,000');
  await expect(page.locator('.ceremony-totals')).toContainText('US$149,000,000');
  await audience.close();
});

test('the project catalogue lists projects with their totals without login', async ({ page, request }) => {
  const tag = uniqueTag();
  const auth = { Authorization: `Bearer ${await organiserToken(request)}` };
  const created = await request.post('/api/projects', {
    headers: auth,
    data: {
      title: { en: `Cold-chain park ${tag}`, zh: `冷链物流园 ${tag}` },
      sector: 'logistics',
      location: 'Chengyang District, Qingdao',
      investment: { amount: '12000000.00', currency: 'USD' },
    },
  });
  expect(created.status()).toBe(201);

  await page.goto('/projects?sector=logistics');
  await expect(page.getByRole('heading', { level: 1, name: 'Investment projects' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: `Cold-chain park ${tag}` });
  await expect(row).toContainText('US$12,000,000.00');
  await expect(page.locator('.ceremony-totals')).toContainText('Total in US dollars');
  await expect(page.locator('.ceremony-totals')).toContainText('US$');

  await row.getByRole('link', { name: `Cold-chain park ${tag}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cold-chain park ${tag}`);
});

test('the printable summary renders in Korean', async ({ page, request }) => {
  const tag = uniqueTag();
  const { eventId } = await ceremony(
    request,
    tag,
    [{ title: { en: `Hydrogen station ${tag}`, ko: `수소 충전소 ${tag}` }, investment: EIGHT_SIGNED[0] }],
    1,
  );
  await logIn(page, ORGANISER, '/console');
  await switchToEnglish(page);
  await page.goto(`/console/events/${eventId}/ceremony/report`);
  await page.getByRole('radiogroup', { name: 'Language of the summary' }).getByText('한국어').click();

  const report = page.locator('article.ceremony-report');
  await expect(report).toHaveAttribute('lang', 'ko-KR');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('협약 체결식 요약');
  await expect(report.getByRole('heading', { name: '체결된 협약' })).toBeVisible();
  await expect(report).toContainText(`수소 충전소 ${tag}`);
  await expect(report).toContainText(`협약 체결식 ${tag}`);
  await expect(report).toContainText('US$100,000,000');
  await expect(report).toContainText('1건 중 1건');
});
