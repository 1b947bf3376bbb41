/** class-validator decorators for the contract's shared shapes (Localized text, pages, instants). */
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
import { CONTENT_LANGUAGES, isValidTimeZone, parseInstant } from '@ilr/shared';
import { CLEARABLE } from './validation';

const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

/** Ids are stored lower-case: an upper-case UUID (or a list of them) names the same thing (see UuidParam). */
export const LowerCaseIds = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(lower) : lower(value)));

/** Length in Unicode code points, as the contract counts text. */
export const codePoints = (text: string) => [...text].length;

/** `{ zh?, ko?, en? }`: known languages only, texts of at most `maxLength` code points, one non-blank. */
export function isLocalizedText(value: unknown, maxLength: number): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return false;
  let present = 0;
  for (const [key, text] of entries) {
    if (!(CONTENT_LANGUAGES as readonly string[]).includes(key)) return false;
    if (typeof text !== 'string' || codePoints(text) > maxLength) return false;
    if (text.trim() !== '') present++;
  }
  return present > 0;
}

export function IsLocalized(
  maxLength: number,
  options?: ValidationOptions & { optional?: boolean },
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalized',
      constraints: [maxLength],
      validator: {
        validate: (value: unknown) => isLocalizedText(value, maxLength),
        defaultMessage: buildMessage(
          () =>
            `must be an object with zh, ko or en texts (at least one non-empty, each at most ${maxLength} characters)`,
          options,
        ),
      },
    },
    options,
  );
}

export function IsCodePointLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCodePointLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && codePoints(value) >= min && codePoints(value) <= max,
        defaultMessage: buildMessage(() => `must be a text of ${min} to ${max} characters`, options),
      },
    },
    options,
  );
}

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => isValidTimeZone(value),
        defaultMessage: buildMessage(() => 'must be an IANA time zone such as Asia/Seoul', options),
      },
    },
    options,
  );
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => parseInstant(value) !== null,
        defaultMessage: buildMessage(
          () => 'must be an ISO-8601 date-time with an offset, e.g. 2020-06-23T09:00:00+08:00',
          options,
        ),
      },
    },
    options,
  );
}

/** A list of short tags (offers, needs): at most `maxItems`, each 1..maxLength code points. */
export function IsTagList(maxItems: number, maxLength: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTagList',
      constraints: [maxItems, maxLength],
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length <= maxItems &&
          value.every((t) => typeof t === 'string' && t.trim() !== '' && codePoints(t) <= maxLength),
        defaultMessage: buildMessage(
          () => `must be a list of at most ${maxItems} non-empty texts of at most ${maxLength} characters`,
          options,
        ),
      },
    },
    options,
  );
}

/**
 * A field that `null` clears (the one exception to "null is refused", see `refuseNulls`): optional,
 * and the service must turn `null` into "no value". Document it as nullable in the schema too.
 */
export function Clearable(): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    ValidateBy({ name: CLEARABLE, validator: { validate: () => true } })(target, property);
  };
}
