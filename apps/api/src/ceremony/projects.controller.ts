/** API.md §Projects: the project catalogue (public to browse) and exchange rates. */
import { Body, Controller, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ilr/shared';
import { Can, CurrentUser, Public } from '../accounts/auth.decorators';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import {
  CreateProjectDto,
  ProjectListQuery,
  ProjectTotalsQuery,
  PutRatesDto,
  UpdateProjectDto,
} from './dto/ceremony.dto';
import { PageOfProjectsDto, ProjectDto, ProjectTotalsDto, RateDto } from './dto/ceremony.responses';
import { ProjectsService } from './projects.service';
import { RatesService } from './rates.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller()
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly rates: RatesService,
  ) {}

  @Post('projects')
  @Can('project.create')
  @ApiOperation({ operationId: 'createProject', summary: 'Publish an investment project (promoters, organisers)' })
  @ApiCreatedResponse({ type: ProjectDto })
  @ApiErrors(400, 401, 403, 413)
  create(@CurrentUser() user: Actor, @Body() dto: CreateProjectDto): Promise<ProjectDto> {
    return this.projects.create(user, dto);
  }

  @Public()
  @Get('projects')
  @ApiOperation({ operationId: 'listProjects', summary: 'The project catalogue (sunshine release), newest first' })
  @ApiOkResponse({ type: PageOfProjectsDto })
  @ApiErrors(400)
  list(@Query() query: ProjectListQuery): Promise<PageOfProjectsDto> {
    return this.projects.list(query);
  }

  @Public()
  @Get('projects/totals')
  @ApiOperation({
    operationId: 'getProjectTotals',
    summary: "The catalogue's investment per currency and in USD at the rates in force",
  })
  @ApiOkResponse({ type: ProjectTotalsDto })
  @ApiErrors(400)
  totals(@Query() query: ProjectTotalsQuery): Promise<ProjectTotalsDto> {
    return this.projects.totals(query);
  }

  @Public()
  @Get('projects/:id')
  @ApiOperation({ operationId: 'getProject', summary: 'One project of the catalogue' })
  @ApiOkResponse({ type: ProjectDto })
  @ApiErrors(400, 404)
  get(@UuidParam() id: string): Promise<ProjectDto> {
    return this.projects.get(id);
  }

  @Patch('projects/:id')
  @ApiOperation({
    operationId: 'updateProject',
    summary: "Edit a project or move its status (the project's promoter, organisers)",
  })
  @ApiOkResponse({ type: ProjectDto })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  update(@CurrentUser() user: Actor, @UuidParam() id: string, @Body() dto: UpdateProjectDto): Promise<ProjectDto> {
    return this.projects.update(user, id, dto);
  }

  @Get('exchange-rates')
  @ApiOperation({ operationId: 'listExchangeRates', summary: 'The exchange rates in force (USD per unit)' })
  @ApiOkResponse({ type: [RateDto] })
  @ApiErrors(401)
  listRates(): Promise<RateDto[]> {
    return this.rates.inForce();
  }

  @Put('exchange-rates')
  @Can('rates.manage')
  @ApiOperation({
    operationId: 'putExchangeRates',
    summary: 'Enter rates by (currency, asOf), kept exactly with their history (organisers)',
  })
  @ApiOkResponse({ type: [RateDto], description: 'the rates in force afterwards' })
  @ApiErrors(400, 401, 403, 413)
  putRates(@CurrentUser() user: Actor, @Body() dto: PutRatesDto): Promise<RateDto[]> {
    return this.rates.put(user, dto);
  }
}
