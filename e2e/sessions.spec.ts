/**
 * Sessions in the browser: no token in storage (an old one is removed), the session lives in an
 * httpOnly SameSite=Strict cookie and survives a reload, a 401 is answered by one refresh and the
 * request sent again, and logging out ends the session on the server.
 */
import { expect, request as apiRequest, test } from './fixtures';
import { createMember, logIn } from './helpers';

test('keeps the access token out of storage, restores the session from its cookie, refreshes after a 401, logs out', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const account = await createMember(request, 'Session Keeper');

  // An access token left in localStorage by an older version is removed at start.
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('ilr.accessToken', 'an-old-token'));
  await page.reload();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('ilr.accessToken'))).toBeNull();

  await logIn(page, account, '/my-company');
  await expect(page.getByRole('heading', { level: 1, name: 'Create your company profile' })).toBeVisible();
  const menu = page.getByRole('button', { name: 'Account menu for Session Keeper' });
  await expect(menu).toBeVisible();

  // Nothing in storage looks like a token.
  const stored = await page.evaluate(() => Object.values({ ...localStorage, ...sessionStorage }).join(' '));
  expect(stored).not.toMatch(/eyJ/);
  const cookie = (await context.cookies()).find((c) => c.name === 'ilr_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });

  // A reload keeps the session: restored from the cookie.
  const refreshes: string[] = [];
  page.on('request', (r) => r.url().endsWith('/api/auth/refresh') && refreshes.push(r.method()));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Create your company profile' })).toBeVisible();
  await expect(menu).toBeVisible();
  expect(refreshes).toEqual(['POST']);

  // The API refuses a request once (as it would an expired token): one refresh, the request again.
  let refused = 0;
  await page.route('**/api/me', async (route) => {
    if (route.request().method() === 'GET' && refused === 0) {
      refused++;
      await route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'The access token has expired' } }),
      });
    } else await route.continue();
  });
  refreshes.length = 0;
  await page.reload();
  await expect(menu).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Create your company profile' })).toBeVisible();
  expect(refused).toBe(1);
  expect(refreshes).toEqual(['POST', 'POST']); // the restore, then the one after the 401
  await page.unroute('**/api/me');

  // Logging out ends the session on the server: the old cookie no longer restores anything.
  const oldCookie = (await context.cookies()).find((c) => c.name === 'ilr_session')!;
  await menu.click();
  const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  expect((await loggedOut).status()).toBe(204);
  await expect(page.getByText('You have been logged out.')).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === 'ilr_session')).toBeUndefined();
  // (A client of its own: no cookie jar but the header below.)
  const outsider = await apiRequest.newContext({ baseURL });
  const replay = await outsider.post('/api/auth/refresh', {
    headers: { Cookie: `ilr_session=${oldCookie.value}`, 'X-Requested-With': 'ilr' },
  });
  expect(replay.status()).toBe(401);
  await outsider.dispose();
  await page.goto('/my-company');
  await expect(page).toHaveURL(/\/login\?next=/);
});
