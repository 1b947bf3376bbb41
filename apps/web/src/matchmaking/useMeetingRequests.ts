/** Recommendations and meeting requests: ask, accept, decline, withdraw (for a firm, or for it by a promoter). */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { http, unwrap } from '../api/client';
import { matchmakingKeys } from './keys';
import { allPages } from './pages';
import { useInvalidateMatchmaking } from './useMatchmakingSetup';
import type { MeetingRequestInput, MeetingRequestQuery, MeetingRequestStatus } from './types';

export function useRecommendations(eventId: string, companyId: string, enabled = true) {
  return useQuery({
    queryKey: matchmakingKeys.recommendations(eventId, companyId),
    enabled,
    queryFn: async ({ signal }) =>
      unwrap(
        await http.GET('/api/events/{id}/recommendations', {
          params: { path: { id: eventId }, query: { companyId } },
          signal,
        }),
      ),
  });
}

/** Every request of a firm (sent and received) or, without one, of the event; optionally of one status. */
export function useAllMeetingRequests(eventId: string, filters: { companyId?: string; status?: MeetingRequestStatus }) {
  return useQuery({
    queryKey: matchmakingKeys.requests(eventId, { ...filters, all: true }),
    queryFn: ({ signal }) =>
      allPages(async (page, pageSize) =>
        unwrap(
          await http.GET('/api/events/{id}/meeting-requests', {
            params: { path: { id: eventId }, query: { ...filters, page, pageSize } },
            signal,
          }),
        ),
      ),
  });
}

/** One page of the event's requests, for the promoters' list. */
export function useMeetingRequestPage(eventId: string, query: MeetingRequestQuery) {
  return useQuery({
    queryKey: matchmakingKeys.requests(eventId, query),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/events/{id}/meeting-requests', { params: { path: { id: eventId }, query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateMeetingRequest(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: async (input: MeetingRequestInput) =>
      unwrap(await http.POST('/api/events/{id}/meeting-requests', { params: { path: { id: eventId } }, body: input })),
    onSuccess: () => invalidate(eventId),
  });
}

export type RequestAnswer = 'accept' | 'decline' | 'cancel';

/** Accept or decline (the receiving firm) or withdraw (the requesting firm); promoters may do either for them. */
export function useAnswerMeetingRequest(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: async ({ id, answer }: { id: string; answer: RequestAnswer }) => {
      const path = { params: { path: { id } } };
      if (answer === 'accept') return unwrap(await http.POST('/api/meeting-requests/{id}/accept', path));
      if (answer === 'decline') return unwrap(await http.POST('/api/meeting-requests/{id}/decline', path));
      return unwrap(await http.POST('/api/meeting-requests/{id}/cancel', path));
    },
    onSettled: () => invalidate(eventId),
  });
}
