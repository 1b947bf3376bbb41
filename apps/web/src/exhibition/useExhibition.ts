/** Booths, leads and booth stats: TanStack Query hooks over the one API client. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { anonymousHttp, http, unwrap } from '../api/client';
import { useSessionKey } from '../api/token';
import type { BoothFilters, BoothInput } from './types';

const keys = {
  booths: (eventId: string, filters?: BoothFilters) =>
    filters ? (['event', eventId, 'booths', filters] as const) : (['event', eventId, 'booths'] as const),
  booth: (eventId: string, companyId: string) => ['event', eventId, 'booths', 'one', companyId] as const,
  leads: (eventId: string, companyId: string, page?: number) =>
    page ? (['event', eventId, 'leads', companyId, page] as const) : (['event', eventId, 'leads', companyId] as const),
  stats: (eventId: string, companyId: string) => ['event', eventId, 'booth-stats', companyId] as const,
};

/** The hall: public, read without the token so that everyone gets the same answer. */
export function useBooths(eventId: string, filters: BoothFilters) {
  return useQuery({
    queryKey: keys.booths(eventId, filters),
    queryFn: async ({ signal }) =>
      unwrap(
        await anonymousHttp.GET('/api/events/{id}/booths', {
          params: { path: { id: eventId }, query: filters },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** One booth; read signed in when possible, which records the visit. */
export function useBooth(eventId: string, companyId: string) {
  const session = useSessionKey();
  return useQuery({
    queryKey: [...keys.booth(eventId, companyId), Boolean(session)],
    queryFn: async ({ signal }) =>
      unwrap(
        await http.GET('/api/events/{id}/booths/{companyId}', { params: { path: { id: eventId, companyId } }, signal }),
      ),
    retry: false,
  });
}

export function usePutBooth(eventId: string, companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BoothInput) =>
      unwrap(
        await http.PUT('/api/events/{id}/booths/{companyId}', { params: { path: { id: eventId, companyId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.booths(eventId) }),
  });
}

export function useScanLead(eventId: string, companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (badgeCode: string) => {
      const result = await http.POST('/api/events/{id}/booths/{companyId}/leads', {
        params: { path: { id: eventId, companyId } },
        body: { badgeCode },
      });
      // 201: a new lead; 200: this visitor was already a lead.
      return { lead: unwrap(result), isNew: result.response.status === 201 };
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.leads(eventId, companyId) }),
        queryClient.invalidateQueries({ queryKey: keys.stats(eventId, companyId) }),
      ]),
  });
}

export function useLeads(eventId: string, companyId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...keys.leads(eventId, companyId, page), pageSize],
    queryFn: async ({ signal }) =>
      unwrap(
        await http.GET('/api/events/{id}/booths/{companyId}/leads', {
          params: { path: { id: eventId, companyId }, query: { page, pageSize } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Saves the leads as a CSV file (the download needs the bearer token, so it goes through the client). */
export function useDownloadLeadsCsv(eventId: string, companyId: string) {
  return useMutation({
    mutationFn: async () => {
      const blob = unwrap(
        await http.GET('/api/events/{id}/booths/{companyId}/leads.csv', {
          params: { path: { id: eventId, companyId } },
          parseAs: 'blob',
        }),
      );
      const url = URL.createObjectURL(blob);
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = `leads-${companyId}.csv`;
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

export function useBoothStats(eventId: string, companyId: string) {
  return useQuery({
    queryKey: keys.stats(eventId, companyId),
    queryFn: async ({ signal }) =>
      unwrap(
        await http.GET('/api/events/{id}/booths/{companyId}/stats', {
          params: { path: { id: eventId, companyId } },
          signal,
        }),
      ),
  });
}

/** A meeting request from my firm to the booth's firm, in this event's matchmaking. */
export function useRequestMeeting(eventId: string) {
  return useMutation({
    mutationFn: async (body: { fromCompanyId: string; toCompanyId: string }) =>
      unwrap(await http.POST('/api/events/{id}/meeting-requests', { params: { path: { id: eventId } }, body })),
  });
}
