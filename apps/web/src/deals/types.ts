/**
 * The deals' HTTP shapes, named: every one is the generated contract's (`schema.d.ts`, from the
 * API's OpenAPI document), never written by hand.
 */
import type { components, operations } from '../api/schema';

type Schemas = components['schemas'];

export type Deal = Schemas['DealDto'];
export type DealStage = Schemas['DealStage'];
export type DealCompany = Schemas['DealCompanyDto'];
export type DealHistoryEntry = Schemas['DealHistoryEntryDto'];
export type DealInput = Schemas['CreateDealDto'];
export type DealMoney = Schemas['MoneyDto'];
export type StageChange = Schemas['ChangeStageDto'];
export type DealFilters = NonNullable<operations['listDeals']['parameters']['query']>;

// Signing meetings
export type SigningTime = Schemas['SigningTimeDto'];
export type SigningMeeting = Schemas['SigningMeetingDto'];
export type SigningMeetingDetail = Schemas['SigningMeetingDetailDto'];
export type SigningMode = Schemas['SigningMode'];
export type SigningStatus = Schemas['SigningStatus'];
export type BookSigningInput = Schemas['BookSigningDto'];
