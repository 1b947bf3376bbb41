/**
 * Uploads in an S3-compatible bucket (AWS S3, MinIO, …) with the official SDK. The bucket is
 * checked at start-up and created when it does not exist yet (a fresh MinIO), so a wrong endpoint,
 * key or bucket stops the start with the storage's own answer instead of failing the first upload.
 */
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { FilesStorageConfig } from '../../config/config';
import type { FileStorage, StoredObject } from './file-storage';

type S3Config = Extract<FilesStorageConfig, { kind: 's3' }>;

export class S3FileStorage implements FileStorage, OnModuleInit, OnModuleDestroy {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3Config) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint ?? undefined,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials ?? undefined,
      // Checksums only where S3 requires them: many S3-compatible servers do not know the
      // SDK's newer default (CRC32 trailers in aws-chunked bodies).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const status = (error as S3ServiceException).$metadata?.httpStatusCode;
      if (!(error instanceof NotFound) && status !== 404) {
        const { name, message } = error as Error;
        throw new Error(
          `The S3 bucket "${this.bucket}" cannot be used: ${name}${status ? ` (HTTP ${status})` : ''} ${message ?? ''}`,
        );
      }
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentLength: body.length,
      }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { stream: object.Body as Readable, size: object.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
