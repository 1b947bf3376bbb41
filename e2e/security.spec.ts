/**
 * The Content-Security-Policy as Chromium enforces it: the app's own scripts run (every other
 * test proves the screens work under it: e2e/fixtures.ts fails a test on any refusal), while a
 * script injected into the page — inline or from another origin — is refused and reported.
 */
import { expect, test } from './fixtures';

test('the strict Content-Security-Policy refuses injected scripts while the app runs', async ({
  page,
  cspRefusals,
}) => {
  const response = await page.goto('/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  // The app itself started under the policy.
  await expect(page.getByRole('navigation').first()).toBeVisible();

  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    const inline = document.createElement('script');
    inline.textContent = 'window.injected = true';
    document.body.appendChild(inline);
    const foreign = document.createElement('script');
    foreign.src = 'https://cdn.example.com/tracker.js';
    document.body.appendChild(foreign);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return w.injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => cspRefusals.length).toBeGreaterThanOrEqual(2);
  expect(cspRefusals.some((line) => line.includes('cdn.example.com'))).toBe(true);
  expect(cspRefusals.some((line) => /inline script/i.test(line))).toBe(true);
  // Expected refusals: the fixture's check is for unexpected ones.
  cspRefusals.length = 0;
});
