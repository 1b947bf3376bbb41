/**
 * What an upload really is, and making it safe to serve. The type is judged by the content only
 * (magic bytes, via file-type), never by the file name or the declared Content-Type. Images are
 * decoded and re-encoded with sharp: that drops every piece of metadata (EXIF, GPS, XMP, comments)
 * and anything appended to or hidden in the file, and applies the EXIF orientation first so the
 * picture still stands the right way up. PDFs are kept byte for byte once they hold together as a
 * PDF from the first byte to the last.
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type FormatEnum, type Metadata, type Sharp } from 'sharp';
import { UPLOAD_LIMITS, type UploadContentType } from '@ilr/shared';
import { FilesErrors } from './files.errors';

export type ImageType = Exclude<UploadContentType, 'application/pdf'>;

/** file-type's verdicts we take, and the type each is stored as (an APNG is a PNG; only its first frame is kept). */
const ACCEPTED: Record<string, UploadContentType> = {
  'image/png': 'image/png',
  'image/apng': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/webp': 'image/webp',
  'application/pdf': 'application/pdf',
};

/** sharp's name for the format of each image type: the decoder must agree with the magic bytes. */
const SHARP_FORMAT: Record<ImageType, keyof FormatEnum> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
};

/** The accepted type the content's magic bytes say it is; 415 for anything else (or nothing known). */
export async function detectType(bytes: Uint8Array): Promise<UploadContentType> {
  const detected = await fileTypeFromBuffer(bytes);
  const type = detected && ACCEPTED[detected.mime];
  if (!type) throw FilesErrors.unsupportedType(detected?.mime);
  return type;
}

export const maxBytesOf = (type: UploadContentType): number =>
  type === 'application/pdf' ? UPLOAD_LIMITS.pdfBytes : UPLOAD_LIMITS.imageBytes;

/** The largest upload of any type: nothing bigger is ever read. */
export const MAX_UPLOAD_BYTES = Math.max(UPLOAD_LIMITS.pdfBytes, UPLOAD_LIMITS.imageBytes);

/**
 * A PDF from end to end: the header `%PDF-x.y` at the very start (file-type only looks for `%PDF`)
 * and the `%%EOF` marker within the last 1024 bytes, where PDF readers look for it. A file that
 * merely starts like a PDF (with an archive or a page appended) is refused.
 */
export function checkPdf(bytes: Buffer): void {
  const header = bytes.subarray(0, 8).toString('latin1');
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (!/^%PDF-\d\.\d$/.test(header) || !tail.includes('%%EOF')) throw FilesErrors.unreadable('application/pdf');
}

export interface ReencodedImage {
  bytes: Buffer;
  /** A WebP at most UPLOAD_LIMITS.thumbWidth wide. */
  thumb: Buffer;
}

/**
 * The image decoded and encoded again in its own format, plus a WebP thumbnail. The size in the
 * header is checked before any pixel is decoded (a few kilobytes can announce gigapixels), and
 * sharp is told the same bound in case a header lies.
 */
export async function reencodeImage(bytes: Buffer, type: ImageType): Promise<ReencodedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw FilesErrors.unreadable(type);
  }
  if (meta.format !== SHARP_FORMAT[type] || !meta.width || !meta.height) throw FilesErrors.unreadable(type);
  if (meta.width * meta.height > UPLOAD_LIMITS.imagePixels) throw FilesErrors.tooManyPixels(meta.width, meta.height);

  // `rotate()` without an angle applies the EXIF orientation; the output keeps no metadata (sharp's default).
  const decode = () => sharp(bytes, { limitInputPixels: UPLOAD_LIMITS.imagePixels, failOn: 'error' }).rotate();
  const encoders: Record<ImageType, (image: Sharp) => Sharp> = {
    'image/png': (image) => image.png(),
    'image/jpeg': (image) => image.jpeg({ quality: 90 }),
    'image/webp': (image) => image.webp({ quality: 90 }),
  };
  try {
    const [reencoded, thumb] = await Promise.all([
      encoders[type](decode()).toBuffer(),
      decode().resize({ width: UPLOAD_LIMITS.thumbWidth, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer(),
    ]);
    return { bytes: reencoded, thumb };
  } catch {
    // Corrupt or truncated pixel data.
    throw FilesErrors.unreadable(type);
  }
}
