/**
 * Deals end to end: (a) a promoter opens a deal between two firms on the deal board, drags it to
 * MoU (a drop on "Signed" is refused with the reason), books its signing meeting from the common
 * free times of an event with fixed future dates, opens the signing meeting and signs: the deal
 * shows Signed; (b) a firm's member sees only their own firm's deals; (c) a meeting where a side
 * intends to sign becomes a deal in one click.
 */
import { expect, test, type APIRequestContext, type Locator, type Page } from './fixtures';
import {
  chooseOption,
  createMember,
  currentConsent,
  logIn,
  organiserToken,
  switchToEnglish,
  uniqueTag,
} from './helpers';

type Auth = { Authorization: string };

async function post<T>(request: APIRequestContext, auth: Auth, path: string, data?: object): Promise<T> {
  const response = await request.post(path, { headers: auth, data });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** A firm made by (and joined by) a new member. */
async function firm(
  request: APIRequestContext,
  name: string,
  country: string,
): Promise<{ companyId: string; email: string; password: string; token: string }> {
  const account = { email: `firm-${uniqueTag()}@example.com`, password: 'correct-horse-battery', displayName: name };
  const registered = await request.post('/api/auth/register', {
    data: { ...account, locale: 'en', timeZone: 'Asia/Seoul', consent: await currentConsent(request) },
  });
  expect(registered.status()).toBe(201);
  const { accessToken } = (await registered.json()) as { accessToken: string };
  const company = await post<{ id: string }>(request, { Authorization: `Bearer ${accessToken}` }, '/api/companies', {
    name: { en: name, ko: name, zh: name },
    country,
    sector: 'retail',
    offers: [],
    needs: [],
  });
  return { companyId: company.id, email: account.email, password: account.password, token: accessToken };
}

async function promoter(request: APIRequestContext, auth: Auth, name: string) {
  const account = await createMember(request, name);
  const promoted = await request.patch(`/api/users/${account.id}/role`, { headers: auth, data: { role: 'promoter' } });
  expect(promoted.status()).toBe(200);
  return account;
}

/** A column of the deal board (a region named by its stage and count). */
function column(page: Page, stage: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${stage}\\b`) });
}

function card(scope: Page | Locator, title: string): Locator {
  return scope.getByRole('article', { name: `Deal: ${title}` });
}

/** An event with fixed future dates (Seoul's clock): signing times lie within its window. */
async function signingEvent(request: APIRequestContext, auth: Auth, title: string): Promise<string> {
  const { id } = await post<{ id: string }>(request, auth, '/api/events', {
    kind: 'roadshow',
    format: 'hybrid',
    title: { en: title },
    startsAt: '2030-06-24T09:00:00+09:00',
    endsAt: '2030-06-24T12:00:00+09:00',
    timeZone: 'Asia/Seoul',
  });
  await post(request, auth, `/api/events/${id}/publish`);
  return id;
}

test('a promoter opens a deal on the board, drags it to MoU, books its cloud signing and signs it', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const tag = uniqueTag();
  const auth = { Authorization: `Bearer ${await organiserToken(request)}` };
  const hanyuan = await firm(request, `Hanyuan ${tag}`, 'KR');
  const zhongrui = await firm(request, `Zhongrui ${tag}`, 'CN');
  const me = await promoter(request, auth, `Promoter ${tag}`);
  const eventTitle = `Qingdao signing day ${tag}`;
  const eventId = await signingEvent(request, auth, eventTitle);
  const title = `Cold chain joint venture ${tag}`;

  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, me, '/deals/board');
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Deal board' })).toBeVisible();

  // --- A new deal between the two firms ---
  await page.getByRole('button', { name: 'New deal' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deal' });
  await chooseOption(
    page,
    dialog.getByRole('combobox', { name: 'First firm' }),
    `Hanyuan ${tag}`,
    `Hanyuan ${tag} (KR)`,
  );
  await chooseOption(
    page,
    dialog.getByRole('combobox', { name: 'Second firm' }),
    `Zhongrui ${tag}`,
    `Zhongrui ${tag} (CN)`,
  );
  await dialog.getByRole('tab', { name: /English/ }).click();
  await dialog.getByLabel('Title in English').fill(title);
  await dialog.getByLabel('Amount', { exact: true }).fill('2500000.50');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const followUp = column(page, 'Follow-up');
  const created = card(followUp, title);
  await expect(created).toBeVisible();
  await expect(created).toContainText(`Hanyuan ${tag}`);
  await expect(created).toContainText(`Zhongrui ${tag}`);
  await expect(created).toContainText('US$2,500,000.50');
  // The promoter who opened it owns it (and will witness its signing).
  await expect(created).toContainText('Owner (witness)You');

  // --- Signed takes no drop: it is reached only by signing ---
  await created.dragTo(column(page, 'Signed'));
  await expect(page.getByText('Signed only by signing the agreement at the signing meeting.').last()).toBeVisible();
  await expect(card(followUp, title)).toBeVisible();

  // --- Drag it to MoU, with a note for the history ---
  await card(followUp, title).dragTo(column(page, 'MoU'));
  const move = page.getByRole('dialog', { name: 'Move to MoU' });
  await move.getByLabel('Note (optional)').fill(`Memorandum signed in Qingdao ${tag}`);
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(move).toBeHidden();
  const moved = card(column(page, 'MoU'), title);
  await expect(moved).toBeVisible();
  await expect(card(followUp, title)).toHaveCount(0);

  // --- The keyboard's way: the card's stage select, where Signed is disabled ---
  await moved.getByRole('combobox', { name: `Stage of ${title}` }).focus();
  await page.keyboard.press('ArrowDown');
  const signedOption = page.getByRole('option', { name: /^Signed — / });
  await expect(signedOption).toHaveClass(/ant-select-item-option-disabled/);
  await expect(signedOption).toHaveAttribute('title', 'Signed only by signing the agreement at the signing meeting.');
  await page.keyboard.press('Escape');

  // --- The deal's page: the history with the note, then the common free times ---
  await moved.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText(`Memorandum signed in Qingdao ${tag}`)).toBeVisible();
  await expect(history.getByText('MoU', { exact: true })).toBeVisible();

  await chooseOption(page, page.getByRole('combobox', { name: 'Event', exact: true }), eventTitle);
  const times = page.getByRole('region', { name: 'Common free times' });
  const day = times.getByRole('group', { name: /^Free times on / });
  // Both clocks on every start: Seoul's and Shanghai's.
  const first = day.getByRole('button').first();
  await expect(first).toContainText('(Seoul)');
  await expect(first).toContainText('(Shanghai)');
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('radio', { name: /^Cloud/ }).check();
  await page.getByRole('button', { name: 'Book the signing meeting' }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/signing-meetings/'));
  const signingPath = new URL(page.url()).pathname;

  // --- The signing meeting: terms in three languages, the hash, and Sign waiting for both firms ---
  await expect(page.getByRole('heading', { level: 1, name: `Signing: ${title}` })).toBeVisible();
  await expect(page.getByTestId('terms-sha')).toHaveText(/^[0-9a-f]{64}$/);
  const sign = page.getByRole('button', { name: 'Sign', exact: true });
  await expect(sign).toBeDisabled();
  await expect(
    page.getByText('Both firms must confirm the terms on their own devices before a cloud signing can be signed.'),
  ).toBeVisible();
  // No LiveKit here: the video room says video is off instead of showing a broken room.
  await expect(page.getByRole('status').filter({ hasText: 'Video is off on this server.' })).toBeVisible();

  // --- Each firm's representative confirms on their own device (the hash computed in their browser) ---
  for (const party of [hanyuan, zhongrui]) {
    const device = await browser.newContext();
    const phone = await device.newPage();
    await logIn(phone, party, signingPath);
    await switchToEnglish(phone);
    await expect(phone.getByTestId('terms-sha')).toHaveText(/^[0-9a-f]{64}$/);
    await phone.getByRole('button', { name: 'Confirm on this device' }).click();
    await expect(phone.getByRole('region', { name: 'Confirmations' })).toContainText('Confirmed by you');
    await device.close();
  }

  // --- The witness signs; the deal is signed and the event's tally counts it ---
  await page.reload();
  // Each confirmation names the member who gave it (their display name is their firm's here).
  const confirmations = page.getByRole('region', { name: 'Confirmations' });
  for (const name of [`Hanyuan ${tag}`, `Zhongrui ${tag}`]) {
    await expect(confirmations.getByText(`Confirmed by ${name}`, { exact: true })).toBeVisible();
  }
  await expect(sign).toBeEnabled();
  await sign.click();
  await expect(page.getByRole('status').filter({ hasText: 'This agreement is signed.' })).toBeVisible();
  await page.getByRole('link', { name: '← The deal' }).click();
  await expect(page.locator('.deal-facts').getByText('Signed', { exact: true })).toBeVisible();
  const tally = await request.get(`/api/events/${eventId}/tally`, { headers: auth });
  expect(tally.status()).toBe(200);
  expect(((await tally.json()) as { signedCount: number }).signedCount).toBe(1);
  await context.close();
});

test("a firm's member sees only their own firm's deals", async ({ browser, request }) => {
  const tag = uniqueTag();
  const auth = { Authorization: `Bearer ${await organiserToken(request)}` };
  const mine = await firm(request, `Daewoo Foods ${tag}`, 'KR');
  const partner = await firm(request, `Laoshan Water ${tag}`, 'CN');
  const otherA = await firm(request, `Hansung ${tag}`, 'KR');
  const otherB = await firm(request, `Jiaozhou ${tag}`, 'CN');
  await post(request, auth, '/api/deals', {
    title: { en: `Our deal ${tag}` },
    companyIds: [mine.companyId, partner.companyId],
  });
  await post(request, auth, '/api/deals', {
    title: { en: `Their deal ${tag}` },
    companyIds: [otherA.companyId, otherB.companyId],
  });

  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, mine, '/deals');
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1, name: 'My deals' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: `Our deal ${tag}` });
  await expect(row).toContainText(`Laoshan Water ${tag}`);
  await expect(row).toContainText('Follow-up');
  await expect(page.getByText(`Their deal ${tag}`)).toHaveCount(0);
  // The board is the promoters': a member has no entry to it.
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deal board' }),
  ).toHaveCount(0);
  await context.close();
});

test('a meeting where a side intends to sign becomes a deal in one click', async ({ browser, request }) => {
  const tag = uniqueTag();
  const auth = { Authorization: `Bearer ${await organiserToken(request)}` };
  // A meeting under way (it started two minutes ago), so that feedback is open.
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 60_000);
  const end = new Date(start.getTime() + 30 * 60_000);
  const { id: eventId } = await post<{ id: string }>(request, auth, '/api/events', {
    kind: 'matchmaking',
    format: 'hybrid',
    title: { en: `Deal matchmaking ${tag}` },
    startsAt: new Date(start.getTime() - 60 * 60_000).toISOString(),
    endsAt: new Date(start.getTime() + 6 * 60 * 60_000).toISOString(),
    timeZone: 'Asia/Shanghai',
  });
  await post(request, auth, `/api/events/${eventId}/publish`);
  const [slot] = await post<{ id: string }[]>(request, auth, `/api/events/${eventId}/slots`, {
    slots: [{ startsAt: start.toISOString(), endsAt: end.toISOString() }],
  });
  const [table] = await post<{ id: string }[]>(request, auth, `/api/events/${eventId}/tables`, {
    tables: [{ label: `T${tag}`, kind: 'physical' }],
  });
  const korean = await firm(request, `Hanwon ${tag}`, 'KR');
  const chinese = await firm(request, `Zhongrui ${tag}`, 'CN');
  for (const f of [korean, chinese]) {
    const response = await request.put(`/api/events/${eventId}/participants/${f.companyId}`, {
      headers: auth,
      data: { attendance: 'onsite', availableSlotIds: [slot.id] },
    });
    expect(response.status()).toBe(200);
  }
  const { id: requestId } = await post<{ id: string }>(request, auth, `/api/events/${eventId}/meeting-requests`, {
    fromCompanyId: korean.companyId,
    toCompanyId: chinese.companyId,
  });
  await post(request, auth, `/api/meeting-requests/${requestId}/accept`);
  const meeting = await post<{ id: string }>(request, auth, `/api/events/${eventId}/meetings`, {
    requestId,
    slotId: slot.id,
    tableId: table.id,
  });
  await post(request, { Authorization: `Bearer ${korean.token}` }, `/api/meetings/${meeting.id}/feedback`, {
    rating: 5,
    outcome: 'intent_to_sign',
  });

  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, korean, `/meetings/${meeting.id}`);
  await switchToEnglish(page);
  await page.getByRole('button', { name: 'Start a deal' }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/deals/'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Hanwon ${tag}`);
  await expect(page.getByRole('link', { name: 'The meeting it came from' })).toBeVisible();
  await expect(page.locator('.deal-facts').getByText('Follow-up', { exact: true })).toBeVisible();
  await context.close();
});
