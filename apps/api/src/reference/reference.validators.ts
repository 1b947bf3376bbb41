import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
import { SECTOR_CODES } from '@ilr/shared';
import { isCountryCode } from './countries';

export const IsCountryCode = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value: unknown) => isCountryCode(value),
        defaultMessage: buildMessage(() => 'must be an ISO 3166-1 alpha-2 country code such as KR or CN', options),
      },
    },
    options,
  );

export const IsSectorCode = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isSectorCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && SECTOR_CODES.has(value),
        defaultMessage: buildMessage(() => 'must be a sector code from GET /api/sectors', options),
      },
    },
    options,
  );
