/** API errors reach the user translated: an error code in Chinese, a server field message on its field. */
import { expect, test } from './fixtures';
import { acceptConsentsOnSignUp, uniqueTag } from './helpers';

test('a taken email is reported in the interface language', async ({ page, request }) => {
  const email = `taken-${uniqueTag()}@example.com`;
  const created = await request.post('/api/auth/register', {
    data: { email, password: 'correct-horse-battery', displayName: 'First' },
  });
  expect(created.status()).toBe(201);

  await page.goto('/signup');
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '创建账号' })).toBeVisible();
  await page.getByLabel('电子邮箱', { exact: true }).fill(email);
  await page.getByLabel('密码', { exact: true }).fill('correct-horse-battery');
  await page.getByLabel('显示名称', { exact: true }).fill('Second');
  await acceptConsentsOnSignUp(page);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('该邮箱已注册。');
  await expect(page).toHaveURL(/\/signup$/);
});

test('wrong credentials show a translated message, not the server text', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(`nobody-${uniqueTag()}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Please log in again.');
});
