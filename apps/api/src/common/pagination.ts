import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Query strings arrive as text; only a plain positive integer becomes a number, anything else fails. */
const toPositiveInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value === undefined ? undefined : NaN;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @Transform(toPositiveInt)
  @IsInt({ message: 'must be a positive integer' })
  @Min(1, { message: 'must be a positive integer' })
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, default: DEFAULT_PAGE_SIZE, description: 'values above 100 are capped at 100' })
  @Transform(toPositiveInt)
  @IsInt({ message: 'must be a positive integer' })
  @Min(1, { message: 'must be a positive integer' })
  pageSize: number = DEFAULT_PAGE_SIZE;
}

export function pageWindow(query: PageQuery): { page: number; pageSize: number; skip: number } {
  const pageSize = Math.min(query.pageSize, MAX_PAGE_SIZE);
  return { page: query.page, pageSize, skip: (query.page - 1) * pageSize };
}

/** A LIKE pattern for user text, wildcards escaped with `!` (use with `ESCAPE '!'` on both databases). */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
