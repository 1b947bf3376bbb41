/**
 * The one validation mechanism at the edge, for HTTP bodies, queries and socket payloads alike:
 * class-validator DTOs that reject unknown fields, `null` refused for every field that is not
 * marked `@Clearable()`, bodies nested too deeply refused before anything walks them, and every
 * offending field reported by its dotted path with an English message and a code for translation.
 */
import {
  ArgumentMetadata,
  Injectable,
  ParseUUIDPipe,
  Param,
  ValidationError,
  ValidationPipe,
  type PipeTransform,
} from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldErrorParams } from '@ilr/shared';
import { validationFailed, type FieldProblem } from './domain-error';

/** Deeper JSON than this is refused (the contract's shapes are a few levels deep). */
export const MAX_JSON_DEPTH = 32;

/** The name under which `@Clearable()` registers itself with class-validator. */
export const CLEARABLE = 'clearable';

type Args = unknown[];
type Describe = (args: Args) => { code: FieldProblem['code']; params?: FieldErrorParams };

const list = (values: unknown) =>
  (Array.isArray(values) ? values : Object.values((values ?? {}) as object)).map(String).join(', ');

/** class-validator constraint → field error code and its parameters (read from the decorator's arguments). */
const FIELD_CODES: Record<string, Describe> = {
  whitelistValidation: () => ({ code: 'unknownField' }),
  isDefined: () => ({ code: 'required' }),
  isNotEmpty: () => ({ code: 'required' }),
  notNull: () => ({ code: 'notNull' }),
  isString: () => ({ code: 'type', params: { type: 'string' } }),
  isBoolean: () => ({ code: 'type', params: { type: 'boolean' } }),
  isNumber: () => ({ code: 'type', params: { type: 'number' } }),
  isArray: () => ({ code: 'type', params: { type: 'array' } }),
  isObject: () => ({ code: 'type', params: { type: 'object' } }),
  nestedValidation: () => ({ code: 'type', params: { type: 'object' } }),
  isInt: () => ({ code: 'integer' }),
  isPositive: () => ({ code: 'positiveInteger' }),
  min: ([min]) => ({ code: 'range', params: { min: Number(min) } }),
  max: ([max]) => ({ code: 'range', params: { max: Number(max) } }),
  minLength: ([min]) => ({ code: 'minLength', params: { min: Number(min) } }),
  maxLength: ([max]) => ({ code: 'maxLength', params: { max: Number(max) } }),
  arrayMaxSize: ([max]) => ({ code: 'maxItems', params: { max: Number(max) } }),
  arrayUnique: () => ({ code: 'unique' }),
  isEmail: () => ({ code: 'email' }),
  isUrl: () => ({ code: 'url' }),
  isUuid: () => ({ code: 'uuid' }),
  isIn: ([values]) => ({ code: 'oneOf', params: { values: list(values) } }),
  isEnum: ([values]) => ({ code: 'oneOf', params: { values: list(values) } }),
  isTimeZone: () => ({ code: 'timeZone' }),
  isCountryCode: () => ({ code: 'countryCode' }),
  isSectorCode: () => ({ code: 'sectorCode' }),
  isInstant: () => ({ code: 'instant' }),
  isLocalized: ([max]) => ({ code: 'localized', params: { max: Number(max) } }),
  isCodePointLength: ([min, max]) => ({ code: 'lengthBetween', params: { min: Number(min), max: Number(max) } }),
  isAmount: () => ({ code: 'amount' }),
  isRate: () => ({ code: 'rate' }),
  isTagList: ([maxItems, maxLength]) => ({
    code: 'tagList',
    params: { maxItems: Number(maxItems), maxLength: Number(maxLength) },
  }),
};

function validationMetadatas(target: object | undefined) {
  if (!target) return [];
  return getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
}

function constraintArgs(target: object | undefined, property: string, name: string): Args {
  const meta = validationMetadatas(target).find((m) => m.propertyName === property && m.name === name);
  return meta?.constraints ?? [];
}

/** Each offending field by its dotted path: the first failed constraint, its message and its code. */
export function fieldProblems(errors: ValidationError[], prefix = ''): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const first = Object.entries(error.constraints ?? {})[0];
    if (first) {
      const [name, text] = first;
      const message =
        name === 'whitelistValidation'
          ? 'is not an allowed field'
          : text.startsWith(`${error.property} `)
            ? text.slice(error.property.length + 1)
            : text;
      const describe = FIELD_CODES[name] ?? (() => ({ code: 'invalid' as const }));
      fields[path] = { message, ...describe(constraintArgs(error.target, error.property, name)) };
    }
    if (error.children?.length) Object.assign(fields, fieldProblems(error.children, path));
  }
  return fields;
}

/** Whether JSON text nests arrays/objects deeper than `max` (strings are skipped), without parsing it. */
export function jsonTooDeep(text: Buffer | string, max = MAX_JSON_DEPTH): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Whether a parsed value (a socket payload) nests deeper than `max`; walks iteratively, stops early. */
export function valueTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let visited = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max || ++visited > 100_000) return true;
    for (const child of Object.values(node as object)) stack.push([child, depth + 1]);
  }
  return false;
}

export const tooDeep = () => validationFailed({}, `The body is nested more than ${MAX_JSON_DEPTH} levels deep`);

/** Keys the object mapper would treat as the prototype rather than as (unknown) fields. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Each DTO class's `@Clearable()` fields, read from its metadata once. */
const clearableFields = new WeakMap<object, ReadonlySet<string>>();

function clearableOf(type: new () => object): ReadonlySet<string> {
  let fields = clearableFields.get(type);
  if (!fields) {
    fields = new Set(
      validationMetadatas(type.prototype as object)
        .filter((m) => m.name === CLEARABLE)
        .map((m) => m.propertyName),
    );
    clearableFields.set(type, fields);
  }
  return fields;
}

/**
 * `null` for a field is refused unless the field is `@Clearable()` (documented as nullable, and
 * the service clears it), and so is a prototype key. DTOs are flat: nested values are checked by
 * their own validators.
 */
export function refuseNulls(type: new () => object, value: Record<string, unknown>): void {
  const clearable = clearableOf(type);
  // No prototype, so that a `__proto__` field is recorded as a field, not as a prototype.
  const problems = Object.create(null) as Record<string, FieldProblem>;
  for (const [key, field] of Object.entries(value)) {
    if (PROTOTYPE_KEYS.has(key)) problems[key] = { code: 'unknownField', message: 'is not an allowed field' };
    else if (field === null && !clearable.has(key)) problems[key] = { code: 'notNull', message: 'must not be null' };
  }
  if (Object.keys(problems).length > 0) throw validationFailed(problems);
}

@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: true, value: false },
      exceptionFactory: (errors) => validationFailed(fieldProblems(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = typeof metadata.metatype === 'function' && this.toValidate(metadata);
    if (isDto && metadata.type === 'body') {
      if (value === undefined) value = {};
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw validationFailed({}, 'The body must be a JSON object');
      }
      refuseNulls(metadata.metatype as new () => object, value as Record<string, unknown>);
    }
    if (isDto && metadata.type === 'query' && value === undefined) value = {};
    return super.transform(value, metadata);
  }
}

/** Ids are stored lower-case; an upper-case UUID names the same thing on every database. */
const lowerCase: PipeTransform<string, string> = { transform: (value) => value.toLowerCase() };

/** A path parameter that must be a UUID (any case); anything else is a 400 naming the parameter. */
export const UuidParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => validationFailed({ [name]: { code: 'uuid', message: 'must be a UUID' } }),
    }),
    lowerCase,
  );
