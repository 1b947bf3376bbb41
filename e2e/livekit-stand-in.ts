/**
 * A stand-in for a LiveKit server, for the browser test of LiveKit under the app's
 * Content-Security-Policy (e2e/livekit-csp.spec.ts): no LiveKit server can run on the development
 * machine. It accepts the websocket upgrade at LiveKit's signal paths (livekit-client 2.x opens
 * `<url>/rtc/v1?access_token=…` and falls back to `<url>/rtc`; when an upgrade fails it asks
 * `<same path>/validate` over HTTP why), verifies the access token with livekit-server-sdk's
 * TokenVerifier and records every attempt. It does not speak LiveKit's protocol: once the socket
 * is open it closes it again (1011), so the client's join fails after connecting — what the test
 * proves is that the browser got through the policy to the configured server, with a token
 * for the right room.
 *
 * The handshake is written out (RFC 6455 §4.2.2: the 101 answer with Sec-WebSocket-Accept, then
 * one close frame) because nothing more is needed and the project has no websocket server package
 * of its own to use.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** Where the stand-in listens: the `livekit` project's app server has it as its LIVEKIT_URL. */
export const STAND_IN_PORT = Number(process.env.E2E_LIVEKIT_STAND_IN_PORT ?? PORT + 3000);
/** The `livekit` project's app server (playwright.config.ts). */
export const LIVEKIT_APP_PORT = Number(process.env.E2E_LIVEKIT_PORT ?? PORT + 2000);
/** The key pair the app server signs client tokens with and the stand-in verifies them with. */
export const STAND_IN_KEYS = { apiKey: 'e2e-stand-in', apiSecret: 'e2e-stand-in-secret-not-a-production-value' };

/** LiveKit's signal paths (livekit-client: createRtcUrl). */
const SIGNAL_PATHS = new Set(['/rtc', '/rtc/v1']);
const VALIDATE_PATHS = new Set(['/rtc/validate', '/rtc/v1/validate']);
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const CLOSE_CODE_INTERNAL_ERROR = 1011;

export interface SignalAttempt {
  /** The path the client asked for, e.g. `/rtc/v1`. */
  path: string;
  /** The page's origin, as the browser sent it. */
  origin: string | undefined;
  /** The verified token's claims; null when the token was missing or did not verify. */
  claims: ClaimGrants | null;
  /** Why the token did not verify. */
  tokenError: string | null;
  /** Whether the stand-in completed the websocket handshake (a signal path and a valid token). */
  upgraded: boolean;
}

export interface LiveKitStandIn {
  url: string;
  /** Every websocket upgrade request, in the order they arrived. */
  attempts: SignalAttempt[];
  /** Every plain HTTP request (path and query), e.g. the client's `/rtc/v1/validate`. */
  httpRequests: string[];
  close(): Promise<void>;
}

async function verify(verifier: TokenVerifier, request: IncomingMessage) {
  const url = new URL(request.url ?? '/', 'http://stand-in');
  const token = url.searchParams.get('access_token');
  if (!token) return { url, claims: null, tokenError: 'no access_token' };
  try {
    return { url, claims: await verifier.verify(token), tokenError: null };
  } catch (error) {
    return { url, claims: null, tokenError: error instanceof Error ? error.message : String(error) };
  }
}

/** The 101 answer and a close frame (server frames are not masked; the payload is under 126 bytes). */
function acceptThenClose(socket: Socket, key: string): void {
  const accept = createHash('sha1')
    .update(key + WEBSOCKET_GUID)
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const code = Buffer.alloc(2);
  code.writeUInt16BE(CLOSE_CODE_INTERNAL_ERROR);
  const payload = Buffer.concat([code, Buffer.from('stand-in: no media server')]);
  socket.end(Buffer.concat([Buffer.from([0x88, payload.length]), payload]));
}

function refuse(socket: Socket, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startLiveKitStandIn(
  port: number,
  keys: { apiKey: string; apiSecret: string } = STAND_IN_KEYS,
): Promise<LiveKitStandIn> {
  const verifier = new TokenVerifier(keys.apiKey, keys.apiSecret);
  const attempts: SignalAttempt[] = [];
  const httpRequests: string[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    httpRequests.push(request.url ?? '/');
    void verify(verifier, request).then(({ url, claims, tokenError }) => {
      // As LiveKit answers it: 401 with the reason for a bad token, 200 for a good one.
      if (VALIDATE_PATHS.has(url.pathname)) {
        response.writeHead(claims ? 200 : 401, { 'Content-Type': 'text/plain' });
        response.end(claims ? 'success' : `invalid token: ${tokenError}`);
      } else {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('not found');
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request: IncomingMessage, socket: Socket) => {
    socket.on('error', () => undefined);
    void verify(verifier, request).then(({ url, claims, tokenError }) => {
      const key = request.headers['sec-websocket-key'];
      const upgraded = SIGNAL_PATHS.has(url.pathname) && claims !== null && typeof key === 'string';
      attempts.push({ path: url.pathname, origin: request.headers.origin, claims, tokenError, upgraded });
      if (upgraded) acceptThenClose(socket, key);
      else if (!SIGNAL_PATHS.has(url.pathname)) refuse(socket, 404, 'Not Found');
      else refuse(socket, 401, 'Unauthorized');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${bound}`,
    attempts,
    httpRequests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
