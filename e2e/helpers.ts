/** Small helpers for driving the UI the way a user does (accessible names, keyboard). */
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { io } from 'socket.io-client';

/** A value no other test run will produce, to find this run's data among everything else. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Picks an option of an antd searchable select by typing its label and pressing Enter, then
 * checks the select shows it.
 */
export async function chooseOption(page: Page, combobox: Locator, search: string, expected = search): Promise<void> {
  // Click the select's box: when it already has a value, the shown selection covers the input.
  await combobox.locator('xpath=ancestor::div[contains(@class,"ant-select-selector")]').click();
  await combobox.fill(search);
  // antd keeps an accessible listbox with the active option; wait until the filter has run.
  const listbox = page.locator(`#${await combobox.getAttribute('aria-controls')}`);
  await expect(listbox.getByRole('option', { name: expected, exact: true })).toBeAttached();
  await combobox.press('Enter');
  await expect(selectionOf(combobox)).toHaveText(expected);
}

/** The text an antd select shows for its current value. */
export function selectionOf(combobox: Locator): Locator {
  return combobox
    .locator('xpath=ancestor::div[contains(@class,"ant-select-selector")]')
    .locator('.ant-select-selection-item');
}

// The organiser account the API creates at start-up outside production (documented dev defaults).
export const ORGANISER = { email: 'organiser@living-room.local', password: 'living-room-2020' };

export interface Account {
  email: string;
  password: string;
  displayName: string;
}

let policyVersion: string | undefined;

/** Consent to the privacy policy in force, as a registration or `POST /api/me/consent` sends it. */
export async function currentConsent(
  request: APIRequestContext,
): Promise<{ policyVersion: string; crossBorder: true }> {
  if (!policyVersion) {
    const response = await request.get('/api/privacy/policy');
    expect(response.status()).toBe(200);
    policyVersion = ((await response.json()) as { version: string }).version;
  }
  return { policyVersion, crossBorder: true };
}

/**
 * Ticks the sign-up form's two consents (the privacy policy and the cross-border transfer), in
 * whatever language the form is shown.
 */
export async function acceptConsentsOnSignUp(page: Page): Promise<void> {
  const boxes = page.getByRole('checkbox');
  await expect(boxes).toHaveCount(2);
  for (const box of await boxes.all()) await box.check();
}

/** A new member account made through the API (with the time zone the test needs), consenting to the policy. */
export async function createMember(
  request: APIRequestContext,
  displayName: string,
  timeZone = 'Asia/Seoul',
): Promise<Account & { token: string; id: string }> {
  const account = { email: `member-${uniqueTag()}@example.com`, password: 'correct-horse-battery', displayName };
  const response = await request.post('/api/auth/register', {
    data: { ...account, locale: 'en', timeZone, consent: await currentConsent(request) },
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { accessToken: string; user: { id: string } };
  return { ...account, token: body.accessToken, id: body.user.id };
}

let organiserAccessToken: string | undefined;

/**
 * The organiser's access token, for setting up data through the API. Logged in once per run:
 * logins are rate-limited per account (10 a minute), and many tests log the organiser in.
 */
export async function organiserToken(request: APIRequestContext): Promise<string> {
  if (!organiserAccessToken) {
    const response = await request.post('/api/auth/login', { data: ORGANISER });
    expect(response.status()).toBe(200);
    organiserAccessToken = ((await response.json()) as { accessToken: string }).accessToken;
    // The organiser account is created at start-up without consent: accept the policy once, as its owner would.
    const consent = await request.post('/api/me/consent', {
      headers: { Authorization: `Bearer ${organiserAccessToken}` },
      data: await currentConsent(request),
    });
    expect(consent.status()).toBe(201);
  }
  return organiserAccessToken;
}

/** Logs in through the login page and waits until the app has followed `next`. */
export async function logIn(page: Page, account: { email: string; password: string }, next: string): Promise<void> {
  // The organiser's consent is given through the API once (see organiserToken), not in each test.
  if (account.email === ORGANISER.email) await organiserToken(page.request);
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  const path = next.split('?')[0];
  await expect(page).toHaveURL((url) => url.pathname === path);
}

/** The account's saved language may be another test's choice: switch the interface to English. */
export async function switchToEnglish(page: Page): Promise<void> {
  await page
    .getByRole('group', { name: /Interface language|界面语言|화면 언어/ })
    .getByRole('button', { name: 'English' })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

/** A published event with one session, made through the API; the member (if any) registers for it. */
export async function publishedEventWithSession(
  request: APIRequestContext,
  options: { title: string; sessionTitle: string; registerToken?: string },
): Promise<{ eventId: string; sessionId: string }> {
  const auth = { Authorization: `Bearer ${await organiserToken(request)}` };
  // Running now, so that the session is "now" for everyone.
  const start = new Date(Date.now() - 10 * 60_000).toISOString();
  const end = new Date(Date.now() + 2 * 60 * 60_000).toISOString();
  const created = await request.post('/api/events', {
    headers: auth,
    data: {
      kind: 'roadshow',
      format: 'hybrid',
      title: { en: options.title },
      startsAt: start,
      endsAt: end,
      timeZone: 'Asia/Shanghai',
    },
  });
  expect(created.status()).toBe(201);
  const eventId = ((await created.json()) as { id: string }).id;
  const session = await request.post(`/api/events/${eventId}/sessions`, {
    headers: auth,
    data: { title: { en: options.sessionTitle }, kind: 'pitch', startsAt: start, endsAt: end },
  });
  expect(session.status()).toBe(201);
  const sessionId = ((await session.json()) as { id: string }).id;
  expect((await request.post(`/api/events/${eventId}/publish`, { headers: auth })).status()).toBe(200);
  if (options.registerToken) {
    const registered = await request.post(`/api/events/${eventId}/registrations`, {
      headers: { Authorization: `Bearer ${options.registerToken}` },
    });
    expect(registered.status()).toBe(201);
  }
  return { eventId, sessionId };
}

/**
 * Sends chat messages into a live room from outside the browser (a second client of the same
 * socket API), e.g. to make a room busier than one join snapshot (50 messages). Backs off when
 * the server's rate limit says so and resends with the same client id.
 */
export async function sendChatMessages(baseURL: string, token: string, room: string, texts: string[]): Promise<void> {
  const socket = io(`${baseURL}/live`, { path: '/socket.io', auth: { token }, transports: ['websocket'] });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const joined = (await socket.timeout(10_000).emitWithAck('room:join', { room })) as { ok: boolean };
    expect(joined.ok).toBe(true);
    for (const [index, text] of texts.entries()) {
      const clientMsgId = `burst-${index}-${uniqueTag()}`;
      for (;;) {
        const reply = (await socket.timeout(10_000).emitWithAck('chat:send', { room, text, clientMsgId })) as {
          ok: boolean;
          error?: { code: string };
        };
        if (reply.ok) break;
        expect(reply.error?.code).toBe('RATE_LIMITED');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    socket.disconnect();
  }
}
