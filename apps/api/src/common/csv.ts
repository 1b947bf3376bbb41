/** CSV for spreadsheet programs: UTF-8 with a byte-order mark, so Chinese and Korean text reads right. */
import { stringify } from 'csv-stringify/sync';

export function spreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + stringify(rows as string[][]);
}
