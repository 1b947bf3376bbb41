/**
 * Signing meetings: the common free times, booking (idempotent), the list and one meeting,
 * confirming the terms, signing (idempotent), cancelling, and the video token of a cloud signing.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { http, isApiError, unwrap } from '../../api/client';
import { newClientId } from '../../live/socket';
import { dealKeys } from '../keys';
import { useInvalidateDeals } from '../useDeals';
import type { BookSigningInput } from '../types';

/** Starts on the quarter hour at which both firms and the witness are free for `minutes`. */
export function useSigningTimes(eventId: string | undefined, dealId: string, minutes: number) {
  return useQuery({
    queryKey: dealKeys.signingTimes(eventId ?? '', dealId, minutes),
    enabled: Boolean(eventId),
    queryFn: async ({ signal }) =>
      unwrap(
        await http.GET('/api/events/{id}/signing-times', {
          params: { path: { id: eventId! }, query: { dealId, minutes } },
          signal,
        }),
      ),
  });
}

/**
 * A request whose answer was lost (network, 5xx) keeps its idempotency key: sending the same body
 * again replays the first answer. Any answered request lets the next intent take a fresh key.
 */
function useIdempotencyKeys() {
  const unanswered = useRef(new Map<string, string>());
  return async <T>(body: string, send: (key: string) => Promise<T>): Promise<T> => {
    const key = unanswered.current.get(body) ?? newClientId();
    unanswered.current.set(body, key);
    try {
      const result = await send(key);
      unanswered.current.delete(body);
      return result;
    } catch (error) {
      if (isApiError(error) && error.status > 0 && error.status < 500) unanswered.current.delete(body);
      throw error;
    }
  };
}

export function useBookSigning(eventId: string) {
  const invalidate = useInvalidateDeals();
  const withKey = useIdempotencyKeys();
  return useMutation({
    mutationFn: (input: BookSigningInput) =>
      withKey(JSON.stringify({ eventId, input }), async (key) =>
        unwrap(
          await http.POST('/api/events/{id}/signing-meetings', {
            params: { path: { id: eventId }, header: { 'Idempotency-Key': key } },
            body: input,
          }),
        ),
      ),
    onSettled: () => void invalidate(),
  });
}

/** An event's signing meetings the viewer may see (a firm's members: their firm's; a witness: theirs), in time order. */
export function useSigningMeetings(eventId: string | undefined, companyId?: string) {
  return useQuery({
    queryKey: dealKeys.signingMeetings({ eventId, companyId }),
    enabled: Boolean(eventId),
    queryFn: async ({ signal }) =>
      unwrap(
        await http.GET('/api/events/{id}/signing-meetings', {
          params: { path: { id: eventId! }, query: { companyId } },
          signal,
        }),
      ),
  });
}

export function useSigningMeeting(id: string) {
  return useQuery({
    queryKey: dealKeys.signingMeeting(id),
    enabled: Boolean(id),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/signing-meetings/{id}', { params: { path: { id } }, signal })),
  });
}

export function useConfirmTerms(id: string) {
  const invalidate = useInvalidateDeals();
  return useMutation({
    mutationFn: async (termsSha256: string) =>
      unwrap(
        await http.POST('/api/signing-meetings/{id}/confirm', { params: { path: { id } }, body: { termsSha256 } }),
      ),
    onSettled: () => void invalidate(),
  });
}

export function useSign(id: string) {
  const invalidate = useInvalidateDeals();
  const withKey = useIdempotencyKeys();
  return useMutation({
    mutationFn: () =>
      withKey(id, async (key) =>
        unwrap(
          await http.POST('/api/signing-meetings/{id}/sign', {
            params: { path: { id }, header: { 'Idempotency-Key': key } },
          }),
        ),
      ),
    onSettled: () => void invalidate(),
  });
}

export function useCancelSigning(id: string) {
  const invalidate = useInvalidateDeals();
  return useMutation({
    mutationFn: async () => unwrap(await http.DELETE('/api/signing-meetings/{id}', { params: { path: { id } } })),
    onSettled: () => void invalidate(),
  });
}

/** A LiveKit token for a cloud signing's room (the two firms and the witness publish). */
export function useSigningToken(id: string, enabled: boolean) {
  return useQuery({
    queryKey: dealKeys.signingToken(id),
    enabled,
    queryFn: async () => unwrap(await http.POST('/api/live/token', { body: { signingMeetingId: id } })),
    staleTime: 5 * 60_000,
    gcTime: 0,
    retry: false,
  });
}
