/** Names for the exhibition's shapes, taken from the generated contract. */
import type { components, operations } from '../api/schema';

type Schemas = components['schemas'];

export type Booth = Schemas['BoothDto'];
export type BoothProduct = Schemas['BoothProductDto'];
export type BoothFile = Schemas['BoothFileDto'];
export type BoothInput = Schemas['PutBoothDto'];
export type ProductInput = Schemas['ProductInputDto'];
export type BoothFilters = NonNullable<operations['listBooths']['parameters']['query']>;
export type Lead = Schemas['LeadDto'];
export type LeadVisitor = Schemas['LeadVisitorDto'];
export type BoothStats = Schemas['BoothStatsDto'];
export type UploadedFile = Schemas['UploadedFileDto'];
