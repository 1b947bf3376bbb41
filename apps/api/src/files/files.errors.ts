import { UPLOAD_CONTENT_TYPES, UPLOAD_LIMITS } from '@ilr/shared';
import { DomainError, validationFailed } from '../common/domain-error';

const MIB = 1024 * 1024;
const accepted = { accepted: [...UPLOAD_CONTENT_TYPES] };
const ONE_FILE = 'The form must hold one file, in the field "file", and nothing else';

export const FilesErrors = {
  notFound: () => new DomainError('NOT_FOUND', 'File not found'),
  noThumbnail: () => new DomainError('NOT_FOUND', 'Only images have a thumbnail'),
  notMultipart: () =>
    new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as multipart/form-data, in the form field "file"',
      accepted,
    ),
  /** What the content is, by its magic bytes (file-type's verdict), when it is not one we take. */
  unsupportedType: (detected?: string) =>
    new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Only PNG, JPEG and WebP images and PDF documents are accepted (judged by the content${
        detected ? `, which is ${detected}` : ''
      })`,
      accepted,
    ),
  /** Starts like an accepted type but does not hold together as one (corrupt, truncated, a disguise). */
  unreadable: (type: string) =>
    new DomainError('UNSUPPORTED_MEDIA_TYPE', `The file starts like ${type} but is not a readable ${type}`, accepted),
  tooLarge: (maxBytes: number) =>
    new DomainError(
      'PAYLOAD_TOO_LARGE',
      `The file is larger than ${maxBytes / MIB} MB (images up to ${UPLOAD_LIMITS.imageBytes / MIB} MB, PDFs up to ${
        UPLOAD_LIMITS.pdfBytes / MIB
      } MB)`,
      { maxBytes },
    ),
  tooManyPixels: (width: number, height: number) =>
    new DomainError(
      'PAYLOAD_TOO_LARGE',
      `The image is ${width} × ${height} pixels; at most ${UPLOAD_LIMITS.imagePixels / 1_000_000} megapixels are accepted`,
      { maxPixels: UPLOAD_LIMITS.imagePixels },
    ),
  malformed: (why: string) => validationFailed({}, `The multipart body could not be read: ${why}`),
  fileMissing: () =>
    validationFailed({ file: { code: 'required', message: 'must be a file part of the form' } }, ONE_FILE),
  fileNotAFile: () =>
    validationFailed(
      { file: { code: 'type', params: { type: 'file' }, message: 'must be a file (a part with a filename)' } },
      ONE_FILE,
    ),
  oneFileOnly: () =>
    validationFailed({ file: { code: 'maxItems', params: { max: 1 }, message: 'must be a single file' } }, ONE_FILE),
  unknownPart: (name: string) =>
    validationFailed(
      { [name.slice(0, 100) || '(unnamed)']: { code: 'unknownField', message: 'is not an allowed field' } },
      ONE_FILE,
    ),
};
