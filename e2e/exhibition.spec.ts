/**
 * The exhibition: a Korean firm's member builds the firm's booth in Korean, with an uploaded
 * product image; a visitor from a Chinese firm finds it in the hall in Chinese by text search,
 * opens it and requests a meeting (both firms take part in the event's matchmaking).
 */
import { expect, test, type APIRequestContext } from './fixtures';
import { createMember, logIn, organiserToken, uniqueTag } from './helpers';

// A 1×1 PNG: the server judges uploads by their content and re-encodes images.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function createCompany(
  request: APIRequestContext,
  token: string,
  data: { name: Record<string, string>; country: string; sector: string },
): Promise<string> {
  const response = await request.post('/api/companies', {
    headers: { Authorization: `Bearer ${token}` },
    data: { ...data, offers: [], needs: [] },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A published matchmaking event running now, with one slot both firms are available in. */
async function matchmakingEvent(
  request: APIRequestContext,
  tag: string,
  firms: { companyId: string; token: string }[],
) {
  const auth = { Authorization: `Bearer ${await organiserToken(request)}` };
  const startsAt = new Date(Date.now() - 10 * 60_000).toISOString();
  const endsAt = new Date(Date.now() + 4 * 60 * 60_000).toISOString();
  const created = await request.post('/api/events', {
    headers: auth,
    data: {
      kind: 'matchmaking',
      format: 'onsite',
      title: { en: `Cosmetics matchmaking ${tag}` },
      startsAt,
      endsAt,
      timeZone: 'Asia/Shanghai',
    },
  });
  expect(created.status()).toBe(201);
  const eventId = ((await created.json()) as { id: string }).id;
  expect((await request.post(`/api/events/${eventId}/publish`, { headers: auth })).status()).toBe(200);
  const slotStart = new Date(Date.now() + 60 * 60_000).toISOString();
  const slotEnd = new Date(Date.now() + 90 * 60_000).toISOString();
  const slots = await request.post(`/api/events/${eventId}/slots`, {
    headers: auth,
    data: { slots: [{ startsAt: slotStart, endsAt: slotEnd }] },
  });
  expect(slots.status()).toBe(201);
  const slotIds = ((await slots.json()) as { id: string }[]).map((s) => s.id);
  for (const firm of firms) {
    const joined = await request.put(`/api/events/${eventId}/participants/${firm.companyId}`, {
      headers: { Authorization: `Bearer ${firm.token}` },
      data: { attendance: 'onsite', availableSlotIds: slotIds },
    });
    expect(joined.status()).toBe(200);
  }
  return eventId;
}

test('a Korean firm builds its booth; a Chinese visitor finds it and requests a meeting', async ({
  browser,
  request,
}) => {
  const tag = uniqueTag();
  const exhibitor = await createMember(request, `김서연 ${tag}`, 'Asia/Seoul');
  const visitor = await createMember(request, `王芳 ${tag}`, 'Asia/Shanghai');
  const exhibitorFirm = `한빛화장품 ${tag}`;
  const exhibitorFirmZh = `韩光化妆品 ${tag}`;
  const exhibitorCompanyId = await createCompany(request, exhibitor.token, {
    name: { ko: exhibitorFirm, zh: exhibitorFirmZh },
    country: 'KR',
    sector: 'cosmetics',
  });
  const visitorCompanyId = await createCompany(request, visitor.token, {
    name: { zh: `青岛美妆贸易 ${tag}` },
    country: 'CN',
    sector: 'cosmetics',
  });
  const eventId = await matchmakingEvent(request, tag, [
    { companyId: exhibitorCompanyId, token: exhibitor.token },
    { companyId: visitorCompanyId, token: visitor.token },
  ]);

  // --- The exhibitor builds the booth with the UI in Korean ---
  const exhibitorContext = await browser.newContext();
  const page = await exhibitorContext.newPage();
  await logIn(page, exhibitor, `/events/${eventId}/exhibition`);
  await page
    .getByRole('group', { name: /Interface language|界面语言|화면 언어/ })
    .getByRole('button', { name: '한국어' })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko-KR');
  await page.getByRole('link', { name: '우리 부스' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '부스 편집' })).toBeVisible();

  const headline = `청양에서 만나는 한국 화장품 ${tag}`;
  await page.getByLabel('헤드라인 (한국어)', { exact: true }).fill(headline);
  await page.getByRole('button', { name: '제품 추가' }).click();
  await page.getByLabel('제품 1의 이름 (한국어)', { exact: true }).fill('수분 크림');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '제품 1 이미지 업로드' }).click();
  await (await chooser).setFiles({ name: 'cream.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('img', { name: '제품 1의 이미지' })).toBeVisible();
  await page.getByRole('button', { name: '부스 저장' }).click();
  await expect(page.getByText('부스를 저장했습니다.')).toBeVisible();
  await exhibitorContext.close();

  // --- The visitor finds it in the hall with the UI in Chinese, and asks for a meeting ---
  const visitorContext = await browser.newContext();
  const visitorPage = await visitorContext.newPage();
  await logIn(visitorPage, visitor, `/events/${eventId}`);
  await visitorPage
    .getByRole('group', { name: /Interface language|界面语言|화면 언어/ })
    .getByRole('button', { name: '中文' })
    .click();
  await expect(visitorPage.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await visitorPage.getByRole('link', { name: '展馆' }).click();
  await expect(visitorPage.getByRole('heading', { level: 1, name: '展馆' })).toBeVisible();
  await visitorPage.getByLabel('搜索', { exact: true }).fill(tag);
  await visitorPage.getByLabel('搜索', { exact: true }).press('Enter');
  await expect(visitorPage.getByRole('status').filter({ hasText: '1 个展位' })).toBeVisible();
  const card = visitorPage.getByRole('listitem').filter({ hasText: headline });
  await expect(card.locator('img')).toHaveAttribute('src', /\/api\/files\/.+size=thumb/);
  await card.getByRole('link', { name: exhibitorFirmZh }).click();

  await expect(visitorPage.getByRole('heading', { level: 1, name: exhibitorFirmZh })).toBeVisible();
  await expect(visitorPage.getByText(headline)).toBeVisible();
  await expect(visitorPage.getByRole('img', { name: '수분 크림' })).toBeVisible();
  await visitorPage.getByRole('button', { name: '申请洽谈' }).click();
  await expect(
    visitorPage.getByRole('status').filter({ hasText: `已向 ${exhibitorFirmZh} 发送洽谈申请。` }),
  ).toBeVisible();
  // "Talk in chat" opens the event's chat room, where the visitor's message arrives.
  await visitorPage.getByRole('link', { name: '在聊天中交流' }).click();
  await expect(visitorPage.getByRole('heading', { level: 1, name: '活动聊天室' })).toBeVisible();
  const hello = `您好 ${tag}`;
  await visitorPage.getByLabel('消息', { exact: true }).fill(hello);
  await visitorPage.getByRole('button', { name: '发送', exact: true }).click();
  await expect(visitorPage.getByRole('log', { name: '聊天消息' }).getByText(hello)).toBeVisible();
  await visitorContext.close();
});
