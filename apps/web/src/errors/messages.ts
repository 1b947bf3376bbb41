/**
 * API error → translated text, by code only. Error codes map one-to-one onto `errors.codes.*`
 * (a record over every `ErrorCode` of the catalogue in each locale); field problems come as
 * `{ code, params }` (`details.fieldErrors`, CSV rows' `fieldErrors`) and map onto
 * `errors.field.*` (a record over every `FieldErrorCode`). The API's English texts are never shown.
 */
import type { TFunction } from 'i18next';
import { FIELD_ERROR_CODES, isErrorCode, type FieldErrorCode } from '@ilr/shared';
import { isApiError } from '../api/client';
import type { FieldError, RowError } from '../api/types';
import { en } from '../i18n/locales/en';

/** The code of an API error or of a live room's ack error (`{ code, message }`). */
export function errorCodeOf(error: unknown): string | null {
  if (isApiError(error)) return error.code;
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return null;
}

export function errorMessage(t: TFunction, error: unknown): string {
  const code = errorCodeOf(error);
  if (code === 'NETWORK') return t('errors.network');
  if (isErrorCode(code)) return t(`errors.codes.${code}`);
  return t('errors.generic');
}

const isFieldErrorCode = (code: unknown): code is FieldErrorCode =>
  typeof code === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(code);

type ValueType = keyof typeof en.errors.valueTypes;
const isValueType = (type: unknown): type is ValueType =>
  typeof type === 'string' && Object.prototype.hasOwnProperty.call(en.errors.valueTypes, type);

type FieldName = keyof typeof en.errors.fieldNames;
const isFieldName = (name: string): name is FieldName =>
  Object.prototype.hasOwnProperty.call(en.errors.fieldNames, name);

const LANGUAGES = ['zh', 'ko', 'en'] as const;
const isLanguage = (part: string): part is (typeof LANGUAGES)[number] =>
  (LANGUAGES as readonly string[]).includes(part);

/**
 * A field's dotted path in the UI's words: `name.zh` → "Company name (Chinese)", `offers.0` →
 * "What we offer, item 1". A first part the app has no name for is shown as sent.
 */
export function fieldLabel(t: TFunction, path: string): string {
  const [first, ...rest] = path.split('.');
  let label = isFieldName(first) ? t(`errors.fieldNames.${first}`) : first;
  for (const part of rest) {
    if (isLanguage(part))
      label = t('errors.fieldPath.inLanguage', { field: label, language: t(`language.names.${part}`) });
    else if (/^\d+$/.test(part)) label = t('errors.fieldPath.item', { field: label, n: Number(part) + 1 });
    else label = `${label}.${part}`;
  }
  return label;
}

/** One field problem, translated with its parameters; unknown codes get a generic translated text. */
export function fieldMessage(t: TFunction, error: FieldError | undefined): string {
  if (!error || !isFieldErrorCode(error.code)) return t('errors.field.invalid');
  const params = error.params ?? {};
  switch (error.code) {
    case 'range':
      if (params.min !== undefined && params.max === undefined) return t('errors.fieldRange.min', { min: params.min });
      if (params.max !== undefined && params.min === undefined) return t('errors.fieldRange.max', { max: params.max });
      return t('errors.field.range');
    case 'type':
      return isValueType(params.type)
        ? t('errors.field.type', { type: t(`errors.valueTypes.${params.type}`) })
        : t('errors.field.invalid');
    case 'after':
      return t('errors.field.after', { field: fieldLabel(t, String(params.field ?? '')) });
    default:
      return t(`errors.field.${error.code}`, { ...params });
  }
}

/** The `details.fieldErrors` of an API error (path → code and parameters); empty for other errors. */
export function fieldErrorsOf(error: unknown): Record<string, FieldError> {
  return isApiError(error) ? error.fieldErrors : {};
}

/** A field's problem after the field's name, punctuated the way the UI language writes it. */
export function fieldProblem(t: TFunction, path: string, error: FieldError | undefined): string {
  return t('errors.fieldProblem', { field: fieldLabel(t, path), message: fieldMessage(t, error) });
}

/**
 * A refused CSV row's problems, translated: each column's problem after its translated name, a
 * problem of the whole row or file (`_row`) on its own.
 */
export function rowProblems(t: TFunction, row: RowError): string[] {
  const entries = Object.entries(row.fieldErrors ?? {});
  if (entries.length === 0) return [t('errors.rowInvalid')];
  return entries.map(([path, error]) => (path === '_row' ? fieldMessage(t, error) : fieldProblem(t, path, error)));
}

/** `"name.zh"` → `['name', 'zh']`, `"offers.0"` → `['offers', 0]` (antd NamePath). */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
