/** Organisers import firms from CSV: every bad row is listed and nothing is imported; a clean file imports all. */
import { expect, test, type Page } from '@playwright/test';
import { uniqueTag } from './helpers';

// The organiser account the API creates at start-up outside production (documented dev defaults).
const ORGANISER = { email: 'organiser@living-room.local', password: 'living-room-2020' };
const HEADER =
  'name_zh,name_ko,name_en,country,sector,offers,needs,description_zh,description_ko,description_en,website';

async function logInAsOrganiser(page: Page) {
  await page.goto('/login?next=/companies/import');
  await page.getByLabel('Email', { exact: true }).fill(ORGANISER.email);
  await page.getByLabel('Password', { exact: true }).fill(ORGANISER.password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  // Logged in once the app has followed ?next= (and adopted the account's saved language).
  await expect(page).toHaveURL((url) => url.pathname === '/companies/import');
}

test('CSV import lists bad rows, then imports a clean file', async ({ page }) => {
  const tag = uniqueTag();
  await logInAsOrganiser(page);
  // The organiser's saved language may differ from the browser's; use English for the assertions.
  await page
    .getByRole('group', { name: /Interface language|界面语言|화면 언어/ })
    .getByRole('button', { name: 'English' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import companies from CSV' })).toBeVisible();

  const file = page.getByLabel('CSV file', { exact: true });
  await file.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${HEADER}\n,,Good Co ${tag},KR,retail,a;b,c,,,,\n,,,KR,no_such_sector,,,,,,\n`),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const problems = page.getByRole('alert');
  await expect(problems).toContainText('Nothing was imported. Please fix these rows:');
  await expect(problems.getByRole('listitem')).toHaveCount(1);
  await expect(problems.getByRole('listitem').first()).toContainText('Row 3:');
  // Each column's problem comes as a code, shown with the column's translated name (name and sector both wrong).
  await expect(problems.getByRole('listitem').first()).toContainText('Company name:');
  await expect(problems.getByRole('listitem').first()).toContainText('Sector: Please choose a sector from the list.');

  // A fresh page for the clean file, as after fixing the spreadsheet.
  await page.reload();
  await file.setInputFiles({
    name: 'good.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `${HEADER}\n韩源新零售 ${tag},한원 신유통 ${tag},Hanyuan New Retail ${tag},KR,retail,weekend warehouse,distributors,,,,\n` +
        `,,Qingdao Cold Chain ${tag},CN,logistics,cold-chain warehousing,,,,,https://example.com\n`,
    ),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('2 companies imported.')).toBeVisible();

  // The imported firms are in the directory; the English-only one is marked as shown in English.
  await page.goto(`/companies?q=${tag}`);
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '한국어' }).click();
  const rows = page.getByRole('table').getByRole('row').filter({ hasText: tag });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `한원 신유통 ${tag}` })).toHaveCount(1);
  const englishOnly = rows.filter({ hasText: `Qingdao Cold Chain ${tag}` });
  await expect(englishOnly.getByRole('note', { name: '영어로 표시됨 (한국어 내용 없음)' })).toHaveText('EN');
});
