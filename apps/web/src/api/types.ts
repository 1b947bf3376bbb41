/**
 * Names for the request and response shapes of the API, all taken from the generated contract
 * (`schema.d.ts`): the web app writes none of them itself.
 */
import type { components, operations } from './schema';

type Schemas = components['schemas'];
/** The query parameters of an operation (by its operationId). */
type QueryOf<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;

// Errors (the body of every refused request)
export type FieldError = Schemas['FieldError'];
export type RowError = Schemas['RowError'];

// Accounts
export type User = Schemas['UserDto'];
export type AuthResponse = Schemas['AuthResponseDto'];
export type RegisterInput = Schemas['RegisterDto'];
export type LoginInput = Schemas['LoginDto'];
export type MeUpdate = Schemas['UpdateMeDto'];
export type UserFilters = QueryOf<'listUsers'>;
/** `GET /api/me`: the account and the state of the person's consent to the privacy policy. */
export type Me = Schemas['MeDto'];

// Personal data (privacy)
export type ConsentState = Schemas['ConsentStateDto'];
export type ConsentInput = Schemas['ConsentInputDto'];
export type PrivacyPolicy = Schemas['PrivacyPolicyDto'];

// Reference data
export type Sector = Schemas['SectorDto'];
export type Country = Schemas['CountryDto'];

// Companies
export type Company = Schemas['CompanyDto'];
export type CompanyInput = Schemas['CreateCompanyDto'];
export type CompanyUpdate = Schemas['UpdateCompanyDto'];
export type CompanyFilters = QueryOf<'listCompanies'>;
export type CompanyPage = Schemas['PageOfCompaniesDto'];

// Events, agenda, registration and check-in
export type EventSummary = Schemas['EventDto'];
export type EventInput = Schemas['CreateEventDto'];
export type EventUpdate = Schemas['UpdateEventDto'];
export type EventFilters = QueryOf<'listEvents'>;
export type AgendaSession = Schemas['SessionDto'];
export type SessionInput = Schemas['CreateSessionDto'];
export type Speaker = Schemas['SpeakerDto'];
export type Registration = Schemas['RegistrationDto'];
export type CheckInResult = Schemas['CheckInResultDto'];

// Live video
export type LiveToken = Schemas['LiveTokenResponseDto'];
export type Recording = Schemas['RecordingDto'];

/** The keys of an object type; none for `never` (no such parameters) or an open record. */
type KeysOf<T> = [T] extends [never] ? never : string extends keyof T ? never : keyof T & string;
type JsonBodyOf<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } }
  ? NonNullable<Body>
  : never;
type FormBodyOf<Operation> = Operation extends { requestBody?: { content: { 'multipart/form-data': infer Body } } }
  ? NonNullable<Body>
  : never;
/**
 * Every field a request can carry (the query, path, JSON body and form fields of every operation): the
 * names the API reports problems under, each of which the app must be able to name (`errors.fieldNames`).
 */
export type RequestField = {
  [Operation in keyof operations]:
    | KeysOf<NonNullable<operations[Operation]['parameters']['query']>>
    | KeysOf<NonNullable<operations[Operation]['parameters']['path']>>
    | KeysOf<JsonBodyOf<operations[Operation]>>
    | KeysOf<FormBodyOf<operations[Operation]>>;
}[keyof operations];
