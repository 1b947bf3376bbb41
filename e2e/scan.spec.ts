/**
 * The check-in desk scans a badge with the camera. Chromium is given a fake camera that films the
 * member's QR badge (a Y4M video made here from the badge code), the way a desk's webcam would.
 * Headless Chromium on Linux has no native BarcodeDetector, so this exercises the jsQR path that
 * desktop Chrome on Windows and Linux, Firefox and Safari use.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from './fixtures';
import * as QRCode from 'qrcode';
import { createMember, logIn, ORGANISER, publishedEventWithSession, switchToEnglish, uniqueTag } from './helpers';

/** One-frame-repeated Y4M (4:2:0) of a QR code, black on white, centred with a quiet zone. */
function qrVideo(text: string, width = 640, height = 480, frames = 10): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cells = modules.size + 8; // 4 modules of quiet zone on each side
  const scale = Math.floor((Math.min(width, height) * 0.8) / cells);
  const left = Math.floor((width - cells * scale) / 2);
  const top = Math.floor((height - cells * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (top + (row + 4) * scale + y) * width + left + (col + 4) * scale;
        luma.fill(16, start, start + scale);
      }
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}

test('the check-in desk scans a badge with the camera', async ({ request, baseURL, browserName }, testInfo) => {
  test.skip(browserName !== 'chromium', 'the fake camera is a Chromium switch');
  const tag = uniqueTag();
  const member = await createMember(request, `Yoon Ha-eun ${tag}`);
  const { eventId } = await publishedEventWithSession(request, {
    title: `Badge desk ${tag}`,
    sessionTitle: `Welcome ${tag}`,
    registerToken: member.token,
  });
  const badge = await request.get(`/api/events/${eventId}/registrations/me`, {
    headers: { Authorization: `Bearer ${member.token}` },
  });
  expect(badge.status()).toBe(200);
  const { badgeCode } = (await badge.json()) as { badgeCode: string };

  const dir = mkdtempSync(join(tmpdir(), 'ilr-camera-'));
  const video = join(dir, 'badge.y4m');
  writeFileSync(video, qrVideo(badgeCode));
  const launch = testInfo.project.use.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launch,
    args: [
      ...(launch.args ?? []),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({ baseURL, locale: 'en-US', permissions: ['camera'] });
    const page = await context.newPage();
    await logIn(page, ORGANISER, `/events/${eventId}/check-in`);
    await switchToEnglish(page);
    const checkedIn = page.locator('.ant-statistic').filter({ hasText: 'Checked in' });
    await expect(checkedIn).toHaveText(/Checked in\s*0$/);

    await page.getByRole('button', { name: 'Scan with camera' }).click();
    await expect(page.getByLabel('Camera view for scanning badges')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(`Checked in: ${member.displayName}`);
    await expect(checkedIn).toHaveText(/Checked in\s*1$/);
    // The same badge stays in front of the camera: reported again only after a pause, and then
    // as already checked in (never a second check-in).
    await expect(page.getByRole('alert')).toContainText(`Already checked in: ${member.displayName}`, {
      timeout: 15_000,
    });
    await expect(checkedIn).toHaveText(/Checked in\s*1$/);
    await page.getByRole('button', { name: 'Stop camera' }).click();
    await expect(page.getByLabel('Camera view for scanning badges')).toBeHidden();
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
