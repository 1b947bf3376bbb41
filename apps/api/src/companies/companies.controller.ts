import { Body, Controller, Get, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Company, CompanyImportResult, Page } from '@ilr/shared';
import { CurrentUser, Roles } from '../accounts/auth.decorators';
import type { UserEntity } from '../accounts/user.entity';
import { DomainError } from '../common/domain-error';
import { UuidParam } from '../common/validation';
import { CompaniesService } from './companies.service';
import { CSV_COLUMNS } from './company-csv';
import { CompanyListQuery, CreateCompanyDto, UpdateCompanyDto } from './dto/companies.dto';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a company; a member without one becomes its member' })
  create(@CurrentUser() user: UserEntity, @Body() dto: CreateCompanyDto): Promise<Company> {
    return this.companies.create(user, dto);
  }

  @Get()
  list(@Query() query: CompanyListQuery): Promise<Page<Company>> {
    return this.companies.list(query);
  }

  @Roles('organiser', 'promoter')
  @Post('import')
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      description: `CSV with the header ${CSV_COLUMNS.join(',')}; offers and needs separated by ";"`,
    },
  })
  @ApiOperation({ summary: 'Import firms from CSV, all or nothing; problems are reported by row number' })
  import(@CurrentUser() user: UserEntity, @Req() req: Request): Promise<CompanyImportResult> {
    if (!req.is('text/csv') || typeof req.body !== 'string') {
      throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as the body with Content-Type: text/csv');
    }
    return this.companies.importCsv(user, req.body);
  }

  @Get(':id')
  get(@UuidParam() id: string): Promise<Company> {
    return this.companies.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a company (its members, promoters, organisers)' })
  update(@CurrentUser() user: UserEntity, @UuidParam() id: string, @Body() dto: UpdateCompanyDto): Promise<Company> {
    return this.companies.update(user, id, dto);
  }
}
