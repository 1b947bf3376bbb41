/**
 * Organisers import firms from CSV: every bad row is listed and nothing is imported; a clean file
 * imports all. In Korean and Chinese the problems are all in that language, column names included.
 */
import { expect, test } from './fixtures';
import { logIn, ORGANISER, uniqueTag } from './helpers';

const HEADER =
  'name_zh,name_ko,name_en,country,sector,offers,needs,description_zh,description_ko,description_en,website';

test('CSV import lists bad rows, then imports a clean file', async ({ page }) => {
  const tag = uniqueTag();
  await logIn(page, ORGANISER, '/companies/import');
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

/** The UI in Korean and in Chinese: how each names the import page's controls and the refused columns. */
const TRANSLATED_UIS = [
  {
    language: '한국어',
    lang: 'ko-KR',
    file: 'CSV 파일',
    submit: '등록하기',
    rowsTitle: '아무것도 등록되지 않았습니다. 다음 행을 수정하세요.',
    // Each row number, then each refused column by its translated name and the language's separator.
    rows: ['2행: ', '3행: ', '4행: '],
    columns: ['기업명: ', '업종: ', '국가/지역: ', '제공할 수 있는 것: ', '웹사이트: '],
  },
  {
    language: '中文',
    lang: 'zh-CN',
    file: 'CSV 文件',
    submit: '开始导入',
    rowsTitle: '未导入任何数据，请修改以下各行：',
    rows: ['第 2 行：', '第 3 行：', '第 4 行：'],
    columns: ['企业名称：', '所属行业：', '国家/地区：', '我们能提供：', '官方网站：'],
  },
];

/** ASCII words a translated problem may contain: the URL schemes the website message names. */
const ALLOWED_ASCII_WORDS = ['http', 'https'];

for (const ui of TRANSLATED_UIS) {
  test(`CSV import problems are shown wholly in ${ui.lang}, column names included`, async ({ page }) => {
    await logIn(page, ORGANISER, '/companies/import');
    await page
      .getByRole('group', { name: /Interface language|界面语言|화면 언어/ })
      .getByRole('button', { name: ui.language })
      .click();
    await expect(page.locator('html')).toHaveAttribute('lang', ui.lang);

    // Row 2: no name, an unknown sector. Row 3: an unknown country, an over-long offer, not a web
    // address. Row 4: too few cells. Only the problems are read below (not the page's English CSV
    // example), and none of them repeats a cell, so any English there is the app's or the API's.
    const longOffer = 'x'.repeat(120);
    await page.getByLabel(ui.file, { exact: true }).setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${HEADER}\n,,,KR,no_such_sector,,,,,,\n` +
          `,,Acme Trading,XX,retail,${longOffer};fine offer,buyers,,,,ftp://not-a-website\n` +
          `,,Acme Two,KR,retail\n`,
      ),
    });
    await page.getByRole('button', { name: ui.submit, exact: true }).click();

    const problems = page.getByRole('alert');
    await expect(problems).toContainText(ui.rowsTitle);
    const rows = problems.getByRole('listitem');
    await expect(rows).toHaveCount(3);
    for (const [index, row] of ui.rows.entries()) await expect(rows.nth(index)).toContainText(row);
    for (const column of ui.columns) await expect(problems).toContainText(column);

    // Nothing in English: not the API's summaries ("name must be …"), not English labels or codes.
    const text = await problems.innerText();
    for (const english of ['Row', 'required', 'must', 'invalid', 'Company name', 'Sector', 'sector', 'offers']) {
      expect(text).not.toContain(english);
    }
    const asciiWords = text.match(/[A-Za-z]{2,}/g) ?? [];
    expect(asciiWords.filter((word) => !ALLOWED_ASCII_WORDS.includes(word))).toEqual([]);
  });
}
