/**
 * CSV import of firms: one row a firm, header names fixed, offers and needs separated by `;`.
 * Every row is checked with the same DTO as the API; the file is imported whole or not at all.
 */
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { flattenValidationErrors } from '../common/validation';
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

export type CsvProblem = { row: number; reason: string };

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
    return { rows: [], problems: [{ row: line ?? 1, reason: `not a valid CSV file: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { rows: [], problems: [{ row: 1, reason: 'the file is empty' }] };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (unknown.length || missing.length) {
    const reason = [
      unknown.length ? `unknown column(s): ${unknown.join(', ')}` : '',
      missing.length ? `missing column(s): ${missing.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return { rows: [], problems: [{ row: 1, reason: `${reason} (columns: ${CSV_COLUMNS.join(', ')})` }] };
  }
  if (records.length - 1 > MAX_CSV_ROWS) {
    return { rows: [], problems: [{ row: MAX_CSV_ROWS + 2, reason: `at most ${MAX_CSV_ROWS} firms per file` }] };
  }

  const rows: CreateCompanyDto[] = [];
  const problems: CsvProblem[] = [];
  for (let i = 1; i < records.length; i++) {
    if (records[i].length !== header.length) {
      problems.push({ row: i + 1, reason: `has ${records[i].length} cells, the header has ${header.length}` });
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
    const fields = flattenValidationErrors(await validate(dto, { forbidUnknownValues: false }));
    const reasons = Object.entries(fields).map(([field, message]) => `${field} ${message}`);
    if (reasons.length) problems.push({ row: i + 1, reason: reasons.join('; ') });
    else rows.push(dto);
  }
  return { rows, problems };
}
