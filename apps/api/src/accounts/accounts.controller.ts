import { Body, Controller, Get, HttpCode, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthResponse, Page, Person, User } from '@ilr/shared';
import { UuidParam } from '../common/validation';
import { AccountsService, toUser } from './accounts.service';
import { CurrentUser, Public, Roles } from './auth.decorators';
import { LoginDto, PeopleQuery, RegisterDto, SetRoleDto, UpdateMeDto, UserListQuery } from './dto/accounts.dto';
import type { UserEntity } from './user.entity';

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Public()
  @Post('auth/register')
  @ApiOperation({ summary: 'Create a member account' })
  register(@Body() dto: RegisterDto): Promise<AuthResponse> {
    return this.accounts.register(dto);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for an access token (rate-limited)' })
  login(@Body() dto: LoginDto): Promise<AuthResponse> {
    return this.accounts.login(dto.email, dto.password);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: UserEntity): User {
    return toUser(user);
  }

  @ApiBearerAuth()
  @Patch('me')
  @ApiOperation({ summary: 'Change my display name, language or time zone' })
  updateMe(@CurrentUser() user: UserEntity, @Body() dto: UpdateMeDto): Promise<User> {
    return this.accounts.updateMe(user, dto);
  }

  @ApiBearerAuth()
  @Roles('organiser')
  @Get('users')
  list(@Query() query: UserListQuery): Promise<Page<User>> {
    return this.accounts.list(query);
  }

  @ApiBearerAuth()
  @Roles('organiser', 'promoter')
  @Get('people')
  @ApiOperation({ summary: 'Look people up by display name or whole email (organisers, promoters)' })
  people(@Query() query: PeopleQuery): Promise<Page<Person>> {
    return this.accounts.people(query);
  }

  @ApiBearerAuth()
  @Roles('organiser')
  @Patch('users/:id/role')
  setRole(@UuidParam() id: string, @Body() dto: SetRoleDto): Promise<User> {
    return this.accounts.setRole(id, dto.role);
  }
}
