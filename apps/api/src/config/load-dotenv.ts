/**
 * Imported first by main.ts, before ./threadpool (which reads PASSWORD_HASH_CONCURRENCY and
 * UV_THREADPOOL_SIZE at import): `.env` fills the environment before anything reads it.
 */
import { loadDotEnv } from './dotenv';

/** The variables taken from `.env`. */
export const readFromDotEnv = loadDotEnv();
