/**
 * Upload test material: multipart bodies written byte by byte (so a test controls exactly what is
 * sent, malformed forms included) and sample files — images made with sharp, a minimal PDF, and
 * files that only pretend to be one of those.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import sharp from 'sharp';
import type { Caller } from './factories';
import type { TestApp } from './harness';

/** One part of a multipart form: a file when it has a filename, else a text field. */
export interface FormPart {
  name: string;
  content: Buffer | string;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body and its Content-Type (with the boundary). */
export function multipartBody(parts: FormPart[], boundary = `----ilr-${randomUUID()}`) {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const type = part.contentType ? `Content-Type: ${part.contentType}\r\n` : '';
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    pieces.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content));
    pieces.push(Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The one-file form of an upload. */
export const fileForm = (content: Buffer | string, filename = 'upload.bin', contentType = 'application/octet-stream') =>
  multipartBody([{ name: 'file', content, filename, contentType }]);

/** `POST /api/files` with one file, as `caller` (null: no token). */
export function upload(
  t: TestApp,
  caller: Caller | null,
  content: Buffer | string,
  filename = 'upload.bin',
  contentType = 'application/octet-stream',
) {
  const { body, contentType: type } = fileForm(content, filename, contentType);
  const req = t.http().post('/api/files').set('Content-Type', type);
  return (caller ? req.set(caller.auth) : req).send(body);
}

// ---- sample files ----------------------------------------------------------------------------------

const canvas = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 60 } } });

export const samplePng = (width = 32, height = 24) => canvas(width, height).png().toBuffer();
export const sampleJpeg = (width = 32, height = 24) => canvas(width, height).jpeg().toBuffer();
export const sampleWebp = (width = 32, height = 24) => canvas(width, height).webp().toBuffer();

/** The smallest PDF that readers open: one empty page, a cross-reference table, the trailer. */
export function samplePdf(comment = ''): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let text = `%PDF-1.4\n${comment}`;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

/** A PNG chunk: length, type, data, CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG padded with a private ancillary chunk (decoders skip it) to exactly `bytes` bytes. */
export async function pngOfSize(bytes: number): Promise<Buffer> {
  const png = await samplePng();
  const iend = png.subarray(png.length - 12);
  const padding = bytes - png.length - 12;
  if (padding < 0) throw new Error(`a PNG cannot be as small as ${bytes} bytes`);
  return Buffer.concat([png.subarray(0, png.length - 12), pngChunk('prVt', Buffer.alloc(padding, 0x20)), iend]);
}

/** The start of a 64-bit ELF executable (what `file` and file-type call application/x-elf). */
export const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]);
/** The start of a Windows executable (an MZ header and a PE signature). */
export const WINDOWS_EXE = (() => {
  const exe = Buffer.alloc(256);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
})();
export const HTML = '<!doctype html><html><body><script>document.title = "owned"</script></body></html>';
/** Valid GIF magic and valid JavaScript at once. */
export const GIF_JS = Buffer.from(
  'GIF89a/*\x0a\x00\x0a\x00\x00\x00\x00*/=0;fetch("/api/me").then(r=>r.text()).then(alert);',
);

// ---- a local S3-compatible server --------------------------------------------------------------------

export interface LocalS3 {
  /** The app's S3 variables for this server (the bucket does not exist yet: the app creates it). */
  env: Record<string, string>;
  /** The keys in the bucket. */
  keys: () => Promise<string[]>;
  close: () => Promise<void>;
}

/** s3rver on a free loopback port, keeping its buckets in a temporary folder. */
export async function startLocalS3(): Promise<LocalS3> {
  // The SDK's notice that its 2027 releases will need Node 22 is not news in a test run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const directory = mkdtempSync(join(tmpdir(), 'ilr-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const bucket = 'ilr-test-files';
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  return {
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    keys: async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((o) => o.Key!).sort();
    },
    close: async () => {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
