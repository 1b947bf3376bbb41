/** Events, agenda, registration and check-in: TanStack Query hooks over the one API client. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { anonymousHttp, http, isApiError, unwrap } from '../api/client';
import { queryKeys } from '../api/keys';
import { useSessionKey } from '../api/token';
import type { EventFilters, EventInput, EventUpdate, SessionInput } from '../api/types';
import { isStaff } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';

export function useEventList(filters: EventFilters) {
  // Staff see drafts: being signed in is part of the key so that logging in refreshes the list.
  const session = useSessionKey();
  return useQuery({
    queryKey: [...queryKeys.events(filters), Boolean(session)],
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/events', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string) {
  const session = useSessionKey();
  return useQuery({
    queryKey: [...queryKeys.event(id), 'summary', Boolean(session)],
    enabled: Boolean(id),
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/events/{id}', { params: { path: { id } }, signal })),
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
    queryFn: async ({ signal }) =>
      unwrap(
        await (staff ? http : anonymousHttp).GET('/api/events/{id}/agenda', {
          params: { path: { id: eventId! } },
          signal,
        }),
      ),
  });
}

/** My registration, or null when I have not registered (the API's 404). */
export function useMyRegistration(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.myRegistration(eventId),
    enabled,
    queryFn: async ({ signal }) => {
      try {
        return unwrap(
          await http.GET('/api/events/{id}/registrations/me', { params: { path: { id: eventId } }, signal }),
        );
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
    mutationFn: async () =>
      unwrap(await http.POST('/api/events/{id}/registrations', { params: { path: { id: eventId } } })),
    onSuccess: (registration) => queryClient.setQueryData(queryKeys.myRegistration(eventId), registration),
  });
}

/** Saves my badge as a PNG file (the download needs the bearer token, so it goes through the client). */
export function useDownloadBadge(eventId: string) {
  return useMutation({
    mutationFn: async (badgeCode: string) => {
      const blob = unwrap(
        await http.GET('/api/events/{id}/badge', {
          params: { path: { id: eventId }, query: { format: 'png' } },
          parseAs: 'blob',
        }),
      );
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
    mutationFn: async (body: EventInput) => unwrap(await http.POST('/api/events', { body })),
    onSuccess: (event) => invalidate(event.id),
  });
}

export function useUpdateEvent(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: async (body: EventUpdate) =>
      unwrap(await http.PATCH('/api/events/{id}', { params: { path: { id: eventId } }, body })),
    onSuccess: () => invalidate(eventId),
  });
}

const TRANSITIONS = {
  publish: '/api/events/{id}/publish',
  start: '/api/events/{id}/start',
  end: '/api/events/{id}/end',
} as const;

export type EventTransition = keyof typeof TRANSITIONS;

export function useTransitionEvent(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: async (transition: EventTransition) =>
      unwrap(await http.POST(TRANSITIONS[transition], { params: { path: { id: eventId } } })),
    onSuccess: () => invalidate(eventId),
  });
}

export function useSaveSession(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: async ({ id, input: body }: { id?: string; input: SessionInput }) =>
      unwrap(
        id
          ? await http.PATCH('/api/sessions/{id}', { params: { path: { id } }, body })
          : await http.POST('/api/events/{id}/sessions', { params: { path: { id: eventId } }, body }),
      ),
    onSuccess: () => invalidate(eventId),
  });
}

export function useDeleteSession(eventId: string) {
  const invalidate = useInvalidateEvent();
  return useMutation({
    mutationFn: async (sessionId: string) =>
      unwrap(await http.DELETE('/api/sessions/{id}', { params: { path: { id: sessionId } } })),
    onSuccess: () => invalidate(eventId),
  });
}

// --- check-in --------------------------------------------------------------------------------

export function useEventStats(eventId: string) {
  return useQuery({
    queryKey: queryKeys.eventStats(eventId),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/events/{id}/stats', { params: { path: { id: eventId } }, signal })),
    // Other desks check people in too.
    refetchInterval: 15_000,
  });
}

export function useCheckIn(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (badgeCode: string) =>
      unwrap(await http.POST('/api/events/{id}/check-ins', { params: { path: { id: eventId } }, body: { badgeCode } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.eventStats(eventId) }),
  });
}
