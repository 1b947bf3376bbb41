/**
 * Field limits, in one table: the API's request DTOs (HTTP bodies, queries and socket payloads)
 * validate with these numbers and the web forms use the same ones. Text lengths are Unicode code
 * points; `maxLength` of a Localized field applies to each language's text; `maxItems` bounds a list.
 */
export const FIELD_LIMITS = {
  // Accounts
  email: { max: 254 },
  password: { min: 10, max: 200 },
  /** What login accepts as a password (longer than any password that can be set; bounds the hashing work). */
  loginPassword: { max: 1000 },
  displayName: { min: 1, max: 100 },
  /** Free-text search in list queries (`q`). */
  search: { max: 200 },

  // Companies
  companyName: { max: 200 },
  companyDescription: { max: 5000 },
  /** Offers and needs: short non-blank tags. */
  tags: { maxItems: 30, maxLength: 100 },
  website: { max: 2048 },

  // Events and agenda
  eventTitle: { max: 300 },
  eventDescription: { max: 10000 },
  venue: { max: 300 },
  sessionTitle: { max: 300 },
  sessionDescription: { max: 10000 },
  speakers: { maxItems: 20 },
  badgeCode: { max: 64 },

  // Matchmaking
  slotsPerCall: { maxItems: 200 },
  slotMinutes: { min: 5, max: 480 },
  breakMinutes: { min: 0, max: 480 },
  tablesPerCall: { maxItems: 500 },
  tableLabel: { min: 1, max: 64 },
  availableSlots: { maxItems: 500 },
  requestMessage: { max: 1000 },
  feedbackNote: { max: 2000 },
  offerTags: { maxItems: 16 },

  // Exhibition
  boothHeadline: { max: 200 },
  boothDescription: { max: 5000 },
  productName: { max: 200 },
  productDescription: { max: 2000 },
  products: { maxItems: 50 },
  brochures: { maxItems: 10 },
  videoUrl: { max: 2048 },

  // Live rooms (socket payloads)
  chatText: { max: 2000 },
  questionText: { max: 1000 },
  clientMsgId: { min: 1, max: 64 },
  /** `chat:since` sequence numbers (a signed 32-bit column). */
  chatSeq: { min: 0, max: 2 ** 31 - 1 },
  pollQuestion: { max: 300 },
  pollOption: { max: 200 },
  pollOptions: { minItems: 2, maxItems: 10 },
  /** Mutes without `minutes` last until lifted; with it, at most a week. */
  muteMinutes: { min: 1, max: 7 * 24 * 60 },
  // Deals and signing meetings
  dealTitle: { max: 300 },
  dealNote: { max: 2000 },
} as const;

export type FieldLimitName = keyof typeof FIELD_LIMITS;

/** Projects and the signing ceremony (see FIELD_LIMITS). */
export const CEREMONY_LIMITS = {
  projectTitle: { max: 300 },
  projectDescription: { max: 10000 },
  projectLocation: { max: 300 },
  agreementTitle: { max: 300 },
  agreementParties: { maxItems: 10 },
  agreementsPerEvent: { maxItems: 1000 },
  ratesPerCall: { maxItems: 100 },
  unsignReason: { max: 500 },
} as const;
