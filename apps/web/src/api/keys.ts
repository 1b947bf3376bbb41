/** Query keys in one place so that invalidation stays consistent. */
export const queryKeys = {
  me: ['me'] as const,
  sectors: ['sectors'] as const,
  countries: ['countries'] as const,
  companies: (filters?: object) => (filters ? (['companies', filters] as const) : (['companies'] as const)),
  company: (id: string) => ['company', id] as const,
  users: (filters?: object) => (filters ? (['users', filters] as const) : (['users'] as const)),
};
