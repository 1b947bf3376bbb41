/**
 * Personal data in the person's hands: sign up with consent to the privacy policy, download my data
 * (a JSON file with my email), delete my account, and then I cannot log in; someone registered
 * elsewhere without consent is asked for it after signing in.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { acceptConsentsOnSignUp, logIn, uniqueTag } from './helpers';

test('sign up with consent, download my data, delete my account, and no longer log in', async ({ page }) => {
  const email = `privacy-${uniqueTag()}@example.com`;
  const password = 'correct-horse-battery';

  // --- Sign up: both consents are required, the policy is one click away ---
  await page.goto('/signup');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Display name', { exact: true }).fill('Park Ji-woo');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(page.getByText('Please accept the privacy policy to create an account.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'privacy policy' })).toHaveAttribute('href', '/privacy');
  await acceptConsentsOnSignUp(page);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(page).toHaveURL(/\/my-company$/);

  // --- Privacy & my data, from the account menu ---
  await page.getByRole('button', { name: /Account menu for Park Ji-woo/ }).click();
  await page.getByRole('menuitem', { name: 'Privacy & my data' }).click();
  await expect(page).toHaveURL(/\/me\/privacy$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy & my data' })).toBeVisible();
  await expect(
    page.getByText(/You accepted version .+ of the privacy policy\. Including the cross-border transfer\./),
  ).toBeVisible();

  // --- Download my data ---
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my data (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^my-data-.+\.json$/);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    account: { email: string; displayName: string };
    consents: { policyVersion: string; scopes: string[] }[];
  };
  expect(exported.account).toMatchObject({ email, displayName: 'Park Ji-woo' });
  expect(exported.consents).toEqual([expect.objectContaining({ scopes: ['processing', 'cross_border'] })]);

  // --- Delete my account: a wrong password first ---
  await page.getByLabel('Your password, to confirm').fill('not-my-password');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The password is not correct.' })).toBeVisible();
  await page.getByLabel('Your password, to confirm').fill(password);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByText('Your account has been deleted.')).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

  // --- The old credentials no longer work ---
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Please log in again.');
  await expect(page).toHaveURL(/\/login/);
});

test('someone registered without consent is asked for it after signing in', async ({ page, request }) => {
  const account = { email: `no-consent-${uniqueTag()}@example.com`, password: 'correct-horse-battery' };
  const registered = await request.post('/api/auth/register', {
    data: { ...account, displayName: 'Outside Client', locale: 'en' },
  });
  expect(registered.status()).toBe(201);

  await logIn(page, account, '/events');
  const dialog = page.getByRole('dialog', { name: 'Our privacy policy' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Read the privacy policy' })).toHaveAttribute('href', '/privacy');
  await dialog.getByRole('button', { name: 'Accept and continue' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Thank you: your consent has been recorded.')).toBeVisible();

  // Recorded: a reload does not ask again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Our privacy policy' })).toHaveCount(0);
});
