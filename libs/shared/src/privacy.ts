/**
 * Personal data under the person's control (PIPL / PIPA): consent to the privacy policy with its
 * version, and what remains of an account once its owner deleted it.
 */

/** What a person agreed to: processing under the policy, and separately its cross-border transfer. */
export const CONSENT_SCOPES = ['processing', 'cross_border'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** `GET /api/me`'s `consent`: the latest version the person accepted and whether they must accept the current one. */
export interface ConsentState {
  policyVersion: string | null;
  required: boolean;
  /** The latest acceptance included the cross-border transfer. */
  crossBorder: boolean;
}

/** `GET /api/privacy/policy`. */
export interface PrivacyPolicyInfo {
  version: string;
  effectiveAt: string;
}

/**
 * The display name a deleted account keeps in every row that still names it (chat, Q&A, audit
 * trails, deals): no longer the person's. The web shows it in the reader's language.
 */
export const DELETED_USER_NAME = 'Deleted user';

/** The email a deleted account keeps: unique (the user id) and of a reserved domain (RFC 2606), so no one's. */
export const deletedUserEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;
