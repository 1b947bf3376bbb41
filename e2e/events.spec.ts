/**
 * Events end to end: an organiser plans a forum on Shanghai's clock from a browser in Seoul, a
 * member in Seoul sees the agenda on both clocks (09:00 Shanghai is 10:00 in Seoul), registers and
 * gets a badge; the organiser checks the badge in by typing its code and the counts follow.
 */
import { expect, test } from './fixtures';
import { chooseOption, createMember, logIn, ORGANISER, switchToEnglish, uniqueTag } from './helpers';

test('a Shanghai forum reads 10:00 in Seoul; register, get a badge, be checked in', async ({ browser, request }) => {
  // Two people in two browsers walk through the whole journey: more than the default minute.
  test.setTimeout(150_000);
  const tag = uniqueTag();
  const title = `Qingdao–Korea Forum ${tag}`;
  const sessionTitle = `Opening keynote ${tag}`;
  const member = await createMember(request, `Park Ji-woo ${tag}`, 'Asia/Seoul');

  // --- The organiser creates the event in Asia/Shanghai (the browser itself is in Asia/Seoul) ---
  const organiserContext = await browser.newContext();
  const organiser = await organiserContext.newPage();
  await logIn(organiser, ORGANISER, '/console');
  await switchToEnglish(organiser);
  await organiser.getByRole('link', { name: 'New event' }).click();
  await expect(organiser.getByRole('heading', { level: 1, name: 'New event' })).toBeVisible();

  const titleTabs = organiser.getByRole('group', { name: 'Title: languages' });
  await titleTabs.getByRole('tab', { name: /English/ }).click();
  await organiser.getByLabel('Title in English', { exact: true }).fill(title);
  await chooseOption(
    organiser,
    organiser.getByLabel('Event time zone', { exact: true }),
    'Asia/Shanghai',
    'Shanghai · Asia/Shanghai (GMT+8)',
  );
  const starts = organiser.getByLabel('Starts', { exact: true });
  await starts.fill('2031-03-12 09:00');
  await starts.press('Tab');
  // The picker reads the typed time back on the event's clock, whatever the browser's zone (Seoul).
  await expect(organiser.getByText('Wed, Mar 12, 2031, 09:00 (Shanghai)', { exact: true })).toBeVisible();
  const ends = organiser.getByLabel('Ends', { exact: true });
  await ends.fill('2031-03-12 17:00');
  await ends.press('Tab');
  await organiser.getByRole('button', { name: 'Create draft' }).click();
  await expect(organiser.getByText('Draft created. Now add the agenda.')).toBeVisible();
  await expect(organiser.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const eventId = new URL(organiser.url()).pathname.split('/').pop()!;

  // --- A session at 09:00 Shanghai time ---
  await organiser.getByRole('button', { name: 'Add session' }).click();
  const dialog = organiser.getByRole('dialog', { name: 'Add a session' });
  await dialog
    .getByRole('group', { name: 'Session title: languages' })
    .getByRole('tab', { name: /English/ })
    .click();
  await dialog.getByLabel('Session title in English', { exact: true }).fill(sessionTitle);
  const sessionStart = dialog.getByLabel('Starts', { exact: true });
  await sessionStart.fill('2031-03-12 09:00');
  await sessionStart.press('Tab');
  const sessionEnd = dialog.getByLabel('Ends', { exact: true });
  await sessionEnd.fill('2031-03-12 09:45');
  await sessionEnd.press('Tab');
  await dialog.getByRole('button', { name: 'Save session' }).click();
  await expect(organiser.getByText('Session added.')).toBeVisible();
  const sessionRow = organiser.getByRole('row').filter({ hasText: sessionTitle });
  // The organiser's own zone is Shanghai: one clock.
  await expect(sessionRow).toContainText('09:00–09:45 (Shanghai)');

  // --- Publish ---
  const status = organiser.getByRole('group', { name: 'Event status' });
  await expect(status).toContainText('Draft');
  await status.getByRole('button', { name: 'Publish' }).click();
  await expect(status).toContainText('Published');

  // --- The member in Seoul finds it and reads both clocks ---
  const memberContext = await browser.newContext();
  const page = await memberContext.newPage();
  await logIn(page, member, '/events');
  // A member reads the public agenda without the token, so the server can answer from its cache.
  const agendaRequest = page.waitForRequest((r) => new URL(r.url()).pathname === `/api/events/${eventId}/agenda`);
  await page.getByRole('link', { name: title }).click();
  expect((await agendaRequest).headers().authorization).toBeUndefined();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const agendaItem = page.getByRole('listitem').filter({ hasText: sessionTitle });
  await expect(agendaItem).toContainText('09:00–09:45 (Shanghai) · 10:00–10:45 your time (Seoul)');
  await expect(agendaItem.locator('time')).toHaveAttribute('datetime', '2031-03-12T01:00:00.000Z');
  // "Add to calendar" gets the agenda in the interface language.
  await expect(page.getByRole('link', { name: 'Add to calendar' })).toHaveAttribute(
    'href',
    `/api/events/${eventId}/agenda.ics?lang=en`,
  );

  // --- Register and get the badge ---
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByText('You are registered.')).toBeVisible();
  const badgeCode = (await page.getByTestId('badge-code').textContent())!.trim();
  expect(badgeCode).toMatch(/^[A-Z0-9-]{6,}$/);
  await expect(page.getByRole('img', { name: `QR code of badge ${badgeCode}` })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download badge (PNG)' }).click();
  expect((await download).suggestedFilename()).toBe(`badge-${badgeCode}.png`);

  // --- The organiser checks the badge in by typing its code ---
  await organiser.getByRole('link', { name: 'Check-in desk' }).click();
  await expect(organiser.getByRole('heading', { level: 1, name: 'Check-in desk' })).toBeVisible();
  const registered = organiser.locator('.ant-statistic').filter({ hasText: 'Registered' });
  const checkedIn = organiser.locator('.ant-statistic').filter({ hasText: 'Checked in' });
  await expect(registered).toHaveText(/Registered\s*1$/);
  await expect(checkedIn).toHaveText(/Checked in\s*0$/);

  const code = organiser.getByLabel('Badge code', { exact: true });
  await code.fill('NOPE-0000');
  await code.press('Enter');
  await expect(organiser.getByRole('alert')).toContainText('No registration with the code NOPE-0000 for this event.');

  // Typed the way a person reads it off a phone: lower case.
  await code.fill(badgeCode.toLowerCase());
  await code.press('Enter');
  await expect(organiser.getByRole('alert')).toContainText(`Checked in: ${member.displayName}`);
  await expect(checkedIn).toHaveText(/Checked in\s*1$/);
  await expect(code).toBeFocused();

  await code.fill(badgeCode);
  await code.press('Enter');
  await expect(organiser.getByRole('alert')).toContainText(`Already checked in: ${member.displayName}`);
  await expect(checkedIn).toHaveText(/Checked in\s*1$/);

  // The member's badge now says so too.
  await page.reload();
  await expect(page.getByText(/^Checked in: /)).toBeVisible();

  await organiserContext.close();
  await memberContext.close();
});
