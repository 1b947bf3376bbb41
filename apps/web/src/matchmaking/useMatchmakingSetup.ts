/** An event's matchmaking set-up: slots, tables and the firms taking part with their availability. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, request } from '../api/client';
import { matchmakingKeys } from './keys';
import type { AddSlotsInput, MeetingTable, Participant, ParticipationInput, Slot, TableInput } from './types';

const enc = encodeURIComponent;

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
    queryFn: ({ signal }) => api.get<Slot[]>(`/api/events/${enc(eventId)}/slots`, undefined, signal),
  });
}

export function useTables(eventId: string) {
  return useQuery({
    queryKey: matchmakingKeys.tables(eventId),
    queryFn: ({ signal }) => api.get<MeetingTable[]>(`/api/events/${enc(eventId)}/tables`, undefined, signal),
  });
}

export function useAddSlots(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: (input: AddSlotsInput) => api.post<Slot[]>(`/api/events/${enc(eventId)}/slots`, input),
    onSuccess: () => invalidate(eventId),
  });
}

export function useAddTables(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: (tables: TableInput[]) => api.post<MeetingTable[]>(`/api/events/${enc(eventId)}/tables`, { tables }),
    onSuccess: () => invalidate(eventId),
  });
}

/** Every firm taking part (organisers and promoters). */
export function useParticipants(eventId: string) {
  return useQuery({
    queryKey: matchmakingKeys.participants(eventId),
    queryFn: ({ signal }) => api.get<Participant[]>(`/api/events/${enc(eventId)}/participants`, undefined, signal),
  });
}

/** One firm's participation, or null when it has not joined yet (the API's 409 NOT_PARTICIPATING). */
export function useParticipation(eventId: string, companyId: string) {
  return useQuery({
    queryKey: matchmakingKeys.participation(eventId, companyId),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Participant>(
          `/api/events/${enc(eventId)}/participants/${enc(companyId)}`,
          undefined,
          signal,
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
    mutationFn: (input: ParticipationInput) =>
      request<Participant>('PUT', `/api/events/${enc(eventId)}/participants/${enc(companyId)}`, { json: input }),
    onSuccess: () => invalidate(eventId),
  });
}
