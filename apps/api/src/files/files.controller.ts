import { RateLimited } from '../cluster/rate-limits';
import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { pipeline } from 'node:stream';
import type { Request, Response } from 'express';
import { UPLOAD_CONTENT_TYPES, type Actor } from '@ilr/shared';
import { Can, CurrentUser, Public } from '../accounts/auth.decorators';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { MAX_UPLOAD_BYTES } from './content';
import { FileQuery } from './dto/files.dto';
import { UploadedFileDto } from './dto/files.responses';
import { FilesService } from './files.service';
import { receiveFile } from './multipart';

/**
 * Nothing served here may run in our origin, whatever an upload tried to be: the type is the one
 * found in the content, the browser may not guess another (nosniff), the document is sandboxed
 * and may load nothing (so even a PDF viewer or an image opened directly runs no script), and
 * PDFs are downloads.
 */
const SERVE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  // The bytes at an id never change.
  'Cache-Control': 'public, max-age=31536000, immutable',
};

const BINARY = { schema: { type: 'string', format: 'binary' } };

/**
 * Uploads for the exhibition (product images, brochures). Reading a file needs no token, so that
 * a published booth's images load for anyone: a file's id is a random UUID that only its uploader
 * learns and shares by using it (API.md §Exhibition).
 */
@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Can('file.upload')
  @Post()
  @RateLimited('upload')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    required: true,
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'PNG, JPEG or WebP up to 5 MB, or PDF up to 20 MB; the only part of the form',
        },
      },
    },
  })
  @ApiOperation({
    operationId: 'uploadFile',
    summary:
      'Upload an image or a PDF, judged by its content (not its name or declared type); images are re-encoded without metadata',
  })
  @ApiCreatedResponse({ type: UploadedFileDto })
  @ApiErrors(400, 401, 413, 415, 429)
  async upload(
    @CurrentUser() user: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadedFileDto> {
    const bytes = await receiveFile(req, res, {
      field: 'file',
      admit: (head) => this.files.admit(head),
      maxBytes: MAX_UPLOAD_BYTES,
    });
    return this.files.store(user, bytes);
  }

  @Public()
  @Get(':id')
  @ApiOperation({
    operationId: 'getFile',
    summary: 'The file (or its thumbnail) with its real type; anyone with the URL may read it',
  })
  @ApiOkResponse({
    description: 'the bytes; images inline, PDFs as attachment; ETag and a year of caching',
    content: Object.fromEntries(UPLOAD_CONTENT_TYPES.map((type) => [type, BINARY])),
  })
  @ApiResponse({ status: 304, description: 'not modified (If-None-Match)' })
  @ApiErrors(400, 404)
  async serve(
    @UuidParam() id: string,
    @Query() query: FileQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const version = await this.files.version(id, query.size === 'thumb');
    res.set({
      ...SERVE_HEADERS,
      'Content-Type': version.contentType,
      'Content-Disposition': `${version.inline ? 'inline' : 'attachment'}; filename="${version.fileName}"`,
      ETag: version.etag,
    });
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const object = await version.open();
    res.setHeader('Content-Length', object.size);
    if (req.method === 'HEAD') {
      object.stream.destroy();
      res.end();
      return;
    }
    // A storage failure half-way or a client that leaves: the response is cut, there is nothing to answer.
    pipeline(object.stream, res, () => undefined);
  }
}
