/** Events, agenda, registration and check-in: TanStack Query hooks over the one API client. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgendaSession,
  CheckInResult,
  EventFormat,
  EventKind,
  EventStats,
  EventSummary,
  Localized,
  Page,
  Registration,
  SessionKind,
} from '@ilr/shared';
import { api, isApiError } from '../api/client';
import { queryKeys } from '../api/keys';
import { useAccessToken } from '../api/token';
import { isStaff } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';

const enc = encodeURIComponent;

export interface EventFilters {
  kind?: EventKind;
  from?: string;
  to?: string;
  page: number;
  pageSize?: number;
}

export function useEventList(filters: EventFilters) {
  // Staff see drafts: the token is part of the key so that logging in refreshes the list.
  const token = useAccessToken();
  return useQuery({
    queryKey: [...queryKeys.events(filters), Boolean(token)],
    queryFn: ({ signal }) => api.get<Page<EventSummary>>('/api/events', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string) {
  const token = useAccessToken();
  return useQuery({
    queryKey: [...queryKeys.event(id), 'summary', Boolean(token)],
    enabled: Boolean(id),
    queryFn: ({ signal }) => api.get<EventSummary>(`/api/events/${enc(id)}`, undefined, signal),
  });
}

/**
 * The agenda. Staff read it signed in (drafts are theirs to see); everyone else reads the public
 * agenda without a token, which the server answers from its micro-cache (the most-read request
 * of a live roadshow).
 */
export function useAgenda(eventId: string | undefined) {
  const { user, isLoading } = useCurrentUser();
  const staff = isStaff(user);
  return useQuery({
    queryKey: [...queryKeys.agenda(eventId ?? ''), staff],
    // Wait for who I am: a promoter's draft would be a 404 without the token.
    enabled: Boolean(eventId) && !isLoading,
    queryFn: ({ signal }) => {
      const path = `/api/events/${enc(eventId!)}/agenda`;
      return staff
        ? api.get<AgendaSession[]>(path, undefined, signal)
        : api.getPublic<AgendaSession[]>(path, undefined, signal);
    },
  });
}

/** My registration, or null when I have not registered (the API's 404). */
export function useMyRegistration(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.myRegistration(eventId),
    enabled,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Registration>(`/api/events/${enc(eventId)}/registrations/me`, undefined, signal);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useRegister(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Registration>(`/api/events/${enc(eventId)}/registrations`),
    onSuccess: (registration) => queryClient.setQueryData(queryKeys.myRegistration(eventId), registration),
  });
}

/** Saves my badge as a PNG file (the download needs the bearer token, so it goes through the client). */
export function useDownloadBadge(eventId: string) {
  return useMutation({
    mutationFn: async (badgeCode: string) => {
      const blob = await api.getBlob(`/api/events/${enc(eventId)}/badge`, { format: 'png' });
      const url = URL.createObjectURL(blob);
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = `badge-${badgeCode}.png`;
        document.body.appendChild(link);
        link.click();
        link.remove();
      } finally {
        // Give the browser a moment to start the download before the URL goes away.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
    },
  });
}

// --- organiser console ----------------------------------------------------------------------

export interface EventInput {
  kind: EventKind;
  title: Localized;
  description?: Localized;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue?: string;
  format: EventFormat;
}

export interface SessionInput {
  title: Localized;
  description?: Localized;
  kind: SessionKind;
  startsAt: string;
  endsAt: string;
  speakerUserIds?: string[];
}

function useInvalidateEvent() {
  const queryClient = useQueryClient();
  return (eventId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.event(eventId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.events() }),
    ]);
}

export function useCreateEvent() {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: (input: EventInput) => api.post<EventSummary>('/api/events', input),
    onSuccess: (event) => invalidate(event.id),
  });
}

export function useUpdateEvent(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: (input: Partial<EventInput>) => api.patch<EventSummary>(`/api/events/${enc(eventId)}`, input),
    onSuccess: () => invalidate(eventId),
  });
}

export type EventTransition = 'publish' | 'start' | 'end';

export function useTransitionEvent(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: (transition: EventTransition) => api.post<EventSummary>(`/api/events/${enc(eventId)}/${transition}`),
    onSuccess: () => invalidate(eventId),
  });
}

export function useSaveSession(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: SessionInput }) =>
      id
        ? api.patch<AgendaSession>(`/api/sessions/${enc(id)}`, input)
        : api.post<AgendaSession>(`/api/events/${enc(eventId)}/sessions`, input),
    onSuccess: () => invalidate(eventId),
  });
}

export function useDeleteSession(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete<void>(`/api/sessions/${enc(sessionId)}`),
    onSuccess: () => invalidate(eventId),
  });
}

// --- check-in --------------------------------------------------------------------------------

export function useEventStats(eventId: string) {
  return useQuery({
    queryKey: queryKeys.eventStats(eventId),
    queryFn: ({ signal }) => api.get<EventStats>(`/api/events/${enc(eventId)}/stats`, undefined, signal),
    // Other desks check people in too.
    refetchInterval: 15_000,
  });
}

export function useCheckIn(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (badgeCode: string) => api.post<CheckInResult>(`/api/events/${enc(eventId)}/check-ins`, { badgeCode }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.eventStats(eventId) }),
  });
}
