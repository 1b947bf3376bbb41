/**
 * The deals' query keys. Everything about deals and signing meetings starts with `['deals']`, so
 * one invalidation refreshes the board, a firm's list, every open deal and signing meeting after a change.
 */
export const dealKeys = {
  all: ['deals'] as const,
  list: (filters: object) => ['deals', 'list', filters] as const,
  deal: (id: string) => ['deals', 'deal', id] as const,
  history: (id: string) => ['deals', 'deal', id, 'history'] as const,
  signingTimes: (eventId: string, dealId: string, minutes: number) =>
    ['deals', 'signing-times', eventId, dealId, minutes] as const,
  signingMeetings: (filters: object) => ['deals', 'signing-meetings', filters] as const,
  signingMeeting: (id: string) => ['deals', 'signing-meeting', id] as const,
  signingToken: (id: string) => ['deals', 'signing-meeting', id, 'token'] as const,
};
