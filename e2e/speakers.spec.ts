/**
 * A promoter (not the organiser) picks a session's speaker by typing part of the person's name:
 * the option shows the person's firm, not their email; the public agenda then names the speaker.
 */
import { expect, test } from './fixtures';
import { createMember, logIn, organiserToken, publishedEventWithSession, switchToEnglish, uniqueTag } from './helpers';

test('a promoter finds a speaker by name and puts them on the agenda', async ({ page, request }) => {
  const tag = uniqueTag();
  const speaker = await createMember(request, `최민준 Choi Min-jun ${tag}`);
  const firm = `Hanbit Cold Chain ${tag}`;
  const company = await request.post('/api/companies', {
    headers: { Authorization: `Bearer ${speaker.token}` },
    data: {
      name: { en: firm, ko: `한빛콜드체인 ${tag}` },
      country: 'KR',
      sector: 'logistics',
      offers: ['cold-chain logistics'],
      needs: ['bonded warehouses'],
    },
  });
  expect(company.status()).toBe(201);
  const promoter = await createMember(request, `Promoter ${tag}`, 'Asia/Shanghai');
  const promoted = await request.patch(`/api/users/${promoter.id}/role`, {
    headers: { Authorization: `Bearer ${await organiserToken(request)}` },
    data: { role: 'promoter' },
  });
  expect(promoted.status()).toBe(200);
  const sessionTitle = `Cold-chain pitch ${tag}`;
  const { eventId } = await publishedEventWithSession(request, { title: `Roadshow ${tag}`, sessionTitle });

  await logIn(page, promoter, `/console/events/${eventId}`);
  await switchToEnglish(page);
  await page.getByRole('button', { name: `Edit session ${sessionTitle}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit session' });
  const speakers = dialog.getByLabel('Speakers', { exact: true });
  await speakers.click();
  await speakers.fill(`Min-jun ${tag}`);
  // antd keeps an accessible listbox with the options; the search runs on the server.
  const listbox = page.locator(`#${await speakers.getAttribute('aria-controls')}`);
  const label = `${speaker.displayName} · ${firm}`;
  await expect(listbox.getByRole('option', { name: label, exact: true })).toBeAttached();
  await expect(listbox.getByRole('option', { name: new RegExp(speaker.email) })).toHaveCount(0);
  await speakers.press('Enter');
  await expect(
    speakers
      .locator('xpath=ancestor::div[contains(@class,"ant-select-selector")]')
      .locator('.ant-select-selection-item'),
  ).toHaveText(label);
  await dialog.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByText('Session saved.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: sessionTitle })).toContainText(speaker.displayName);

  await page.goto(`/events/${eventId}`);
  await expect(page.getByRole('listitem').filter({ hasText: sessionTitle })).toContainText(speaker.displayName);
});
