/**
 * Uploads (API.md §Exhibition): what is accepted is judged by the content, never by the name or
 * the declared type; images come back re-encoded without metadata; size limits stop the upload
 * while it streams in; what is served cannot run in our origin. The storage round trip runs on
 * both implementations: local disk and an S3-compatible server (s3rver) started here.
 */
import { readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { UPLOAD_LIMITS } from '@ilr/shared';
import { FilesService } from '../src/files/files.service';
import { DatabaseService } from '../src/database/database.service';
import { quickUser, type Caller } from './factories';
import { startApp, type TestApp } from './harness';
import {
  ELF,
  GIF_JS,
  HTML,
  WINDOWS_EXE,
  multipartBody,
  pngOfSize,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleWebp,
  startLocalS3,
  upload,
  type LocalS3,
} from './uploads';

const MIB = 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** GET a served file with its bytes as a Buffer whatever its type. */
const fetchFile = (t: TestApp, url: string, headers: Record<string, string> = {}) =>
  t
    .http()
    .get(url)
    .set(headers)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

/** Every file under a folder (the disk storage's objects). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

async function fileRows(t: TestApp): Promise<number> {
  const [{ n }] = await t.app.get(DatabaseService).dataSource.query('SELECT COUNT(*) AS n FROM files');
  return Number(n);
}

/**
 * Streams a form whose file starts with `head` and goes on with zeros up to `total` bytes, with
 * no declared length (chunked), until the server answers or stops taking bytes. `sent` counts
 * what the client could hand to the connection.
 */
function streamUpload(
  t: TestApp,
  caller: Caller,
  head: Buffer,
  total: number,
  declaredLength?: number,
): Promise<{ status: number; body: { error?: { code: string } }; sent: number; connection?: string }> {
  const boundary = 'ilr-stream-boundary';
  const { port } = new URL(t.baseUrl);
  const prefix = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port: Number(port),
      method: 'POST',
      path: '/api/files',
      headers: {
        ...caller.auth,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        ...(declaredLength === undefined ? {} : { 'Content-Length': String(declaredLength) }),
      },
    });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString()),
          sent,
          connection: res.headers.connection,
        });
      });
    });
    // The server closes the connection in the middle of the upload: expected once it has answered.
    req.on('error', (error) => answered || reject(error));
    const zeros = Buffer.alloc(64 * 1024);
    const pump = () => {
      while (!answered && !req.destroyed && sent < total) {
        const chunk = sent === 0 ? Buffer.concat([prefix, head]) : zeros;
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (sent >= total && !answered) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

describe('uploads', () => {
  let t: TestApp;
  let member: Caller;
  beforeAll(async () => {
    t = await startApp();
    member = await quickUser(t, 'member', 'Exhibitor');
  });
  afterAll(() => t.close());

  const stored = () => filesUnder(t.config.files.kind === 'disk' ? t.config.files.dir : '');

  it('needs a token to upload', async () => {
    const res = await upload(t, null, await samplePng(), 'a.png', 'image/png').expect(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['PNG', 'image/png', samplePng],
    ['JPEG', 'image/jpeg', sampleJpeg],
    ['WebP', 'image/webp', sampleWebp],
  ])('accepts a %s image and answers id, type, size, url and thumbUrl', async (_name, type, make) => {
    const res = await upload(t, member, await make(), 'product', type).expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      contentType: type,
      size: expect.any(Number),
      url: `/api/files/${res.body.id}`,
      thumbUrl: `/api/files/${res.body.id}?size=thumb`,
    });
    const served = await fetchFile(t, res.body.url).expect(200);
    expect(served.headers['content-type']).toBe(type);
    expect(Number(served.headers['content-length'])).toBe(res.body.size);
    expect(await sharp(served.body as Buffer).metadata()).toMatchObject({ width: 32, height: 24 });
  });

  it('accepts a PDF and keeps it byte for byte', async () => {
    const pdf = samplePdf();
    const res = await upload(t, member, pdf, 'brochure.pdf', 'application/pdf').expect(201);
    expect(res.body).toMatchObject({ contentType: 'application/pdf', size: pdf.length, thumbUrl: null });
    const served = await fetchFile(t, res.body.url).expect(200);
    expect(Buffer.compare(served.body as Buffer, pdf)).toBe(0);
    await t.http().get(`${res.body.url}?size=thumb`).expect(404);
  });

  it('serves with the real type, nosniff, a sandboxing CSP, inline images and PDFs as downloads, cached with an ETag', async () => {
    const image = await upload(t, member, await samplePng(), 'a.png', 'image/png').expect(201);
    const pdf = await upload(t, member, samplePdf(), 'b.pdf', 'application/pdf').expect(201);
    const img = await fetchFile(t, image.body.url).expect(200);
    const doc = await fetchFile(t, pdf.body.url).expect(200);
    for (const [url, res, type, disposition] of [
      [image.body.url, img, 'image/png', 'inline'],
      [pdf.body.url, doc, 'application/pdf', 'attachment'],
    ] as const) {
      expect(res.headers).toMatchObject({
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'public, max-age=31536000, immutable',
      });
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^${disposition}; filename="[0-9a-f-]{36}\\.`));
      expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
      await t.http().get(url).set('If-None-Match', res.headers.etag).expect(304);
    }
    // Public: a booth's images load for visitors without a token.
    await t.http().get(image.body.url).expect(200);
    await t.http().get('/api/files/4f1b7c0e-8a52-4f0e-9a1c-2b3d4e5f6a7b').expect(404);
    await t.http().get('/api/files/not-a-uuid').expect(400);
    await t.http().get(`${image.body.url}?size=huge`).expect(400);
  });

  it('serves a WebP thumbnail at most 400 px wide', async () => {
    const res = await upload(t, member, await sampleJpeg(1600, 900), 'wide.jpg', 'image/jpeg').expect(201);
    const thumb = await fetchFile(t, res.body.thumbUrl).expect(200);
    expect(thumb.headers).toMatchObject({ 'content-type': 'image/webp', 'x-content-type-options': 'nosniff' });
    expect(thumb.headers.etag).not.toBe((await t.http().head(res.body.url).expect(200)).headers.etag);
    expect(await sharp(thumb.body as Buffer).metadata()).toMatchObject({
      format: 'webp',
      width: UPLOAD_LIMITS.thumbWidth,
      height: 225,
    });
    // A small image keeps its size.
    const small = await upload(t, member, await samplePng(), 's.png', 'image/png').expect(201);
    const smallThumb = await fetchFile(t, small.body.thumbUrl).expect(200);
    expect(await sharp(smallThumb.body as Buffer).metadata()).toMatchObject({ width: 32, height: 24 });
  });

  it('strips EXIF and GPS from a JPEG and turns it the way its orientation said', async () => {
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#468' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'PhoneCo', Model: 'X1', Copyright: 'Kim' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '36/1 4/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '120/1 22/1 0/1',
        },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const before = await sharp(photo).metadata();
    expect(before.exif?.toString('latin1')).toContain('PhoneCo');
    const res = await upload(t, member, photo, 'IMG_0001.JPG', 'image/jpeg').expect(201);
    const served = await fetchFile(t, res.body.url).expect(200);
    const after = await sharp(served.body as Buffer).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 200, height: 300 });
    expect({ exif: after.exif, orientation: after.orientation, xmp: after.xmp, icc: after.icc }).toEqual({
      exif: undefined,
      orientation: undefined,
      xmp: undefined,
      icc: undefined,
    });
    expect((served.body as Buffer).includes(Buffer.from('PhoneCo'))).toBe(false);
  });

  it.each([
    ['an ELF executable named .png, declared image/png', ELF, 'photo.png', 'image/png'],
    ['a Windows executable named .jpg, declared image/jpeg', WINDOWS_EXE, 'photo.jpg', 'image/jpeg'],
    ['HTML declared image/png', Buffer.from(HTML), 'index.png', 'image/png'],
    ['a GIF that is also JavaScript', GIF_JS, 'pixel.png', 'image/png'],
    ['an empty file', Buffer.alloc(0), 'empty.png', 'image/png'],
    ['a PNG signature followed by garbage', Buffer.concat([PNG_SIGNATURE, Buffer.alloc(300, 7)]), 'x.png', 'image/png'],
  ])('refuses %s with 415 and stores nothing', async (_what, bytes, name, type) => {
    const [rows, objects] = [await fileRows(t), stored().length];
    const res = await upload(t, member, bytes, name, type).expect(415);
    expect(res.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { accepted: expect.any(Array) } });
    expect([await fileRows(t), stored().length]).toEqual([rows, objects]);
  });

  it('goes by the content when the declared type lies: a PDF sent as image/png is stored and served as a PDF', async () => {
    const res = await upload(t, member, samplePdf(), 'cat.png', 'image/png').expect(201);
    expect(res.body).toMatchObject({ contentType: 'application/pdf', thumbUrl: null });
    const served = await fetchFile(t, res.body.url).expect(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toMatch(/^attachment; filename="[0-9a-f-]{36}\.pdf"$/);
  });

  it('never serves a PDF/HTML polyglot as HTML, and refuses a file that only starts like a PDF', async () => {
    const polyglot = samplePdf(`%<html><body><script>alert(document.cookie)</script></body></html>\n`);
    const res = await upload(t, member, polyglot, 'page.html', 'text/html').expect(201);
    const served = await fetchFile(t, res.body.url).expect(200);
    expect(served.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect(served.headers['content-disposition']).toMatch(/^attachment;/);
    // PDF magic with a ZIP archive appended (readers would find either), or with no PDF after the header.
    const zipAppended = Buffer.concat([samplePdf(), Buffer.from('PK\x03\x04'), Buffer.alloc(8192, 0x41)]);
    await upload(t, member, zipAppended, 'doc.pdf', 'application/pdf').expect(415);
    await upload(t, member, `%PDF-1.7\n${HTML}`, 'doc.pdf', 'application/pdf').expect(415);
  });

  it('refuses an image announcing more pixels than the limit (a decompression bomb) with 413', async () => {
    // A real 10000 × 5000 PNG of one colour: small on the wire, 50 megapixels to decode.
    const bomb = await sharp({ create: { width: 10000, height: 5000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(UPLOAD_LIMITS.imageBytes);
    const res = await upload(t, member, bomb, 'bomb.png', 'image/png').expect(413);
    expect(res.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { maxPixels: UPLOAD_LIMITS.imagePixels },
    });
  });

  it('takes an image of exactly 5 MB and refuses one byte more with 413', async () => {
    await upload(t, member, await pngOfSize(UPLOAD_LIMITS.imageBytes), 'max.png', 'image/png').expect(201);
    const rows = await fileRows(t);
    const res = await upload(t, member, await pngOfSize(UPLOAD_LIMITS.imageBytes + 1), 'over.png', 'image/png').expect(
      413,
    );
    expect(res.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { maxBytes: UPLOAD_LIMITS.imageBytes },
    });
    expect(await fileRows(t)).toBe(rows);
  });

  it('refuses a PDF over 20 MB with 413', async () => {
    const big = Buffer.concat([samplePdf(), Buffer.alloc(UPLOAD_LIMITS.pdfBytes, 0x20), Buffer.from('\n%%EOF\n')]);
    const res = await upload(t, member, big, 'big.pdf', 'application/pdf').expect(413);
    expect(res.body.error.details).toEqual({ maxBytes: UPLOAD_LIMITS.pdfBytes });
  });

  it('stops reading an oversized upload: the answer comes mid-stream and the connection closes', async () => {
    const png = await samplePng();
    const total = 200 * MIB;
    const res = await streamUpload(t, member, png, total);
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.connection).toBe('close');
    // The limit plus what the socket buffers on both sides hold, far from the 200 MB offered.
    expect(res.sent).toBeLessThan(UPLOAD_LIMITS.imageBytes + 16 * MIB);
    // The server still serves.
    await t.http().get('/api/health').expect(200);
  });

  it('refuses a body announced larger than any upload before reading it', async () => {
    const res = await streamUpload(t, member, await samplePng(), 1 * MIB, 500 * MIB);
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(16 * MIB);
  });

  it('refuses a body that is not a multipart form with 415, and a form without the file with 400', async () => {
    const json = await t.http().post('/api/files').set(member.auth).send({ file: 'x' }).expect(415);
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const raw = await t
      .http()
      .post('/api/files')
      .set(member.auth)
      .set('Content-Type', 'image/png')
      .send(await samplePng());
    expect(raw.status).toBe(415);
    const nothing = await t.http().post('/api/files').set(member.auth).expect(415);
    expect(nothing.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const send = (parts: Parameters<typeof multipartBody>[0]) => {
      const { body, contentType } = multipartBody(parts);
      return t.http().post('/api/files').set(member.auth).set('Content-Type', contentType).send(body);
    };
    const png = await samplePng();
    const noFile = await send([{ name: 'title', content: 'hello' }]).expect(400);
    expect(noFile.body.error.details.fieldErrors).toEqual({ title: { code: 'unknownField' } });
    const empty = await send([]).expect(400);
    expect(empty.body.error.details.fieldErrors).toEqual({ file: { code: 'required' } });
    const otherName = await send([{ name: 'image', content: png, filename: 'a.png' }]).expect(400);
    expect(otherName.body.error.details.fieldErrors).toEqual({ image: { code: 'unknownField' } });
    const twoFiles = await send([
      { name: 'file', content: png, filename: 'a.png' },
      { name: 'file', content: png, filename: 'b.png' },
    ]).expect(400);
    expect(twoFiles.body.error.details.fieldErrors).toEqual({ file: { code: 'maxItems', params: { max: 1 } } });
    await send([{ name: 'file', content: 'just text' }]).expect(400);
    const noBoundary = await t
      .http()
      .post('/api/files')
      .set(member.auth)
      .set('Content-Type', 'multipart/form-data')
      .send('--x\r\n');
    expect(noBoundary.status).toBe(400);
    expect(noBoundary.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('describes files for the features that use them', async () => {
    const image = await upload(t, member, await samplePng(), 'a.png', 'image/png').expect(201);
    const pdf = await upload(t, member, samplePdf(), 'b.pdf', 'application/pdf').expect(201);
    const files = t.app.get(FilesService);
    const infos = await files.describe([
      image.body.id,
      pdf.body.id.toUpperCase(),
      '4f1b7c0e-8a52-4f0e-9a1c-2b3d4e5f6a7b',
    ]);
    expect(infos.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { ...image.body, kind: 'image', ownerId: member.user.id },
      { ...pdf.body, kind: 'pdf', ownerId: member.user.id },
    ]);
    expect(await files.describe([])).toEqual([]);
  });
});

describe.each(['disk', 's3'] as const)('file storage on %s', (kind) => {
  let t: TestApp;
  let s3: LocalS3 | null = null;
  let member: Caller;
  /** The disk storage's folder; with S3 it is configured too and must stay empty. */
  const dir = join(tmpdir(), `ilr-files-${kind}-${process.pid}`);
  beforeAll(async () => {
    if (kind === 's3') s3 = await startLocalS3();
    t = await startApp({ FILES_DIR: dir, ...s3?.env });
    member = await quickUser(t);
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the configured one', () => {
    expect(t.config.files.kind).toBe(kind);
  });

  it('stores every accepted type and serves it back with its thumbnail', async () => {
    const samples = [
      ['image/png', await samplePng(640, 480)],
      ['image/jpeg', await sampleJpeg(640, 480)],
      ['image/webp', await sampleWebp(640, 480)],
      ['application/pdf', samplePdf()],
    ] as const;
    const ids: string[] = [];
    for (const [type, bytes] of samples) {
      const res = await upload(t, member, bytes, 'sample', type).expect(201);
      expect(res.body.contentType).toBe(type);
      ids.push(res.body.id);
      const served = await fetchFile(t, res.body.url).expect(200);
      expect(served.headers['content-type']).toBe(type);
      expect((served.body as Buffer).length).toBe(res.body.size);
      if (type === 'application/pdf') expect(Buffer.compare(served.body as Buffer, bytes)).toBe(0);
      else {
        expect(await sharp(served.body as Buffer).metadata()).toMatchObject({ width: 640, height: 480 });
        const thumb = await fetchFile(t, res.body.thumbUrl).expect(200);
        expect(await sharp(thumb.body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 400, height: 300 });
      }
    }
    // Each file's bytes (and each image's thumbnail) are in this storage, and only there.
    const expected = ids.flatMap((id, i) => {
      const key = `${id.slice(0, 2)}/${id}`;
      return samples[i][0] === 'application/pdf' ? [key] : [key, `${key}.thumb.webp`];
    });
    const onDisk = filesUnder(dir).map((path) => path.slice(dir.length + 1));
    if (s3) {
      expect(await s3.keys()).toEqual(expected.sort());
      expect(onDisk).toEqual([]);
    } else expect(onDisk.sort()).toEqual(expected.sort());
  });

  it('stores nothing for a refused upload', async () => {
    const before = s3 ? await s3.keys() : filesUnder(dir);
    await upload(t, member, ELF, 'x.png', 'image/png').expect(415);
    await upload(t, member, await pngOfSize(UPLOAD_LIMITS.imageBytes + 1), 'x.png', 'image/png').expect(413);
    const after = s3 ? await s3.keys() : filesUnder(dir);
    expect(after).toEqual(before);
  });
});
