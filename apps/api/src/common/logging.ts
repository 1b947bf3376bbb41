/**
 * The JSON logs (nestjs-pino): every line names the node (`nodeId`, with pid and hostname), every
 * line logged while serving a request carries its `requestId` (the proxy's X-Request-Id when it is
 * safe, see request-id.ts), and credentials never reach a log: the redacted paths below cover the
 * headers that carry them and any `password`/`token` field that a log call might include.
 */
import { hostname } from 'node:os';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/config';
import { requestId } from './request-id';

const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'apiSecret',
];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

export function loggerParams(config: AppConfig): Params {
  return {
    // Every route, in path-to-regexp 8 syntax (the library's default '*' is the old one).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      base: { nodeId: config.nodeId, pid: process.pid, hostname: hostname() },
      genReqId: requestId,
      customProps: (req) => ({ requestId: (req as { id?: string }).id }),
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Probes and scrapes every few seconds would drown the logs.
      autoLogging: { ignore: (req) => /^\/(api\/health(\/live|\/ready)?|metrics)(\?|$)/.test(req.url ?? '') },
    },
  };
}
