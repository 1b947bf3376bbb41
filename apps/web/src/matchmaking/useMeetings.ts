/** Meetings: a firm's or the whole board, one meeting, booking, moving, cancelling, feedback, video. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { http, isApiError, unwrap } from '../api/client';
import { newClientId } from '../live/socket';
import { matchmakingKeys } from './keys';
import { allPages } from './pages';
import { useInvalidateMatchmaking } from './useMatchmakingSetup';
import type { BookMeetingInput, FeedbackInput, MoveMeetingInput } from './types';

/** Every meeting of the event (or of one firm), cancelled ones included, in time order. */
export function useMeetings(eventId: string, companyId: string | null = null) {
  return useQuery({
    queryKey: matchmakingKeys.meetings(eventId, companyId),
    queryFn: ({ signal }) =>
      allPages(async (page, pageSize) =>
        unwrap(
          await http.GET('/api/events/{id}/meetings', {
            params: { path: { id: eventId }, query: { companyId: companyId ?? undefined, page, pageSize } },
            signal,
          }),
        ),
      ),
  });
}

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: matchmakingKeys.meeting(meetingId),
    enabled: Boolean(meetingId),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/meetings/{id}', { params: { path: { id: meetingId } }, signal })),
  });
}

export function useBookMeeting(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  // A booking whose answer was lost (network, 5xx) keeps its idempotency key: trying it again
  // replays the first answer instead of meeting its own booking as a conflict.
  const unanswered = useRef(new Map<string, string>());
  return useMutation({
    mutationFn: async (input: BookMeetingInput) => {
      const body = JSON.stringify(input);
      const key = unanswered.current.get(body) ?? newClientId();
      unanswered.current.set(body, key);
      try {
        const meeting = unwrap(
          await http.POST('/api/events/{id}/meetings', {
            params: { path: { id: eventId }, header: { 'Idempotency-Key': key } },
            body: input,
          }),
        );
        unanswered.current.delete(body);
        return meeting;
      } catch (error) {
        if (isApiError(error) && error.status > 0 && error.status < 500) unanswered.current.delete(body);
        throw error;
      }
    },
    onSettled: () => invalidate(eventId),
  });
}

export function useMoveMeeting(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: async ({ id, input }: { id: string; input: MoveMeetingInput }) =>
      unwrap(await http.PATCH('/api/meetings/{id}', { params: { path: { id } }, body: input })),
    onSettled: () => invalidate(eventId),
  });
}

export function useCancelMeeting(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await http.DELETE('/api/meetings/{id}', { params: { path: { id } } })),
    onSettled: () => invalidate(eventId),
  });
}

export function useGiveFeedback(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: async ({ id, input }: { id: string; input: FeedbackInput }) =>
      unwrap(await http.POST('/api/meetings/{id}/feedback', { params: { path: { id } }, body: input })),
    onSuccess: () => invalidate(eventId),
  });
}

/**
 * A LiveKit token for a virtual meeting's room. `phase` (before / open / over, on this browser's
 * clock) is part of the key, so the room is asked again the moment it should open.
 */
export function useMeetingToken(meetingId: string, phase: string, enabled: boolean) {
  return useQuery({
    queryKey: matchmakingKeys.meetingToken(meetingId, phase),
    enabled,
    queryFn: async () => unwrap(await http.POST('/api/live/token', { body: { meetingId } })),
    staleTime: 5 * 60_000,
    gcTime: 0,
    retry: false,
  });
}

/** A side arrived at the table: named by its firm, or by a person's event badge (typed or scanned). */
export function useCheckIn(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: async ({ id, by }: { id: string; by: { companyId: string } | { badgeCode: string } }) =>
      unwrap(await http.POST('/api/meetings/{id}/check-in', { params: { path: { id } }, body: by })),
    onSettled: () => invalidate(eventId),
  });
}

/** The desk marks a side absent, or takes the mark back (organisers and promoters). */
export function useMarkNoShow(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: async ({ id, companyId, noShow }: { id: string; companyId: string; noShow: boolean }) =>
      unwrap(await http.POST('/api/meetings/{id}/no-show', { params: { path: { id } }, body: { companyId, noShow } })),
    onSettled: () => invalidate(eventId),
  });
}

/** What promoters and organisers did on the firm's behalf, newest first. */
export function useCompanyAudit(companyId: string) {
  return useQuery({
    queryKey: ['companyAudit', companyId],
    queryFn: async ({ signal }) =>
      unwrap(
        await http.GET('/api/companies/{id}/audit', {
          params: { path: { id: companyId }, query: { pageSize: 50 } },
          signal,
        }),
      ),
  });
}
