/**
 * Imported first by main.ts, before anything can use libuv's thread pool (which reads
 * UV_THREADPOOL_SIZE once, when it starts): password hashing runs there (up to
 * PASSWORD_HASH_CONCURRENCY at once, by default 2 per core), and file reads, DNS and zlib must
 * still find free threads during a login storm. Four more than the hashes; an explicit
 * UV_THREADPOOL_SIZE wins.
 */
import { availableParallelism } from 'node:os';

const hashes = Number(process.env.PASSWORD_HASH_CONCURRENCY) || availableParallelism() * 2;
process.env.UV_THREADPOOL_SIZE ||= String(Math.min(1024, hashes + 4));
