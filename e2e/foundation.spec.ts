/**
 * The foundation journey: a new firm signs up, creates its trilingual profile, switches the
 * interface to Korean and finds itself in the directory under its Korean name.
 */
import { expect, test } from './fixtures';
import { acceptConsentsOnSignUp, chooseOption, selectionOf, uniqueTag } from './helpers';

test('sign up, create a trilingual company, switch to Korean and find it in the directory', async ({ page }) => {
  const tag = uniqueTag();
  const names = {
    en: `Hanyuan Beauty ${tag}`,
    zh: `韩源美妆 ${tag}`,
    ko: `한원 뷰티 ${tag}`,
  };

  // --- Sign up (the browser speaks English, so the UI starts in English) ---
  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(`e2e-${tag}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Display name', { exact: true }).fill('Kim Min-jun');
  // The browser's time zone (Asia/Seoul in this test) is proposed.
  await expect(selectionOf(page.getByLabel('Time zone', { exact: true }))).toContainText('Asia/Seoul');
  await acceptConsentsOnSignUp(page);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(page.getByText('The password must be at least 10 characters long.')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();

  // --- Create the company profile ---
  await expect(page).toHaveURL(/\/my-company$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Create your company profile' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Kim Min-jun/ })).toBeVisible();

  const nameTabs = page.getByRole('group', { name: 'Company name: languages' });
  // Submitting without a name shows the "at least one language" rule.
  await page.getByRole('button', { name: 'Create company' }).click();
  await expect(page.getByText('Enter the company name in at least one language.')).toBeVisible();

  await nameTabs.getByRole('tab', { name: /English/ }).click();
  await page.getByLabel('Company name in English', { exact: true }).fill(names.en);
  await nameTabs.getByRole('tab', { name: /中文/ }).click();
  await page.getByLabel('Company name in Chinese', { exact: true }).fill(names.zh);
  await nameTabs.getByRole('tab', { name: /한국어/ }).click();
  await page.getByLabel('Company name in Korean', { exact: true }).fill(names.ko);

  await chooseOption(page, page.getByLabel('Country or region', { exact: true }), 'South Korea');
  await chooseOption(page, page.getByLabel('Sector', { exact: true }), 'Cosmetics', 'Cosmetics and beauty');
  const offers = page.getByLabel('What we offer', { exact: true });
  await offers.fill('cosmetics OEM');
  await offers.press('Enter');

  await page.getByRole('button', { name: 'Create company' }).click();
  await expect(page.getByText('Company created.')).toBeVisible();
  // A member who creates a company joins it: the page turns into the edit form.
  await expect(page.getByRole('heading', { level: 1, name: 'My company' })).toBeVisible();

  // --- Switch the interface to Korean (saved to the account) ---
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '한국어' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole('group', { name: '화면 언어' }).getByRole('button', { name: '한국어' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko-KR');
  await expect(page.getByRole('heading', { level: 1, name: '내 기업' })).toBeVisible();
  await expect(page.getByRole('link', { name: '국제 응접실' })).toBeVisible();
  await expect(page.getByText('국가/지역', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '변경 사항 저장' })).toBeVisible();
  // Reference data follows the language too: the country is now shown in Korean.
  await expect(selectionOf(page.getByLabel('국가/지역', { exact: true }))).toHaveText('대한민국');
  await expect(selectionOf(page.getByLabel('업종', { exact: true }))).toHaveText('화장품·뷰티');

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '내 기업' })).toBeVisible();

  // --- Find the company in the directory ---
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '기업 디렉터리' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '기업 디렉터리' })).toBeVisible();
  await chooseOption(page, page.getByLabel('국가/지역', { exact: true }), '대한민국');
  const keywords = page.getByLabel('키워드', { exact: true });
  await keywords.fill(tag);
  await keywords.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(page).toHaveURL(/country=KR/);

  const table = page.getByRole('table');
  const rows = table.getByRole('row').filter({ hasText: tag });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(names.ko);
  await expect(rows.first()).not.toContainText(names.en);
  await expect(rows.first()).toContainText('화장품·뷰티');
  await expect(page.getByText('기업 1곳')).toBeVisible();

  // --- Detail drawer, in Korean ---
  await rows.first().getByRole('button', { name: names.ko }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText(names.ko).first()).toBeVisible();
  await expect(drawer).toContainText('대한민국');
  await expect(drawer).toContainText('cosmetics OEM');
  await drawer.press('Escape');
  await expect(drawer).toBeHidden();
});
