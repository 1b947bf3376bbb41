/**
 * Matchmaking end to end, on a matchmaking event set up through the API (Shanghai's clock):
 * (a) a promoter dry-runs the scheduler, sees what it would place and why one request cannot be
 * placed, commits, and finds the meetings on the board; (b) a Korean firm's member on a phone, in
 * Korean, finds its meeting on both clocks (Shanghai and Seoul) and opens its video page, which
 * says plainly that video is off on this server; (c) a firm asks for a meeting from its
 * recommendations, the other firm accepts it from its inbox, and the asking firm's bell rings.
 */
import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { createMember, currentConsent, logIn, organiserToken, switchToEnglish, uniqueTag } from './helpers';

const ZONE = 'Asia/Shanghai';

type Auth = { Authorization: string };

async function post<T>(request: APIRequestContext, auth: Auth, path: string, data?: object): Promise<T> {
  const response = await request.post(path, { headers: auth, data });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** A published matchmaking event on Shanghai's clock around its first slot, with the given slots and tables. */
async function matchmakingEvent(
  request: APIRequestContext,
  auth: Auth,
  options: { title: string; slots: { startsAt: string; endsAt: string }[]; tables: { label: string; kind: string }[] },
): Promise<{ eventId: string; slotIds: string[]; tableIds: string[] }> {
  const first = Date.parse(options.slots[0].startsAt);
  const { id: eventId } = await post<{ id: string }>(request, auth, '/api/events', {
    kind: 'matchmaking',
    format: 'hybrid',
    title: { en: options.title },
    startsAt: new Date(first - 60 * 60_000).toISOString(),
    endsAt: new Date(first + 6 * 60 * 60_000).toISOString(),
    timeZone: ZONE,
  });
  await post(request, auth, `/api/events/${eventId}/publish`);
  const slots = await post<{ id: string }[]>(request, auth, `/api/events/${eventId}/slots`, { slots: options.slots });
  const tables = await post<{ id: string }[]>(request, auth, `/api/events/${eventId}/tables`, {
    tables: options.tables,
  });
  return { eventId, slotIds: slots.map((s) => s.id), tableIds: tables.map((t) => t.id) };
}

/** A firm made by (and joined by) a new member. */
async function firm(
  request: APIRequestContext,
  name: string,
  country: string,
  options: { locale?: string; timeZone?: string } = {},
): Promise<{ companyId: string; email: string; password: string; token: string }> {
  const account = { email: `firm-${uniqueTag()}@example.com`, password: 'correct-horse-battery', displayName: name };
  const registered = await request.post('/api/auth/register', {
    data: {
      ...account,
      locale: options.locale ?? 'en',
      timeZone: options.timeZone ?? 'Asia/Seoul',
      consent: await currentConsent(request),
    },
  });
  expect(registered.status()).toBe(201);
  const { accessToken } = (await registered.json()) as { accessToken: string };
  const company = await post<{ id: string }>(request, { Authorization: `Bearer ${accessToken}` }, '/api/companies', {
    name: { en: name, ko: name, zh: name },
    country,
    sector: 'retail',
    offers: [],
    needs: [],
    offerTags: country === 'KR' ? ['distribution'] : ['investment'],
    needTags: country === 'KR' ? ['investment'] : ['distribution'],
  });
  return { companyId: company.id, email: account.email, password: account.password, token: accessToken };
}

async function participate(
  request: APIRequestContext,
  auth: Auth,
  eventId: string,
  companyId: string,
  attendance: 'onsite' | 'online',
  availableSlotIds: string[],
): Promise<void> {
  const response = await request.put(`/api/events/${eventId}/participants/${companyId}`, {
    headers: auth,
    data: { attendance, availableSlotIds },
  });
  expect(response.status()).toBe(200);
}

/** An accepted request between two firms (asked and accepted on their behalf). */
async function acceptedRequest(
  request: APIRequestContext,
  auth: Auth,
  eventId: string,
  fromCompanyId: string,
  toCompanyId: string,
): Promise<string> {
  const { id } = await post<{ id: string }>(request, auth, `/api/events/${eventId}/meeting-requests`, {
    fromCompanyId,
    toCompanyId,
  });
  await post(request, auth, `/api/meeting-requests/${id}/accept`);
  return id;
}

/** "10:00" on `zone`'s clock. */
function clock(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(new Date(iso));
}

async function logInInKorean(page: Page, account: { email: string; password: string }, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('이메일', { exact: true }).fill(account.email);
  await page.getByLabel('비밀번호', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === next.split('?')[0]);
}

test('a promoter dry-runs the scheduler, commits it and finds the meetings on the board', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const auth = { Authorization: `Bearer ${await organiserToken(request)}` };
  const day = new Date(Date.now() + 3 * 24 * 60 * 60_000).toISOString().slice(0, 10);
  const { eventId, slotIds } = await matchmakingEvent(request, auth, {
    title: `Chengyang matchmaking ${tag}`,
    slots: [
      { startsAt: `${day}T10:00:00+08:00`, endsAt: `${day}T10:20:00+08:00` },
      { startsAt: `${day}T10:30:00+08:00`, endsAt: `${day}T10:50:00+08:00` },
    ],
    tables: [
      { label: `A${tag}`, kind: 'physical' },
      { label: `B${tag}`, kind: 'physical' },
    ],
  });
  const [s1, s2] = slotIds;
  const hanyuan = await firm(request, `Hanyuan ${tag}`, 'KR');
  const zhongrui = await firm(request, `Zhongrui ${tag}`, 'CN');
  const hansung = await firm(request, `Hansung ${tag}`, 'KR');
  const laoshan = await firm(request, `Laoshan ${tag}`, 'CN');
  await participate(request, auth, eventId, hanyuan.companyId, 'onsite', [s1, s2]);
  await participate(request, auth, eventId, zhongrui.companyId, 'onsite', [s1, s2]);
  await participate(request, auth, eventId, hansung.companyId, 'onsite', [s1]);
  await participate(request, auth, eventId, laoshan.companyId, 'onsite', [s2]);
  await acceptedRequest(request, auth, eventId, hanyuan.companyId, zhongrui.companyId);
  await acceptedRequest(request, auth, eventId, hanyuan.companyId, hansung.companyId);
  // Hansung is free only at 10:00 and Laoshan only at 10:30: this one can never be placed.
  await acceptedRequest(request, auth, eventId, hansung.companyId, laoshan.companyId);

  // A promoter (a member the organiser made one).
  const promoter = await createMember(request, `Promoter ${tag}`);
  const promoted = await request.patch(`/api/users/${promoter.id}/role`, { headers: auth, data: { role: 'promoter' } });
  expect(promoted.status()).toBe(200);

  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, promoter, `/console/events/${eventId}`);
  await switchToEnglish(page);
  await page.getByRole('link', { name: 'Matchmaking console' }).click();
  await expect(page).toHaveURL((url) => url.pathname === `/console/events/${eventId}/matchmaking`);
  await page.getByRole('tab', { name: 'Scheduler' }).click();

  // --- Dry run: two meetings would be placed, one request cannot be, and why ---
  await page.getByRole('button', { name: 'Dry run' }).click();
  const result = page.getByRole('region', { name: 'Dry run (nothing saved)' });
  await expect(result).toBeVisible();
  await expect(result.getByText('Would place', { exact: true })).toBeVisible();
  await expect(result.locator('.ant-statistic').filter({ hasText: 'Would place' })).toContainText('2');
  await expect(result.locator('.ant-statistic').filter({ hasText: 'Left out' })).toContainText('1');
  await expect(result.locator('.ant-statistic').filter({ hasText: 'Upper bound' })).toContainText('2');
  await expect(result.getByRole('img', { name: /Meetings after the run: 2 · Upper bound: 2/ })).toBeVisible();
  const unplaced = result.getByRole('row').filter({ hasText: `Laoshan ${tag}` });
  await expect(unplaced).toContainText(`Hansung ${tag}`);
  await expect(unplaced).toContainText('The two firms have no free slot in common');

  // Nothing was saved: the board is still empty.
  await page.getByRole('tab', { name: 'Board' }).click();
  await expect(page.getByText('Meetings scheduled: 0 · accepted requests not booked yet: 3')).toBeVisible();

  // --- Commit ---
  await page.getByRole('tab', { name: 'Scheduler' }).click();
  await page.getByRole('button', { name: 'Commit' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Commit' }).click();
  const committed = page.getByRole('region', { name: 'Committed' });
  await expect(committed.locator('.ant-statistic').filter({ hasText: 'Placed' })).toContainText('2');

  // --- The board shows both meetings, each naming both firms ---
  await page.getByRole('tab', { name: 'Board' }).click();
  await expect(page.getByText('Meetings scheduled: 2 · accepted requests not booked yet: 1')).toBeVisible();
  const board = page.getByRole('table', { name: 'The schedule: slots down, tables across' });
  const withZhongrui = board.getByRole('cell').filter({ hasText: `Zhongrui ${tag}` });
  await expect(withZhongrui).toContainText(`Hanyuan ${tag}`);
  const withHansung = board.getByRole('cell').filter({ hasText: `Hansung ${tag}` });
  await expect(withHansung).toContainText(`Hanyuan ${tag}`);
  // Hansung is free only at 10:00, so its meeting is in the 10:00 row; Zhongrui's is at 10:30.
  await expect(board.getByRole('row').filter({ hasText: '10:00–10:20' })).toContainText(`Hansung ${tag}`);
  await expect(board.getByRole('row').filter({ hasText: '10:30–10:50' })).toContainText(`Zhongrui ${tag}`);
  await context.close();
});

test('a Korean firm on a phone sees its meeting on both clocks and the video page says video is off', async ({
  browser,
  request,
  baseURL,
}) => {
  const tag = uniqueTag();
  const auth = { Authorization: `Bearer ${await organiserToken(request)}` };
  // A video meeting under way: it started two minutes ago.
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 60_000);
  const end = new Date(start.getTime() + 30 * 60_000);
  const { eventId, slotIds, tableIds } = await matchmakingEvent(request, auth, {
    title: `Cloud matchmaking ${tag}`,
    slots: [{ startsAt: start.toISOString(), endsAt: end.toISOString() }],
    tables: [{ label: `V${tag}`, kind: 'virtual' }],
  });
  const korean = await firm(request, `한원상사 ${tag}`, 'KR', { locale: 'ko-KR', timeZone: 'Asia/Seoul' });
  const chinese = await firm(request, `中瑞仪器 ${tag}`, 'CN');
  await participate(request, auth, eventId, korean.companyId, 'online', slotIds);
  await participate(request, auth, eventId, chinese.companyId, 'onsite', slotIds);
  const requestId = await acceptedRequest(request, auth, eventId, chinese.companyId, korean.companyId);
  await post(request, auth, `/api/events/${eventId}/meetings`, { requestId, slotId: slotIds[0], tableId: tableIds[0] });

  const context = await browser.newContext({
    baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await logInInKorean(page, korean, `/events/${eventId}/matchmaking`);
  await page.getByRole('tab', { name: '내 일정' }).click();

  const meeting = page
    .getByRole('list', { name: '내 일정' })
    .getByRole('listitem')
    .filter({ hasText: `中瑞仪器 ${tag}` });
  // The event's clock (Shanghai) and the member's own (Seoul), one hour apart; the Seoul reading
  // carries its date as well when midnight falls between the two.
  const shanghai = new RegExp(`${clock(start.toISOString(), ZONE)}.*\\(상하이 기준\\)`);
  const seoul = new RegExp(`내 시간 .*${clock(start.toISOString(), 'Asia/Seoul')}.*\\(서울\\)`);
  await expect(meeting.getByText(shanghai)).toBeVisible();
  await expect(meeting.getByText(seoul)).toBeVisible();
  await expect(meeting.getByText('화상', { exact: true })).toBeVisible();
  await expect(meeting.getByRole('timer')).toContainText('진행 중');
  // The page fits the phone's width: nothing to scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await meeting.getByRole('link', { name: '화상 참여' }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/meetings/'));
  await expect(page.getByRole('heading', { level: 1, name: `中瑞仪器 ${tag}와(과)의 상담` })).toBeVisible();
  await expect(page.getByText(shanghai)).toBeVisible();
  await expect(page.getByText(seoul)).toBeVisible();
  // LiveKit is not configured here: the page says so in Korean instead of showing a broken room.
  await expect(page.getByRole('status').filter({ hasText: '이 서버에서는 영상이 꺼져 있습니다.' })).toBeVisible();
  // At the table: the firm checks itself in.
  const sides = page.getByRole('list', { name: '상담 테이블 체크인' });
  await sides.getByRole('button', { name: '체크인', exact: true }).click();
  await expect(
    sides
      .getByRole('listitem')
      .filter({ hasText: `한원상사 ${tag}` })
      .getByText(/도착$/),
  ).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test('a firm asks for a meeting from its recommendations and the other accepts it from its inbox', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const auth = { Authorization: `Bearer ${await organiserToken(request)}` };
  const day = new Date(Date.now() + 5 * 24 * 60 * 60_000).toISOString().slice(0, 10);
  const { eventId, slotIds } = await matchmakingEvent(request, auth, {
    title: `Qingdao buyers' day ${tag}`,
    slots: [
      { startsAt: `${day}T14:00:00+08:00`, endsAt: `${day}T14:20:00+08:00` },
      { startsAt: `${day}T14:30:00+08:00`, endsAt: `${day}T14:50:00+08:00` },
    ],
    tables: [{ label: `T${tag}`, kind: 'physical' }],
  });
  const asker = await firm(request, `Hansung Cosmetics ${tag}`, 'KR');
  const other = await firm(request, `Qingdao Bonded Trade ${tag}`, 'CN');
  await participate(request, auth, eventId, asker.companyId, 'onsite', slotIds);
  await participate(request, auth, eventId, other.companyId, 'onsite', slotIds);

  // --- The Korean firm finds the Chinese one among its recommendations, with the reasons ---
  const askerContext = await browser.newContext();
  const page = await askerContext.newPage();
  await logIn(page, asker, `/events/${eventId}`);
  await page.getByRole('link', { name: 'Open matchmaking' }).click();
  await expect(page).toHaveURL((url) => url.pathname === `/events/${eventId}/matchmaking`);
  await page.getByRole('tab', { name: 'Suggestions' }).click();
  const card = page
    .getByRole('list', { name: 'Suggested firms, best first' })
    .getByRole('listitem')
    .filter({ hasText: `Qingdao Bonded Trade ${tag}` });
  await expect(card.getByText('Korean ↔ local pair')).toBeVisible();
  await expect(card.getByText('They offer what you need: Investment capital')).toBeVisible();
  await expect(card.getByText('2 free slots in common')).toBeVisible();
  await card.getByRole('button', { name: `Request a meeting with Qingdao Bonded Trade ${tag}` }).click();
  const dialog = page.getByRole('dialog', { name: `Request a meeting with Qingdao Bonded Trade ${tag}` });
  await dialog.getByLabel('Message (optional)').fill('Shall we talk about distribution in Shandong?');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText(`Request sent to Qingdao Bonded Trade ${tag}.`)).toBeVisible();

  await page.getByRole('tab', { name: 'Requests' }).click();
  const sent = page.getByRole('list', { name: 'Sent' }).getByRole('listitem');
  await expect(sent).toContainText(`Qingdao Bonded Trade ${tag}`);
  await expect(sent).toContainText('Waiting for an answer');
  await expect(sent.getByRole('timer')).toContainText('Expires in');

  // --- The other firm accepts it from its inbox (its bell says a request came in) ---
  const otherContext = await browser.newContext();
  const inbox = await otherContext.newPage();
  await logIn(inbox, other, `/events/${eventId}/matchmaking`);
  await expect(inbox.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();
  await inbox.getByRole('tab', { name: /Requests/ }).click();
  const received = inbox.getByRole('list', { name: 'Received' }).getByRole('listitem');
  await expect(received).toContainText(`Hansung Cosmetics ${tag}`);
  await expect(received).toContainText('Shall we talk about distribution in Shandong?');
  await received.getByRole('button', { name: `Accept the request from Hansung Cosmetics ${tag}` }).click();
  await expect(received).toContainText('Accepted');

  // --- The asking firm sees it at once: the status, and a notification in its own language ---
  await expect(sent).toContainText('Accepted');
  const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  const drawer = page.getByRole('dialog', { name: 'Notifications' });
  await expect(drawer.getByText(`Qingdao Bonded Trade ${tag} accepted your meeting request`)).toBeVisible();
  await drawer.getByRole('button', { name: 'Mark all read' }).click();
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
  await askerContext.close();
  await otherContext.close();
});
