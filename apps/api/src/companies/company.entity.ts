import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Localized } from '@ilr/shared';
import { jsonList } from '../database/transformers';

@Entity('companies')
@Index(['country'])
@Index(['sector'])
export class CompanyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'simple-json' })
  name: Localized;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 64 })
  sector: string;

  @Column({ type: 'simple-json' })
  offers: string[];

  @Column({ type: 'simple-json' })
  needs: string[];

  /** Codes of the offer/need taxonomy (TAGS in @ilr/shared): what matchmaking matches on. */
  @Column({ type: 'varchar', length: 1000, default: '[]', transformer: jsonList })
  offerTags: string[];

  @Column({ type: 'varchar', length: 1000, default: '[]', transformer: jsonList })
  needTags: string[];

  @Column({ type: 'simple-json', nullable: true })
  description: Localized | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  website: string | null;

  /** Lower-cased names, offers and needs in every language, for the directory's text search. */
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
