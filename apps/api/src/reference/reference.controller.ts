import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SECTORS, TAGS } from '@ilr/shared';
import { Public } from '../accounts/auth.decorators';
import { ApiErrors } from '../common/openapi';
import { COUNTRIES } from './countries';
import { CountryDto, SectorDto, TagDto } from './dto/reference.responses';

@ApiTags('reference')
@Controller()
export class ReferenceController {
  @Public()
  @Get('sectors')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ operationId: 'listSectors', summary: 'The sector taxonomy with zh / ko / en labels' })
  @ApiOkResponse({ type: [SectorDto] })
  sectors(): readonly SectorDto[] {
    return SECTORS;
  }

  @Get('tags')
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiOperation({
    operationId: 'listTags',
    summary: 'The offer/need tag taxonomy with zh / ko / en labels (what matchmaking matches on)',
  })
  @ApiOkResponse({ type: [TagDto] })
  @ApiErrors(401)
  tags(): readonly TagDto[] {
    return TAGS;
  }

  @Get('countries')
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiOperation({
    operationId: 'listCountries',
    summary: 'ISO 3166-1 alpha-2 countries with zh / ko / en names, Korea and China first',
  })
  @ApiOkResponse({ type: [CountryDto] })
  @ApiErrors(401)
  countries(): readonly CountryDto[] {
    return COUNTRIES;
  }
}
