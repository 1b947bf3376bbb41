import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { can, type Actor } from '@ilr/shared';
import { CurrentUser } from '../accounts/auth.decorators';
import { forbidden } from '../common/domain-error';
import { ApiErrors, PageOf } from '../common/openapi';
import { PageQuery } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { AuditService } from './audit.service';

class AuditActorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;
}

class AuditEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ type: AuditActorDto })
  actor: AuditActorDto;

  @ApiProperty({ example: 'meeting_request.accept' })
  action: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  eventId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subjectId: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  details: Record<string, string> | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

class PageOfAuditEntriesDto extends PageOf(AuditEntryDto) {}

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get(':id/audit')
  @ApiOperation({
    operationId: 'listCompanyAudit',
    summary:
      "What promoters and organisers did on the firm's behalf, newest first (its members, promoters, organisers)",
  })
  @ApiOkResponse({ type: PageOfAuditEntriesDto })
  @ApiErrors(400, 401, 403)
  list(@CurrentUser() user: Actor, @UuidParam() id: string, @Query() query: PageQuery): Promise<PageOfAuditEntriesDto> {
    if (!can(user, 'matchmaking.actFor', { id }))
      throw forbidden('Only the firm, promoters and organisers read its audit trail');
    return this.audit.list(id, query);
  }
}
