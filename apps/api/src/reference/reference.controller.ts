import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SECTORS, type Country, type Sector } from '@ilr/shared';
import { Public } from '../accounts/auth.decorators';
import { COUNTRIES } from './countries';

@ApiTags('reference')
@Controller()
export class ReferenceController {
  @Public()
  @Get('sectors')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'The sector taxonomy with zh / ko / en labels' })
  sectors(): readonly Sector[] {
    return SECTORS;
  }

  @Public()
  @Get('countries')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'ISO 3166-1 alpha-2 countries with zh / ko / en names, Korea and China first' })
  countries(): readonly Country[] {
    return COUNTRIES;
  }
}
