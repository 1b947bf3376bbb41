import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DemoService } from './demo.service';

@Module({ imports: [AccountsModule], providers: [DemoService], exports: [DemoService] })
export class DemoModule {}
