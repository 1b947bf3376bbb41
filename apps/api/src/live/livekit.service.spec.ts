import { createHash } from 'node:crypto';
import { AccessToken, TokenVerifier, TwirpError } from 'livekit-server-sdk';
import type { AppConfig } from '../config/config';
import { DomainError } from '../common/domain-error';
import { classifyLiveKitError, LiveKitService, toHttpUrl, toWebSocketUrl } from './livekit.service';
import { videoGrant } from './live-grants';

const KEY = 'APIunit';
const SECRET = 'unit-test-secret-unit-test-secret-0123';
const service = (livekit: AppConfig['livekit']) => new LiveKitService({ livekit } as AppConfig);
const enabled = () => service({ url: 'wss://video.example.org', apiKey: KEY, apiSecret: SECRET });

async function sign(body: string, secret = SECRET): Promise<string> {
  const token = new AccessToken(KEY, secret, { ttl: '5m' });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('LiveKitService', () => {
  it('is off without config: 503 VIDEO_DISABLED and no URL', async () => {
    const off = service(null);
    expect(off.enabled).toBe(false);
    expect(off.clientUrl).toBeNull();
    expect(() => off.requireEnabled()).toThrow(expect.objectContaining({ status: 503, code: 'VIDEO_DISABLED' }));
    expect((await domainError(off.receiveWebhook('{}', 'x'))).code).toBe('VIDEO_DISABLED');
  });

  it('gives clients the WebSocket URL and calls the API over HTTP', () => {
    expect(enabled().clientUrl).toBe('wss://video.example.org');
    expect(toWebSocketUrl('https://lk.example.org:7880')).toBe('wss://lk.example.org:7880');
    expect(toWebSocketUrl('http://127.0.0.1:7880')).toBe('ws://127.0.0.1:7880');
    expect(toHttpUrl('wss://lk.example.org')).toBe('https://lk.example.org');
    expect(toHttpUrl('ws://127.0.0.1:7880')).toBe('http://127.0.0.1:7880');
  });

  it('mints 10-minute tokens signed with the API secret', async () => {
    const jwt = await enabled().mintClientToken({
      identity: 'u1',
      name: 'Jin',
      metadata: '{}',
      grant: videoGrant('session-x', 'audience'),
    });
    const claims = await new TokenVerifier(KEY, SECRET).verify(jwt);
    expect(claims).toMatchObject({ iss: KEY, sub: 'u1', name: 'Jin', metadata: '{}' });
    expect(claims.video).toHaveProperty('canPublish', false);
    expect(claims.exp! - claims.nbf!).toBe(600);
  });

  describe('receiveWebhook', () => {
    const body = JSON.stringify({
      id: 'EV_1',
      event: 'room_started',
      createdAt: '1740819600',
      room: { name: 'session-x' },
    });

    it('decodes a body signed the way LiveKit signs it', async () => {
      const event = await enabled().receiveWebhook(body, await sign(body));
      expect(event).toMatchObject({
        id: 'EV_1',
        event: 'room_started',
        createdAt: 1740819600n,
        room: { name: 'session-x' },
      });
    });

    it('answers 401 for a missing, forged or mismatched signature', async () => {
      const lk = enabled();
      for (const signature of [
        undefined,
        '',
        'garbage',
        await sign(body, 'another-secret-another-secret-0000'),
        await sign(`${body} `),
      ]) {
        const error = await domainError(lk.receiveWebhook(body, signature));
        expect([error.status, error.code]).toEqual([401, 'UNAUTHENTICATED']);
      }
    });

    it('answers 400 for a correctly signed body that is not an event', async () => {
      const lk = enabled();
      for (const bad of ['not json', '{"event": 42}', 'null', '[1]']) {
        const error = await domainError(lk.receiveWebhook(bad, await sign(bad)));
        expect([error.status, error.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
    });
  });
});

describe('classifyLiveKitError', () => {
  const twirp = (status: number, code: string) => new TwirpError('x', 'msg', status, code);

  it('treats a missing participant or egress as gone', () => {
    expect(classifyLiveKitError(twirp(404, 'not_found'))).toBe('gone');
    expect(classifyLiveKitError(twirp(412, 'failed_precondition'), ['not_found', 'failed_precondition'])).toBe('gone');
    expect(classifyLiveKitError(twirp(404, 'not_found'), [])).toMatchObject({ status: 502 });
  });

  it('says unavailable for server errors and unreachable servers, and refused for other answers', () => {
    expect(classifyLiveKitError(twirp(503, 'unavailable'))).toMatchObject({ status: 503, code: 'LIVEKIT_UNAVAILABLE' });
    expect(classifyLiveKitError(new TypeError('fetch failed'))).toMatchObject({
      status: 503,
      code: 'LIVEKIT_UNAVAILABLE',
    });
    expect(classifyLiveKitError(twirp(401, 'unauthenticated'))).toMatchObject({ status: 502, code: 'LIVEKIT_ERROR' });
  });
});
