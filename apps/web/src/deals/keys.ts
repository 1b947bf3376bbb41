/**
 * The deals' query keys. Everything about deals starts with `['deals']`, so one invalidation
 * refreshes the board, a firm's list and every open deal after a change.
 */
export const dealKeys = {
  all: ['deals'] as const,
  list: (filters: object) => ['deals', 'list', filters] as const,
  deal: (id: string) => ['deals', 'deal', id] as const,
  history: (id: string) => ['deals', 'deal', id, 'history'] as const,
};
