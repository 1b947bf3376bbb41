/**
 * Where uploaded bytes live, behind one small interface: local disk (the default, `FILES_DIR`) or
 * an S3-compatible bucket (`S3_BUCKET`, …). Keys are made by FilesService only; rows in `files`
 * say which keys exist. Bodies are whole buffers: every upload is bounded and already checked in
 * memory before it is stored, so nothing half-validated ever reaches the storage.
 */
import type { Provider } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { DiskFileStorage } from './disk.storage';
import { S3FileStorage } from './s3.storage';

export interface StoredObject {
  stream: Readable;
  /** Bytes, for Content-Length. */
  size: number;
}

/** The storage interface, and the injection token of the configured implementation. */
export abstract class FileStorage {
  /** Stores `body` under `key`, replacing nothing: keys are new UUIDs. */
  abstract put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes as a stream, or null when there is no such key. */
  abstract get(key: string): Promise<StoredObject | null>;
  /** Removes the object; a missing key is not an error. */
  abstract delete(key: string): Promise<void>;
}

export const fileStorageProvider: Provider = {
  provide: FileStorage,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): FileStorage =>
    config.files.kind === 's3' ? new S3FileStorage(config.files) : new DiskFileStorage(config.files.dir),
};
