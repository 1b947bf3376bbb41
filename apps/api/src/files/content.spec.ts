import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { UPLOAD_LIMITS } from '@ilr/shared';
import { DomainError } from '../common/domain-error';
import { checkPdf, detectType, reencodeImage } from './content';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A PNG whose header announces `width` × `height` pixels, with a few rows of data only. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(3 * width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('upload content', () => {
  it('tells the accepted types by their magic bytes', async () => {
    const image = sharp({ create: { width: 4, height: 4, channels: 3, background: '#c03' } });
    expect(await detectType(await image.clone().png().toBuffer())).toBe('image/png');
    expect(await detectType(await image.clone().jpeg().toBuffer())).toBe('image/jpeg');
    expect(await detectType(await image.clone().webp().toBuffer())).toBe('image/webp');
    expect(await detectType(PDF)).toBe('application/pdf');
  });

  it.each([
    ['an ELF executable', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(64)])],
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128)])],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['a GIF that is also JavaScript', Buffer.from('GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=alert(1);')],
    ['an empty file', Buffer.alloc(0)],
  ])('refuses %s with 415', async (_what, bytes) => {
    expect(await refusal(detectType(bytes))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps a whole PDF and refuses one that only starts like a PDF', async () => {
    expect(() => checkPdf(PDF)).not.toThrow();
    expect(await refusal(() => checkPdf(Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>')))).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const appended = Buffer.concat([PDF, Buffer.from('PK\x03\x04'), Buffer.alloc(4096, 0x41)]);
    expect(await refusal(() => checkPdf(appended))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('re-encodes an image without its metadata, the right way up, with a 400 px WebP thumbnail', async () => {
    const photo = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#3a6' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Spy Cam', Copyright: 'someone' }, IFD3: { GPSLatitudeRef: 'N' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const { bytes, thumb } = await reencodeImage(photo, 'image/jpeg');
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 600, height: 1200 });
    expect([meta.exif, meta.orientation, meta.icc, meta.xmp]).toEqual([undefined, undefined, undefined, undefined]);
    expect(await sharp(thumb).metadata()).toMatchObject({ format: 'webp', width: UPLOAD_LIMITS.thumbWidth });
  });

  it('refuses an image announcing more pixels than the limit before decoding it, and a corrupt one', async () => {
    expect(await refusal(reencodeImage(pngHeaderOnly(30000, 30000), 'image/png'))).toBe('PAYLOAD_TOO_LARGE');
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const corrupt = Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 0x55)]);
    expect(await refusal(reencodeImage(corrupt, 'image/png'))).toBe('UNSUPPORTED_MEDIA_TYPE');
    // Magic bytes of a PNG, pixels of a JPEG: the decoder must agree with the type.
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect(await refusal(reencodeImage(jpeg, 'image/png'))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
