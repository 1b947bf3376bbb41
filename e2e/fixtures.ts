/**
 * The `test` every browser test uses: Playwright's, plus a check that nothing the page did was
 * refused by the app's Content-Security-Policy (helmet, apps/api/src/common/security-headers.ts).
 * Chromium reports each refusal on the console ("Refused to … because it violates the following
 * Content Security Policy directive"); any such line from any page of the test's context fails
 * the test, so every screen the tests click through is proven to work under the strict policy.
 */
import { test as base } from '@playwright/test';

export const CSP_REFUSAL = /violates the following Content Security Policy/i;

export const test = base.extend<{ cspRefusals: string[] }>({
  cspRefusals: [
    async ({ context }, use) => {
      const refusals: string[] = [];
      context.on('console', (message) => {
        if (CSP_REFUSAL.test(message.text())) refusals.push(message.text());
      });
      await use(refusals);
      if (refusals.length > 0) {
        throw new Error(`The Content-Security-Policy refused ${refusals.length} thing(s):\n${refusals.join('\n')}`);
      }
    },
    { auto: true },
  ],
});

export { chromium, expect, request } from '@playwright/test';
export type { APIRequestContext, Browser, BrowserContext, Locator, Page } from '@playwright/test';
