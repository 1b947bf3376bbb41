/**
 * Uploads: what a file is (by its content), storing it with its row, describing files to the
 * features that use them (booths: product images must be images, brochures PDFs), and what
 * serving one needs. Bytes go to the storage first and the row after: a row always has its
 * bytes; a failed insert removes them again.
 */
import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { isImageType, type Actor, type UploadContentType, type UploadedFile } from '@ilr/shared';
import { DatabaseService, inSlices } from '../database/database.service';
import { checkPdf, detectType, maxBytesOf, reencodeImage } from './content';
import { FileEntity } from './file.entity';
import { FilesErrors } from './files.errors';
import { FileStorage, type StoredObject } from './storage/file-storage';

/** A file as other features see it. */
export interface FileInfo extends UploadedFile {
  kind: 'image' | 'pdf';
  /** Who uploaded it; null once their account is gone. */
  ownerId: string | null;
}

/** One servable version of a file (the original or the thumbnail), before its bytes are opened. */
export interface FileVersion {
  contentType: string;
  /** A strong ETag: the content at an id never changes. */
  etag: string;
  /** `<id>.<ext>`: uploads keep no name of their own. */
  fileName: string;
  /** Images are shown in place; PDFs are downloaded, never rendered from our origin. */
  inline: boolean;
  open: () => Promise<StoredObject>;
}

const EXTENSIONS: Record<UploadContentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

export const fileUrl = (id: string) => `/api/files/${id}`;

const toUploaded = (file: FileEntity): UploadedFile => ({
  id: file.id,
  contentType: file.contentType,
  size: file.size,
  url: fileUrl(file.id),
  thumbUrl: file.thumbKey ? `${fileUrl(file.id)}?size=thumb` : null,
});

const toInfo = (file: FileEntity): FileInfo => ({
  ...toUploaded(file),
  kind: isImageType(file.contentType) ? 'image' : 'pdf',
  ownerId: file.ownerId,
});

@Injectable()
export class FilesService {
  private readonly logger = new Logger(FilesService.name);

  constructor(
    private readonly db: DatabaseService,
    private readonly storage: FileStorage,
  ) {}

  /** How large an upload may be, given its first bytes; 415 unless they are an accepted type. */
  async admit(head: Buffer): Promise<number> {
    return maxBytesOf(await detectType(head));
  }

  /** Checks a received upload whole, makes it safe (images re-encoded), stores it and its row. */
  async store(owner: Actor, received: Buffer): Promise<UploadedFile> {
    const contentType = await detectType(received);
    if (received.length > maxBytesOf(contentType)) throw FilesErrors.tooLarge(maxBytesOf(contentType));
    let bytes = received;
    let thumb: Buffer | null = null;
    if (contentType === 'application/pdf') checkPdf(received);
    else ({ bytes, thumb } = await reencodeImage(received, contentType));

    const id = randomUUID();
    // Two hex characters of fan-out keep a disk folder from holding every file.
    const storageKey = `${id.slice(0, 2)}/${id}`;
    const file = Object.assign(new FileEntity(), {
      id,
      ownerId: owner.id,
      contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey,
      thumbKey: thumb ? `${storageKey}.thumb.webp` : null,
      createdAt: new Date(),
    });
    try {
      await this.storage.put(file.storageKey, bytes, contentType);
      if (thumb && file.thumbKey) await this.storage.put(file.thumbKey, thumb, 'image/webp');
      await this.db.transaction((em) => em.insert(FileEntity, file));
    } catch (error) {
      await this.removeBytes(file);
      throw error;
    }
    return toUploaded(file);
  }

  /**
   * The files among `ids` that exist (unknown ids are left out: compare the lengths), for a feature
   * that lets users refer to uploads. Pass the caller's transaction manager to read inside it.
   */
  async describe(ids: readonly string[], em: EntityManager = this.db.manager): Promise<FileInfo[]> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    const rows = await inSlices(unique, (slice) => em.findBy(FileEntity, { id: In(slice) }));
    return rows.map(toInfo);
  }

  /** The original (or the image's thumbnail) to serve; 404 for an unknown id or a PDF's thumbnail. */
  async version(id: string, thumb: boolean): Promise<FileVersion> {
    const file = await this.db.manager.findOneBy(FileEntity, { id });
    if (!file) throw FilesErrors.notFound();
    const key = thumb ? file.thumbKey : file.storageKey;
    if (!key) throw FilesErrors.noThumbnail();
    return {
      contentType: thumb ? 'image/webp' : file.contentType,
      etag: `"${file.sha256}${thumb ? '-thumb' : ''}"`,
      fileName: `${file.id}${thumb ? '-thumb' : ''}.${thumb ? 'webp' : EXTENSIONS[file.contentType]}`,
      inline: isImageType(file.contentType),
      open: async () => {
        const object = await this.storage.get(key);
        if (!object) {
          this.logger.error({ fileId: file.id, key }, 'a file row has no bytes in the storage');
          throw FilesErrors.notFound();
        }
        return object;
      },
    };
  }

  private async removeBytes(file: FileEntity): Promise<void> {
    for (const key of [file.storageKey, file.thumbKey]) {
      if (!key) continue;
      await this.storage
        .delete(key)
        .catch((error: unknown) =>
          this.logger.warn({ err: error, key }, 'could not remove the bytes of a failed upload'),
        );
    }
  }
}
