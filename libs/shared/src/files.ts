/**
 * Uploads (the exhibition's product images and brochures): the types the API takes, judged by
 * the content, and their limits. The API enforces them; the web app checks them before sending.
 */

/** What an upload may be: images are re-encoded (metadata stripped), PDFs are kept as sent. */
export const UPLOAD_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];

export const isImageType = (type: string): boolean => type.startsWith('image/');

export const UPLOAD_LIMITS = {
  /** Bytes of an image as sent (5 MiB). */
  imageBytes: 5 * 1024 * 1024,
  /** Bytes of a PDF (20 MiB). */
  pdfBytes: 20 * 1024 * 1024,
  /** Pixels of an image (width × height); a bigger one would take too much memory to decode. */
  imagePixels: 40_000_000,
  /** Width of the WebP thumbnail of an image (a smaller image keeps its width). */
  thumbWidth: 400,
} as const;

/** An uploaded file as the API answers it (`POST /api/files`). */
export interface UploadedFile {
  id: string;
  contentType: UploadContentType;
  /** Bytes as stored (an image after re-encoding). */
  size: number;
  /** Serves the file: `/api/files/{id}`. */
  url: string;
  /** Serves a WebP thumbnail (`url?size=thumb`); null for PDFs. */
  thumbUrl: string | null;
}
