import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileEntity } from './file.entity';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { fileStorageProvider } from './storage/file-storage';

/** Uploads (API.md §Exhibition): other features refer to files by id and check them with FilesService.describe. */
@Module({
  imports: [TypeOrmModule.forFeature([FileEntity])],
  controllers: [FilesController],
  providers: [FilesService, fileStorageProvider],
  exports: [FilesService],
})
export class FilesModule {}
