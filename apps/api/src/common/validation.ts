/**
 * The one validation mechanism at the edge: class-validator DTOs through a global pipe that
 * rejects unknown fields, and reports every offending field by its dotted path.
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
import { validationFailed } from './domain-error';

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      // whitelistValidation's message is about the property itself: say it plainly.
      const messages = Object.entries(error.constraints).map(([key, message]) =>
        key === 'whitelistValidation'
          ? 'is not an allowed field'
          : message.startsWith(`${error.property} `)
            ? message.slice(error.property.length + 1)
            : message,
      );
      fields[path] = messages[0];
    }
    if (error.children?.length) Object.assign(fields, flattenValidationErrors(error.children, path));
  }
  return fields;
}

@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = typeof metadata.metatype === 'function' && this.toValidate(metadata);
    if (isDto && metadata.type === 'body') {
      if (value === undefined) value = {};
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw validationFailed({}, 'The body must be a JSON object');
      }
    }
    if (isDto && metadata.type === 'query' && value === undefined) value = {};
    return super.transform(value, metadata);
  }
}

/** Ids are stored lower-case; an upper-case UUID names the same thing on every database. */
const lowerCase: PipeTransform<string, string> = { transform: (value) => value.toLowerCase() };

/** A path parameter that must be a UUID (any case); anything else is a 400 naming the parameter. */
export const UuidParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => validationFailed({ [name]: 'must be a UUID' }) }), lowerCase);
