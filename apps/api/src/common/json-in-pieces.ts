/**
 * JSON.stringify for large answers (a scheduler run lists thousands of meetings): long arrays are
 * serialised a slice at a time with the event loop served in between, so a 10 MB answer never
 * holds the main thread for long. Same text as JSON.stringify.
 */
import { yieldToEventLoop } from '../database/database.service';

const SLICE = 500;

export async function jsonInPieces(value: unknown): Promise<string> {
  if (Array.isArray(value)) {
    if (value.length <= SLICE) return JSON.stringify(value);
    const parts: string[] = [];
    for (let i = 0; i < value.length; i += SLICE) {
      parts.push(JSON.stringify(value.slice(i, i + SLICE)).slice(1, -1));
      await yieldToEventLoop();
    }
    return `[${parts.filter((p) => p !== '').join(',')}]`;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function') continue;
      entries.push(`${JSON.stringify(key)}:${await jsonInPieces(item)}`);
    }
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
