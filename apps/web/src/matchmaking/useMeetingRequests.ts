/** Recommendations and meeting requests: ask, accept, decline, withdraw (for a firm, or for it by a promoter). */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { matchmakingKeys } from './keys';
import { allPages } from './pages';
import { useInvalidateMatchmaking } from './useMatchmakingSetup';
import type {
  MeetingRequest,
  MeetingRequestInput,
  MeetingRequestPage,
  MeetingRequestQuery,
  MeetingRequestStatus,
  Recommendation,
} from './types';

const enc = encodeURIComponent;

export function useRecommendations(eventId: string, companyId: string, enabled = true) {
  return useQuery({
    queryKey: matchmakingKeys.recommendations(eventId, companyId),
    enabled,
    queryFn: ({ signal }) =>
      api.get<Recommendation[]>(`/api/events/${enc(eventId)}/recommendations`, { companyId }, signal),
  });
}

/** Every request of a firm (sent and received) or, without one, of the event; optionally of one status. */
export function useAllMeetingRequests(eventId: string, filters: { companyId?: string; status?: MeetingRequestStatus }) {
  return useQuery({
    queryKey: matchmakingKeys.requests(eventId, { ...filters, all: true }),
    queryFn: ({ signal }) =>
      allPages((page, pageSize) =>
        api.get<MeetingRequestPage>(
          `/api/events/${enc(eventId)}/meeting-requests`,
          { ...filters, page, pageSize },
          signal,
        ),
      ),
  });
}

/** One page of the event's requests, for the promoters' list. */
export function useMeetingRequestPage(eventId: string, query: MeetingRequestQuery) {
  return useQuery({
    queryKey: matchmakingKeys.requests(eventId, query),
    queryFn: ({ signal }) =>
      api.get<MeetingRequestPage>(`/api/events/${enc(eventId)}/meeting-requests`, { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateMeetingRequest(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: (input: MeetingRequestInput) =>
      api.post<MeetingRequest>(`/api/events/${enc(eventId)}/meeting-requests`, input),
    onSuccess: () => invalidate(eventId),
  });
}

export type RequestAnswer = 'accept' | 'decline' | 'cancel';

/** Accept or decline (the receiving firm) or withdraw (the requesting firm); promoters may do either for them. */
export function useAnswerMeetingRequest(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: RequestAnswer }) =>
      api.post<MeetingRequest>(`/api/meeting-requests/${enc(id)}/${answer}`),
    onSettled: () => invalidate(eventId),
  });
}
