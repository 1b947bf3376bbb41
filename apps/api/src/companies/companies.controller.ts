import { Body, Controller, Get, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '@ilr/shared';
import { CurrentUser, Can } from '../accounts/auth.decorators';
import { DomainError } from '../common/domain-error';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { CompaniesService } from './companies.service';
import { CSV_COLUMNS } from './company-csv';
import { CompanyListQuery, CreateCompanyDto, UpdateCompanyDto } from './dto/companies.dto';
import { CompanyDto, CompanyImportResultDto, PageOfCompaniesDto } from './dto/companies.responses';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @ApiOperation({ operationId: 'createCompany', summary: 'Create a company; a member without one becomes its member' })
  @ApiCreatedResponse({ type: CompanyDto })
  @ApiErrors(400, 401, 409, 413)
  create(@CurrentUser() user: Actor, @Body() dto: CreateCompanyDto): Promise<CompanyDto> {
    return this.companies.create(user, dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listCompanies', summary: 'Companies by country, sector and text' })
  @ApiOkResponse({ type: PageOfCompaniesDto })
  @ApiErrors(400, 401)
  list(@Query() query: CompanyListQuery): Promise<PageOfCompaniesDto> {
    return this.companies.list(query);
  }

  @Can('company.import')
  @Post('import')
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      description: `CSV with the header ${CSV_COLUMNS.join(',')}; offers and needs separated by ";"`,
    },
  })
  @ApiOperation({
    operationId: 'importCompanies',
    summary: 'Import firms from CSV, all or nothing; problems are reported by row number (details.rows)',
  })
  @ApiCreatedResponse({ type: CompanyImportResultDto })
  @ApiErrors(400, 401, 403, 409, 413, 415)
  import(@CurrentUser() user: Actor, @Req() req: Request): Promise<CompanyImportResultDto> {
    if (!req.is('text/csv') || typeof req.body !== 'string') {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as the body with Content-Type: text/csv');
    }
    return this.companies.importCsv(user, req.body);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getCompany', summary: 'One company' })
  @ApiOkResponse({ type: CompanyDto })
  @ApiErrors(400, 401, 404)
  get(@UuidParam() id: string): Promise<CompanyDto> {
    return this.companies.get(id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateCompany', summary: 'Edit a company (its members, promoters, organisers)' })
  @ApiOkResponse({ type: CompanyDto })
  @ApiErrors(400, 401, 403, 404, 413)
  update(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: UpdateCompanyDto): Promise<CompanyDto> {
    return this.companies.update(user, id, dto);
  }
}
