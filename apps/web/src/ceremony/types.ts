/** Names for the catalogue's and the ceremony's shapes, taken from the generated contract. */
import type { components, operations } from '../api/schema';

type Schemas = components['schemas'];

export type Project = Schemas['ProjectDto'];
export type ProjectInput = Schemas['CreateProjectDto'];
export type ProjectUpdate = Schemas['UpdateProjectDto'];
export type ProjectFilters = NonNullable<operations['listProjects']['parameters']['query']>;
export type ProjectTotals = Schemas['ProjectTotalsDto'];
export type ProjectStatus = Project['status'];
export type MoneyView = Schemas['MoneyViewDto'];
export type Rate = Schemas['RateDto'];
export type RateInput = Schemas['RateInputDto'];
export type Agreement = Schemas['AgreementDto'];
export type AgreementInput = Schemas['CreateAgreementDto'];
export type AgreementParty = Schemas['AgreementPartyDto'];
export type Tally = Schemas['TallyDto'];
export type CeremonySummary = Schemas['CeremonySummaryDto'];
export type SummaryRow = Schemas['SummaryRowDto'];
export type ReportLanguage = NonNullable<NonNullable<operations['exportCeremonyCsv']['parameters']['query']>['lang']>;

export const PROJECT_STATUSES = ['open', 'negotiating', 'signed', 'landed'] as const satisfies readonly ProjectStatus[];
export const SIGNING_MODES = ['onsite', 'cloud'] as const satisfies readonly Agreement['mode'][];
