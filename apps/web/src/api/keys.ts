/** Query keys in one place so that invalidation stays consistent. */
export const queryKeys = {
  me: ['me'] as const,
  /** Not under `me`: updates of the account merge into every `me` query. */
  consent: (token: string | null) => ['consent', token] as const,
  privacyPolicy: ['privacy', 'policy'] as const,
  sectors: ['sectors'] as const,
  countries: ['countries'] as const,
  companies: (filters?: object) => (filters ? (['companies', filters] as const) : (['companies'] as const)),
  company: (id: string) => ['company', id] as const,
  users: (filters?: object) => (filters ? (['users', filters] as const) : (['users'] as const)),
  people: (filters: object) => ['people', filters] as const,
  events: (filters?: object) => (filters ? (['events', filters] as const) : (['events'] as const)),
  /** Everything about one event (details, agenda, my registration, stats) starts with this. */
  event: (id: string) => ['event', id] as const,
  agenda: (eventId: string) => ['event', eventId, 'agenda'] as const,
  myRegistration: (eventId: string) => ['event', eventId, 'registration', 'me'] as const,
  eventStats: (eventId: string) => ['event', eventId, 'stats'] as const,
  liveConfig: ['live', 'config'] as const,
  liveToken: (sessionId: string) => ['live', 'token', sessionId] as const,
  hands: (sessionId: string) => ['live', 'hands', sessionId] as const,
  myHand: (sessionId: string) => ['live', 'my-hand', sessionId] as const,
  recordings: (sessionId: string) => ['live', 'recordings', sessionId] as const,
};
