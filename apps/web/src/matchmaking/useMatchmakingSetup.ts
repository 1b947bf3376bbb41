/** An event's matchmaking set-up: slots, tables and the firms taking part with their availability. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, isApiError, unwrap } from '../api/client';
import { matchmakingKeys } from './keys';
import type { AddSlotsInput, ParticipationInput, TableInput } from './types';

/** Refreshes everything about the event's matchmaking (lists, board, recommendations). */
export function useInvalidateMatchmaking() {
  const queryClient = useQueryClient();
  return (eventId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: matchmakingKeys.event(eventId) }),
      queryClient.invalidateQueries({ queryKey: ['meeting'] }),
    ]);
}

export function useSlots(eventId: string) {
  return useQuery({
    queryKey: matchmakingKeys.slots(eventId),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/events/{id}/slots', { params: { path: { id: eventId } }, signal })),
  });
}

export function useTables(eventId: string) {
  return useQuery({
    queryKey: matchmakingKeys.tables(eventId),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/events/{id}/tables', { params: { path: { id: eventId } }, signal })),
  });
}

export function useAddSlots(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: async (input: AddSlotsInput) =>
      unwrap(await http.POST('/api/events/{id}/slots', { params: { path: { id: eventId } }, body: input })),
    onSuccess: () => invalidate(eventId),
  });
}

export function useAddTables(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: async (tables: TableInput[]) =>
      unwrap(await http.POST('/api/events/{id}/tables', { params: { path: { id: eventId } }, body: { tables } })),
    onSuccess: () => invalidate(eventId),
  });
}

/** Every firm taking part (organisers and promoters). */
export function useParticipants(eventId: string) {
  return useQuery({
    queryKey: matchmakingKeys.participants(eventId),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/events/{id}/participants', { params: { path: { id: eventId } }, signal })),
  });
}

/** One firm's participation, or null when it has not joined yet (the API's 409 NOT_PARTICIPATING). */
export function useParticipation(eventId: string, companyId: string) {
  return useQuery({
    queryKey: matchmakingKeys.participation(eventId, companyId),
    queryFn: async ({ signal }) => {
      try {
        return unwrap(
          await http.GET('/api/events/{id}/participants/{companyId}', {
            params: { path: { id: eventId, companyId } },
            signal,
          }),
        );
      } catch (error) {
        if (isApiError(error) && error.code === 'NOT_PARTICIPATING') return null;
        throw error;
      }
    },
  });
}

export function useSaveParticipation(eventId: string, companyId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: async (input: ParticipationInput) =>
      unwrap(
        await http.PUT('/api/events/{id}/participants/{companyId}', {
          params: { path: { id: eventId, companyId } },
          body: input,
        }),
      ),
    onSuccess: () => invalidate(eventId),
  });
}
