/**
 * CSV import of firms: one row a firm, header names fixed, offers and needs separated by `;`.
 * Every row is checked with the same DTO as the API; the file is imported whole or not at all.
 */
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import type { FieldError, RowError } from '@ilr/shared';
import { toFieldErrors } from '../common/domain-error';
import { fieldProblems } from '../common/validation';
import { CreateCompanyDto } from './dto/companies.dto';

export const CSV_COLUMNS = [
  'name_zh',
  'name_ko',
  'name_en',
  'country',
  'sector',
  'offers',
  'needs',
  'description_zh',
  'description_ko',
  'description_en',
  'website',
] as const;
const REQUIRED = ['country', 'sector'];
export const MAX_CSV_ROWS = 5000;

export type CsvProblem = RowError;

/** A problem of the file or of a row as a whole, under the `_row` key. */
export const rowProblem = (row: number, reason: string, error: FieldError): CsvProblem => ({
  row,
  reason,
  fieldErrors: { _row: error },
});

const tags = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '');

function localized(row: Record<string, string>, prefix: string) {
  const value: Record<string, string> = {};
  for (const lang of ['zh', 'ko', 'en']) {
    const text = row[`${prefix}_${lang}`]?.trim();
    if (text) value[lang] = text;
  }
  return Object.keys(value).length ? value : undefined;
}

/** Row numbers count the header as row 1, as a spreadsheet shows them. */
export async function parseCompaniesCsv(text: string): Promise<{ rows: CreateCompanyDto[]; problems: CsvProblem[] }> {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = `not a valid CSV file: ${(error as Error).message}`;
    return { rows: [], problems: [rowProblem(line ?? 1, reason, { code: 'csvSyntax', params: { line: line ?? 1 } })] };
  }
  if (records.length === 0) return { rows: [], problems: [rowProblem(1, 'the file is empty', { code: 'fileEmpty' })] };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (unknown.length || missing.length) {
    const columns = CSV_COLUMNS.join(', ');
    const problems: CsvProblem[] = [];
    if (unknown.length) {
      const names = unknown.join(', ');
      problems.push(
        rowProblem(1, `unknown column(s): ${names} (columns: ${columns})`, {
          code: 'unknownColumns',
          params: { names, columns },
        }),
      );
    }
    if (missing.length) {
      const names = missing.join(', ');
      problems.push(rowProblem(1, `missing column(s): ${names}`, { code: 'missingColumns', params: { names } }));
    }
    return { rows: [], problems };
  }
  if (records.length - 1 > MAX_CSV_ROWS) {
    const reason = `at most ${MAX_CSV_ROWS} firms per file`;
    return {
      rows: [],
      problems: [rowProblem(MAX_CSV_ROWS + 2, reason, { code: 'tooManyRows', params: { max: MAX_CSV_ROWS } })],
    };
  }

  const rows: CreateCompanyDto[] = [];
  const problems: CsvProblem[] = [];
  for (let i = 1; i < records.length; i++) {
    if (records[i].length !== header.length) {
      const [cells, expected] = [records[i].length, header.length];
      const reason = `has ${cells} cells, the header has ${expected}`;
      problems.push(rowProblem(i + 1, reason, { code: 'cellCount', params: { cells, expected } }));
      continue;
    }
    const cells = Object.fromEntries(header.map((h, j) => [h, records[i][j]]));
    const plain = {
      name: localized(cells, 'name'),
      country: cells.country?.trim().toUpperCase(),
      sector: cells.sector?.trim(),
      offers: tags(cells.offers),
      needs: tags(cells.needs),
      description: localized(cells, 'description'),
      website: cells.website?.trim() || undefined,
    };
    const dto = plainToInstance(CreateCompanyDto, plain);
    const fields = fieldProblems(await validate(dto, { forbidUnknownValues: false }));
    const entries = Object.entries(fields);
    if (entries.length === 0) rows.push(dto);
    else
      problems.push({
        row: i + 1,
        reason: entries.map(([field, { message }]) => `${field} ${message}`).join('; '),
        fieldErrors: toFieldErrors(fields),
      });
  }
  return { rows, problems };
}
