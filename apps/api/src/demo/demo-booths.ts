/**
 * The demo's exhibition: booths for six demo firms at the matchmaking event, each with a product
 * picture (apps/api/src/demo/demo-images.ts), stored through the files feature like any upload and
 * published through the booths service as a promoter would.
 */
import { Injectable } from '@nestjs/common';
import { TokenService } from '../accounts/token.service';
import { DatabaseService } from '../database/database.service';
import { BoothEntity } from '../exhibition/exhibition.entities';
import { BoothsService } from '../exhibition/booths.service';
import { FilesService } from '../files/files.service';
import { DEMO_BOOTHS, DEMO_MATCHMAKING_EVENT, u } from './demo-data';
import { demoImagePng } from './demo-images';

@Injectable()
export class DemoBooths {
  constructor(
    private readonly db: DatabaseService,
    private readonly tokens: TokenService,
    private readonly files: FilesService,
    private readonly booths: BoothsService,
  ) {}

  async seed(): Promise<boolean> {
    const eventId = DEMO_MATCHMAKING_EVENT;
    if (await this.db.manager.existsBy(BoothEntity, { eventId })) return false;
    const promoter = (await this.tokens.actorById(u(1)))!;
    for (const booth of DEMO_BOOTHS) {
      const products = [];
      for (const product of booth.products) {
        const image = await this.files.store(promoter, await demoImagePng(product.image));
        products.push({ name: product.name, imageId: image.id });
      }
      await this.booths.put(promoter, eventId, booth.companyId, { headline: booth.headline, products });
    }
    return true;
  }
}
