import { parseCompaniesCsv } from './company-csv';

const header =
  'name_zh,name_ko,name_en,country,sector,offers,needs,description_zh,description_ko,description_en,website';

describe('parseCompaniesCsv', () => {
  it('reads quoted cells, ; separated lists, a BOM and CRLF line ends', async () => {
    const { rows, problems } = await parseCompaniesCsv(
      `\uFEFF${header}\r\n"韩源,新零售",한원,,kr,retail," a ; b ;",c,,,,\r\n`,
    );
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: { zh: '韩源,新零售', ko: '한원' },
      country: 'KR',
      offers: ['a', 'b'],
      needs: ['c'],
    });
  });

  it('reports row numbers as a spreadsheet shows them', async () => {
    const { problems } = await parseCompaniesCsv(`${header}\nok,,,KR,retail,,,,,,\nbad,,,KR,nope,,,,,,\nshort,row`);
    expect(problems).toEqual([
      { row: 3, reason: expect.stringContaining('sector'), fieldErrors: { sector: { code: 'sectorCode' } } },
      {
        row: 4,
        reason: 'has 2 cells, the header has 11',
        fieldErrors: { _row: { code: 'cellCount', params: { cells: 2, expected: 11 } } },
      },
    ]);
  });

  it('refuses broken CSV and empty files', async () => {
    expect((await parseCompaniesCsv('')).problems[0]).toEqual({
      row: 1,
      reason: 'the file is empty',
      fieldErrors: { _row: { code: 'fileEmpty' } },
    });
    expect((await parseCompaniesCsv(`${header}\n"unterminated,KR`)).problems[0].reason).toMatch(/not a valid CSV/);
  });
});
