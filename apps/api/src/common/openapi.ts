/**
 * The OpenAPI document's shared pieces: the error shape every status ≥ 400 answers with
 * (`ErrorResponse`), `@ApiErrors(...)` to list an operation's error statuses in one line,
 * Localized text, and pages. The web client's types are generated from the served document,
 * so these classes are the response contract.
 */
import { applyDecorators, ParseUUIDPipe, type INestApplication, type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
  type OpenAPIObject,
} from '@nestjs/swagger';
import type { OperationObject, ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ERROR_CODES, FIELD_ERROR_CODES, type ErrorCode, type FieldErrorCode } from '@ilr/shared';
import { IS_PUBLIC } from '../accounts/auth.decorators';

/** Where `@ApiOperation` keeps its options (@nestjs/swagger's DECORATORS.API_OPERATION). */
const API_OPERATION = 'swagger/apiOperation';

/** `{ zh?, ko?, en? }`: user content per language, at least one present. */
@ApiSchema({ name: 'Localized' })
export class LocalizedDto {
  @ApiPropertyOptional({ example: '国际客厅' })
  zh?: string;

  @ApiPropertyOptional({ example: '국제 응접실' })
  ko?: string;

  @ApiPropertyOptional({ example: 'International Living Room' })
  en?: string;
}

/** A Localized property; `maxLength` (per language) goes into the description, beside a `$ref` it would be ignored. */
export const localizedProperty = (options: { maxLength?: number; nullable?: boolean; description?: string } = {}) => ({
  type: () => LocalizedDto,
  nullable: options.nullable,
  description: [options.description, options.maxLength ? `each text at most ${options.maxLength} characters` : '']
    .filter(Boolean)
    .join('; '),
});

@ApiSchema({ name: 'FieldError' })
export class FieldErrorDto {
  @ApiProperty({ enum: FIELD_ERROR_CODES, enumName: 'FieldErrorCode' })
  code: FieldErrorCode;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'parameters of the message, e.g. { max: 100 }',
  })
  params?: Record<string, string | number>;
}

@ApiSchema({ name: 'RowError' })
export class RowErrorDto {
  @ApiProperty({ description: 'the row number in the file (the header is row 1)' })
  row: number;

  @ApiProperty({ description: 'English summary' })
  reason: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(FieldErrorDto) },
    description: 'per column (dotted path) its problem; `_row` for the row as a whole',
  })
  fieldErrors?: Record<string, FieldErrorDto>;
}

@ApiSchema({ name: 'ErrorDetails' })
export class ErrorDetailsDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'dotted field path → English message',
  })
  fields?: Record<string, string>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(FieldErrorDto) },
    description: 'dotted field path → code and parameters, for translation',
  })
  fieldErrors?: Record<string, FieldErrorDto>;

  @ApiPropertyOptional({ type: () => [RowErrorDto], description: 'refused rows of a CSV import' })
  rows?: RowErrorDto[];
}

@ApiSchema({ name: 'ErrorBody' })
export class ErrorBodyDto {
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode' })
  code: ErrorCode;

  @ApiProperty({ description: 'English, for logs and other clients; the web app translates the code' })
  message: string;

  @ApiPropertyOptional({ type: () => ErrorDetailsDto })
  details?: ErrorDetailsDto;

  @ApiPropertyOptional({ description: 'the X-Request-Id of the request, to find it in the logs' })
  requestId?: string;
}

/** Every answer with a status ≥ 400 (except the health check's 503). */
@ApiSchema({ name: 'ErrorResponse' })
export class ErrorResponseDto {
  @ApiProperty({ type: () => ErrorBodyDto })
  error: ErrorBodyDto;
}

const ERROR_DESCRIPTIONS = {
  400: 'VALIDATION_FAILED: a malformed request (fields named in details.fields and details.fieldErrors)',
  401: 'UNAUTHENTICATED: no valid token',
  403: 'FORBIDDEN: the caller may not do this',
  404: 'NOT_FOUND',
  409: 'a conflict, with its specific code',
  413: 'PAYLOAD_TOO_LARGE: a body over 1 MB (an upload: over its limit)',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'IDEMPOTENCY_KEY_REUSED',
  429: 'RATE_LIMITED',
  502: 'LIVEKIT_ERROR: the video server refused the request',
  503: 'UNAVAILABLE (or a feature code such as VIDEO_DISABLED)',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** The error statuses an operation can answer with, each with the `ErrorResponse` body. */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(
    ApiExtraModels(ErrorResponseDto, FieldErrorDto),
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ErrorResponseDto }),
    ),
  );

/** A page of `item`s: extend it once per item type so the schema gets a readable name. */
export function PageOf<T>(item: Type<T>) {
  abstract class Page {
    @ApiProperty({ type: () => [item] })
    items: T[];

    @ApiProperty({ description: 'items matching the query, over all pages' })
    total: number;

    @ApiProperty({ minimum: 1 })
    page: number;

    @ApiProperty({ minimum: 1, maximum: 100 })
    pageSize: number;
  }
  return Page;
}

/**
 * What the decorators cannot say, read from the routes themselves: operations reachable without
 * a token get `security: []`, and a path parameter validated by `ParseUUIDPipe` (`UuidParam`)
 * gets `format: uuid`. Operations are found by their operationId.
 */
export function completeDocument(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const operations = new Map<string, OperationObject>();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as OperationObject[]) {
      if (operation?.operationId) operations.set(operation.operationId, operation);
    }
  }
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const { operationId } = (Reflect.getMetadata(API_OPERATION, handler) ?? {}) as {
          operationId?: string;
        };
        const operation = operationId ? operations.get(operationId) : undefined;
        if (!operation) continue;
        if (Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, metatype))
          operation.security = [];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<
          string,
          { data?: unknown; pipes?: unknown[] }
        >;
        for (const { data, pipes } of Object.values(args)) {
          if (typeof data !== 'string' || !pipes?.some((pipe) => pipe instanceof ParseUUIDPipe)) continue;
          const parameter = (operation.parameters as ParameterObject[] | undefined)?.find(
            (p) => p.in === 'path' && p.name === data,
          );
          if (parameter) parameter.schema = { type: 'string', format: 'uuid' };
        }
      }
    }
  }
  return document;
}
