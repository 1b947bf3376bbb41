/**
 * Matchmaking's query keys. Everything about one event's matchmaking starts with
 * `['matchmaking', eventId]`, so one invalidation refreshes it all after a change.
 */
export const matchmakingKeys = {
  event: (eventId: string) => ['matchmaking', eventId] as const,
  slots: (eventId: string) => ['matchmaking', eventId, 'slots'] as const,
  tables: (eventId: string) => ['matchmaking', eventId, 'tables'] as const,
  participants: (eventId: string) => ['matchmaking', eventId, 'participants'] as const,
  participation: (eventId: string, companyId: string) => ['matchmaking', eventId, 'participation', companyId] as const,
  recommendations: (eventId: string, companyId: string) =>
    ['matchmaking', eventId, 'recommendations', companyId] as const,
  requests: (eventId: string, filters: object) => ['matchmaking', eventId, 'requests', filters] as const,
  meetings: (eventId: string, companyId: string | null) => ['matchmaking', eventId, 'meetings', companyId] as const,
  meeting: (meetingId: string) => ['meeting', meetingId] as const,
  meetingToken: (meetingId: string, phase: string) => ['meeting', meetingId, 'token', phase] as const,
  tags: ['tags'] as const,
  notifications: ['notifications'] as const,
};
