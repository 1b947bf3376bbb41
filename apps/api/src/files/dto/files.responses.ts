import { ApiProperty } from '@nestjs/swagger';
import { UPLOAD_CONTENT_TYPES, type UploadContentType, type UploadedFile } from '@ilr/shared';

export class UploadedFileDto implements UploadedFile {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: UPLOAD_CONTENT_TYPES,
    enumName: 'UploadContentType',
    description: 'what the content is, whatever the name or the declared type said',
  })
  contentType: UploadContentType;

  @ApiProperty({ minimum: 1, description: 'bytes as stored (an image after re-encoding, which drops its metadata)' })
  size: number;

  @ApiProperty({
    example: '/api/files/0b7c6a52-2f36-4a0e-9d5e-6c7f0f5d9a11',
    description:
      'serves the file to anyone who has this URL (the id is a random UUID): its real type, ' +
      '`X-Content-Type-Options: nosniff`, a sandboxing Content-Security-Policy, inline for images, ' +
      'as a download for PDFs, cached for a year',
  })
  url: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/files/0b7c6a52-2f36-4a0e-9d5e-6c7f0f5d9a11?size=thumb',
    description: 'images: `url?size=thumb`, a WebP at most 400 px wide; null for PDFs',
  })
  thumbUrl: string | null;
}
