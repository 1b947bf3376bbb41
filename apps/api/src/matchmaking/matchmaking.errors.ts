import { DomainError, fieldInvalid, forbidden } from '../common/domain-error';

export const MatchmakingErrors = {
  notAllowed: () => forbidden('Only the firm itself, promoters and organisers may act for a firm'),
  notManager: () => forbidden('Only organisers and promoters manage matchmaking'),
  companyNotFound: () => new DomainError('NOT_FOUND', 'Company not found'),
  slotNotFound: () => new DomainError('NOT_FOUND', 'Slot not found in this event'),
  tableNotFound: () => new DomainError('NOT_FOUND', 'Table not found in this event'),
  requestNotFound: () => new DomainError('NOT_FOUND', 'Meeting request not found'),
  meetingNotFound: () => new DomainError('NOT_FOUND', 'Meeting not found'),
  slotsOrGenerate: () =>
    fieldInvalid('slots', { code: 'required', message: 'give either slots or generate (not both)' }),
  endsBeforeStart: (path: string) =>
    fieldInvalid(path, { code: 'after', params: { field: 'startsAt' }, message: 'must be after startsAt' }),
  slotsOverlap: (path: string) =>
    fieldInvalid(path, { code: 'invalid', message: "overlaps another of the event's slots" }),
  nothingGenerated: () =>
    fieldInvalid('generate.to', { code: 'invalid', message: 'leaves no room for a single slot after from' }),
  tooManySlots: (max: number) =>
    fieldInvalid('generate', { code: 'maxItems', params: { max }, message: `would make more than ${max} slots` }),
  duplicateLabel: (label: string) =>
    new DomainError('ALREADY_EXISTS', `The event already has a table labelled ${label}`, { label }),
  unknownSlots: (ids: string[]) =>
    fieldInvalid('availableSlotIds', {
      code: 'unknownIds',
      params: { ids: ids.join(', ') },
      message: `not slots of this event: ${ids.join(', ')}`,
    }),
  sameCompany: () =>
    fieldInvalid('toCompanyId', { code: 'invalid', message: 'a firm cannot request a meeting with itself' }),
  notParticipating: (companyId: string) =>
    new DomainError('NOT_PARTICIPATING', 'The firm does not take part in this event’s matchmaking', { companyId }),
  requestExists: (requestId: string) =>
    new DomainError('REQUEST_EXISTS', 'A pending or accepted request already joins these firms in this event', {
      requestId,
    }),
  quotaReached: (max: number) =>
    new DomainError('REQUEST_QUOTA_REACHED', `A firm may have at most ${max} open requests in an event`, {
      max: String(max),
    }),
  notPending: (status: string) =>
    new DomainError('REQUEST_NOT_PENDING', `The request is ${status}, not pending`, { status }),
  notReceiver: () => forbidden('Only the receiving firm (or a promoter for it) answers a request'),
  notSender: () => forbidden('Only the requesting firm (or a promoter for it) cancels a request'),
  notAccepted: () => new DomainError('REQUEST_NOT_ACCEPTED', 'Only an accepted request can be booked'),
  alreadyBooked: () => new DomainError('REQUEST_ALREADY_BOOKED', 'This request already has a scheduled meeting'),
  companyBusy: (companyId: string) =>
    new DomainError('COMPANY_BUSY', 'A party already meets in that slot', { companyId }),
  tableTaken: () => new DomainError('TABLE_TAKEN', 'The table is taken in that slot'),
  noFreeTable: (kind: string) =>
    new DomainError('NO_FREE_TABLE', `Every ${kind} table is taken in that slot`, { kind }),
  notAvailable: (companyId: string) =>
    new DomainError('NOT_AVAILABLE', 'The slot is outside a party’s availability', { companyId }),
  wrongTableKind: (needed: string) =>
    new DomainError('WRONG_TABLE_KIND', `This meeting needs a ${needed} table`, { needed }),
  cancelled: () => new DomainError('MEETING_CANCELLED', 'The meeting was cancelled'),
  notStarted: () => new DomainError('MEETING_NOT_STARTED', 'Feedback opens when the meeting starts'),
  notAParty: () => forbidden('Only the meeting’s two firms, promoters and organisers may do this'),
  notSide: () => fieldInvalid('companyId', { code: 'invalid', message: 'is not one of the meeting’s two firms' }),
  companyOrBadge: () =>
    fieldInvalid('companyId', { code: 'required', message: 'give either companyId or badgeCode (not both)' }),
  scheduleRunning: () =>
    new DomainError('SCHEDULE_RUNNING', 'The scheduler is already running for this event; try again when it ends'),
};
