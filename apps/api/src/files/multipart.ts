/**
 * Reads the one file of a multipart/form-data upload as it streams in (busboy). The file's first
 * bytes decide what it is and so how large it may be (`admit`); past that size, or when `admit`
 * refuses the type, reading stops at once: the rest of the body is never read, the answer says
 * `Connection: close`, and at most the limit is ever held in memory. Any other part (a text
 * field, a second file, a file under another name) is refused, as JSON bodies refuse unknown fields.
 */
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { FilesErrors } from './files.errors';

/** Bytes file-type needs to tell every accepted type apart (its `reasonableDetectionSizeInBytes`). */
export const SNIFF_BYTES = 4100;

/** Bounds on everything around the file: a form's few parts and their headers. */
const FORM_LIMITS = { fieldNameSize: 100, fieldSize: 1024, fields: 1, files: 1, parts: 2, headerPairs: 20 };
/** Room for the boundaries and part headers around the largest file a declared length may announce. */
const FORM_OVERHEAD = 64 * 1024;

export interface ReceiveOptions {
  /** The form field that carries the file. */
  field: string;
  /** Given the first bytes (all of them when the file is shorter), the file's size limit; throws to refuse the type. */
  admit: (head: Buffer) => Promise<number>;
  /** The largest size `admit` may return: busboy stops there even if we did not. */
  maxBytes: number;
}

/** The file's bytes once the whole form has been read and found to hold exactly that file. */
export function receiveFile(req: Request, res: Response, options: ReceiveOptions): Promise<Buffer> {
  if (!req.is('multipart/form-data')) return Promise.reject(FilesErrors.notMultipart());
  // A body announced larger than any file may be is refused before a byte of it is read.
  if (Number(req.headers['content-length']) > options.maxBytes + FORM_OVERHEAD) {
    res.setHeader('Connection', 'close');
    return Promise.reject(FilesErrors.tooLarge(options.maxBytes));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { ...FORM_LIMITS, fileSize: options.maxBytes + 1 },
    });
  } catch {
    // No boundary, or a boundary busboy cannot use.
    return Promise.reject(FilesErrors.malformed('the Content-Type has no usable boundary'));
  }

  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    let file: Promise<Buffer> | null = null;
    let current: Readable | null = null;

    /** Refuses the upload and stops reading the request: the connection closes after the answer. */
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      current?.destroy();
      parser.destroy();
      if (!res.headersSent) res.setHeader('Connection', 'close');
      reject(error);
    };

    parser.on('file', (name, stream) => {
      // Destroying the parser later ends an unread file stream with an error nobody needs.
      stream.on('error', () => undefined);
      if (name !== options.field) {
        stream.resume();
        return fail(FilesErrors.unknownPart(name));
      }
      current = stream;
      file = readBounded(stream, options.admit);
      // A refused file stops everything at once, before the rest of the form arrives.
      file.catch(fail);
    });
    parser.on('field', (name) =>
      fail(name === options.field ? FilesErrors.fileNotAFile() : FilesErrors.unknownPart(name)),
    );
    parser.on('filesLimit', () => fail(FilesErrors.oneFileOnly()));
    parser.on('fieldsLimit', () => fail(FilesErrors.malformed('a form with fields besides the file')));
    parser.on('partsLimit', () => fail(FilesErrors.malformed('a form with more parts than the file')));
    parser.on('error', (error: Error) => fail(FilesErrors.malformed(error.message)));
    parser.on('finish', () => {
      if (settled) return;
      if (!file) return fail(FilesErrors.fileMissing());
      file.then((bytes) => {
        if (settled) return;
        settled = true;
        resolve(bytes);
      }, fail);
    });
    // The client went away: nothing to answer, but let go of what was read.
    req.on('close', () => req.complete || fail(FilesErrors.malformed('the upload was interrupted')));
    req.pipe(parser);
  });
}

/** The stream's bytes, refusing as soon as they pass the limit `admit` gives for their type. */
async function readBounded(stream: Readable, admit: ReceiveOptions['admit']): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let limit: number | null = null;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (limit === null && size >= SNIFF_BYTES) limit = await admit(Buffer.concat(chunks));
    if (limit !== null && size > limit) throw FilesErrors.tooLarge(limit);
  }
  const bytes = Buffer.concat(chunks, size);
  if (limit === null) limit = await admit(bytes);
  if (size > limit) throw FilesErrors.tooLarge(limit);
  return bytes;
}
