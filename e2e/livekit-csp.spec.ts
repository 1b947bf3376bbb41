/**
 * LiveKit under the app's strict Content-Security-Policy, in Chromium (project `livekit`: the one
 * app server with LiveKit configured, pointing at the stand-in this file starts). A member clicks
 * into a live session; the web app's own LiveKit client (@livekit/components-react, livekit-client)
 * opens its signalling websocket to the configured server, which sees a token that verifies with
 * the server's key pair and grants exactly the session's room as audience — and the policy refused
 * nothing on the way (e2e/fixtures.ts). The stand-in speaks no LiveKit, so the join then fails
 * and the room says so while chat goes on. A server the policy does not name is refused.
 */
import { expect, test } from './fixtures';
import { createMember, logIn, publishedEventWithSession, uniqueTag } from './helpers';
import { startLiveKitStandIn, STAND_IN_PORT, type LiveKitStandIn } from './livekit-stand-in';

let standIn: LiveKitStandIn;
/** Listens where the policy does not allow connecting: anything it receives got past the policy. */
let rogue: LiveKitStandIn;
const ROGUE_PORT = STAND_IN_PORT + 1;

test.beforeAll(async () => {
  standIn = await startLiveKitStandIn(STAND_IN_PORT);
  rogue = await startLiveKitStandIn(ROGUE_PORT);
});

test.afterAll(async () => {
  await standIn?.close();
  await rogue?.close();
});

test('the web app’s LiveKit client reaches the configured server under the CSP with a token for the session’s room', async ({
  page,
  request,
  baseURL,
  cspRefusals,
}) => {
  const tag = uniqueTag();
  const member = await createMember(request, `Park Ji-woo ${tag}`);
  const config = await request.get('/api/live/config', { headers: { Authorization: `Bearer ${member.token}` } });
  expect(await config.json()).toEqual({ enabled: true, url: standIn.url });
  // The policy names the configured LiveKit server, and only it, besides this origin.
  const policy = (await request.get('/')).headers()['content-security-policy'] ?? '';
  const connectSrc = policy.split(';').find((directive) => directive.trim().startsWith('connect-src'));
  expect(connectSrc?.trim().split(/\s+/)).toEqual([
    'connect-src',
    "'self'",
    `ws://127.0.0.1:${STAND_IN_PORT}`,
    `http://127.0.0.1:${STAND_IN_PORT}`,
  ]);

  const { eventId, sessionId } = await publishedEventWithSession(request, {
    title: `Incheon logistics roadshow ${tag}`,
    sessionTitle: `Cold-chain pitch ${tag}`,
    registerToken: member.token,
  });
  await logIn(page, member, `/events/${eventId}`);
  expect(standIn.attempts).toHaveLength(0);
  await page.getByRole('link', { name: `Join live: Cold-chain pitch ${tag}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Cold-chain pitch ${tag}` })).toBeVisible();

  // The browser opened LiveKit's signalling websocket to the stand-in, from the app's page…
  await expect.poll(() => standIn.attempts.length).toBeGreaterThan(0);
  const [first] = standIn.attempts;
  expect(first.path).toBe('/rtc/v1');
  expect(first.origin).toBe(baseURL);
  // …with a token signed by the server's key pair for this member, granting the session's room as audience.
  expect(first.tokenError).toBeNull();
  expect(first.upgraded).toBe(true);
  expect(first.claims?.sub).toBe(member.id);
  expect(first.claims?.name).toBe(member.displayName);
  expect(first.claims?.video).toMatchObject({
    room: `session-${sessionId}`,
    roomJoin: true,
    canPublish: false,
    canSubscribe: true,
    canPublishData: false,
  });
  expect(JSON.parse(first.claims?.metadata ?? '{}')).toMatchObject({ role: 'audience' });

  // The stand-in speaks no LiveKit: the join fails after connecting, and the room says so.
  const failed = page.getByRole('alert').filter({ hasText: 'Could not connect to the video server' });
  await expect(failed).toBeVisible();
  // Trying again goes through the policy to the server again, with a fresh token for the same room.
  const before = standIn.attempts.length;
  await page.getByRole('button', { name: 'Rejoin video' }).click();
  await expect.poll(() => standIn.attempts.length).toBeGreaterThan(before);
  await expect(failed).toBeVisible();
  for (const attempt of standIn.attempts) {
    expect(attempt).toMatchObject({ path: '/rtc/v1', origin: baseURL, tokenError: null, upgraded: true });
    expect(attempt.claims?.sub).toBe(member.id);
    expect(attempt.claims?.video?.room).toBe(`session-${sessionId}`);
  }
  // Chat goes on without video.
  await page.getByLabel('Message', { exact: true }).fill(`Video or not, hello ${tag}`);
  await page.getByLabel('Message', { exact: true }).press('Enter');
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText(`Video or not, hello ${tag}`)).toBeVisible();
  // Nothing the video did was refused by the policy (the fixture would fail the test at its end too).
  expect(cspRefusals).toEqual([]);

  // --- A LiveKit server the policy does not name is refused: the socket never opens ---
  const outcome = await page.evaluate(async (port) => {
    try {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/rtc/v1?access_token=x`);
      return await new Promise<string>((resolve) => {
        socket.onopen = () => resolve('opened');
        socket.onerror = () => resolve(socket.readyState === WebSocket.CLOSED ? 'failed' : 'error while open');
      });
    } catch (error) {
      return `thrown: ${String(error)}`;
    }
  }, ROGUE_PORT);
  expect(outcome).toBe('failed');
  await expect.poll(() => cspRefusals.length).toBe(1);
  expect(cspRefusals[0]).toContain(`ws://127.0.0.1:${ROGUE_PORT}`);
  expect(cspRefusals[0]).toContain('connect-src');
  expect(rogue.attempts).toHaveLength(0);
  expect(rogue.httpRequests).toHaveLength(0);
  // An expected refusal: the fixture's check is for unexpected ones.
  cspRefusals.length = 0;
});
