import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { FilesModule } from '../files/files.module';
import { BoothsService } from './booths.service';
import { ExhibitionController } from './exhibition.controller';
import { BoothEntity, BoothLeadEntity, BoothVisitEntity } from './exhibition.entities';
import { LeadsService } from './leads.service';

/** The exhibition: booths with products and brochures, visits, leads scanned at the booth. */
@Module({
  imports: [TypeOrmModule.forFeature([BoothEntity, BoothVisitEntity, BoothLeadEntity]), EventsModule, FilesModule],
  controllers: [ExhibitionController],
  providers: [BoothsService, LeadsService],
  exports: [BoothsService],
})
export class ExhibitionModule {}
