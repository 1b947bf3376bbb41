/**
 * The project catalogue, exchange rates, the run-of-show, the tally and the reports: TanStack
 * Query hooks over the one API client.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { anonymousHttp, http, unwrap } from '../api/client';
import { newClientId } from '../live/socket';
import type { AgreementInput, ProjectFilters, ProjectInput, ProjectUpdate, RateInput, ReportLanguage } from './types';

export const ceremonyKeys = {
  projects: (filters?: ProjectFilters) => (filters ? (['projects', filters] as const) : (['projects'] as const)),
  projectTotals: (filters: ProjectFilters) => ['projects', 'totals', filters] as const,
  project: (id: string) => ['projects', 'one', id] as const,
  rates: ['exchange-rates'] as const,
  agreements: (eventId: string) => ['event', eventId, 'agreements'] as const,
  tally: (eventId: string) => ['event', eventId, 'tally'] as const,
  summary: (eventId: string) => ['event', eventId, 'ceremony-summary'] as const,
  videoToken: (eventId: string) => ['event', eventId, 'ceremony-video-token'] as const,
};

// --- the catalogue (public) --------------------------------------------------------------------

export function useProjects(filters: ProjectFilters) {
  return useQuery({
    queryKey: ceremonyKeys.projects(filters),
    queryFn: async ({ signal }) =>
      unwrap(await anonymousHttp.GET('/api/projects', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useProjectTotals(filters: ProjectFilters) {
  const { sector, status } = filters;
  return useQuery({
    queryKey: ceremonyKeys.projectTotals({ sector, status }),
    queryFn: async ({ signal }) =>
      unwrap(await anonymousHttp.GET('/api/projects/totals', { params: { query: { sector, status } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: ceremonyKeys.project(id),
    enabled: Boolean(id),
    queryFn: async ({ signal }) =>
      unwrap(await anonymousHttp.GET('/api/projects/{id}', { params: { path: { id } }, signal })),
    retry: false,
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProjectInput) => unwrap(await http.POST('/api/projects', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ceremonyKeys.projects() }),
  });
}

export function useUpdateProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProjectUpdate) =>
      unwrap(await http.PATCH('/api/projects/{id}', { params: { path: { id } }, body })),
    onSuccess: (project) => {
      queryClient.setQueryData(ceremonyKeys.project(id), project);
      return queryClient.invalidateQueries({ queryKey: ceremonyKeys.projects() });
    },
  });
}

// --- exchange rates ----------------------------------------------------------------------------

export function useRates() {
  return useQuery({
    queryKey: ceremonyKeys.rates,
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/exchange-rates', { signal })),
  });
}

export function usePutRates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (rates: RateInput[]) => unwrap(await http.PUT('/api/exchange-rates', { body: { rates } })),
    onSuccess: (rates) => {
      queryClient.setQueryData(ceremonyKeys.rates, rates);
      // Every USD figure depends on the rates.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ceremonyKeys.projects() }),
        queryClient.invalidateQueries({ queryKey: ['event'] }),
      ]);
    },
  });
}

// --- the run-of-show ---------------------------------------------------------------------------

export function useAgreements(eventId: string) {
  return useQuery({
    queryKey: ceremonyKeys.agreements(eventId),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/events/{id}/agreements', { params: { path: { id: eventId } }, signal })),
  });
}

/** A LiveKit token for the ceremony's room: the organiser and the firms signing in the cloud publish, others watch. */
export function useCeremonyVideoToken(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: ceremonyKeys.videoToken(eventId),
    enabled,
    queryFn: async () => unwrap(await http.POST('/api/live/token', { body: { ceremonyEventId: eventId } })),
    staleTime: 5 * 60_000,
    gcTime: 0,
    retry: false,
  });
}

function useOnRunOfShowChanged(eventId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ceremonyKeys.agreements(eventId) }),
      queryClient.invalidateQueries({ queryKey: ceremonyKeys.tally(eventId) }),
      queryClient.invalidateQueries({ queryKey: ceremonyKeys.summary(eventId) }),
    ]);
}

export function useCreateAgreement(eventId: string) {
  const changed = useOnRunOfShowChanged(eventId);
  return useMutation({
    mutationFn: async (body: AgreementInput) =>
      unwrap(await http.POST('/api/events/{id}/agreements', { params: { path: { id: eventId } }, body })),
    onSuccess: changed,
  });
}

export function useReorderAgreements(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (agreementIds: string[]) =>
      unwrap(
        await http.PUT('/api/events/{id}/agreements/order', {
          params: { path: { id: eventId } },
          body: { agreementIds },
        }),
      ),
    onSuccess: (agreements) => queryClient.setQueryData(ceremonyKeys.agreements(eventId), agreements),
    onError: () => queryClient.invalidateQueries({ queryKey: ceremonyKeys.agreements(eventId) }),
  });
}

export function useCueAgreement(eventId: string) {
  return useMutation({
    mutationFn: async (agreementId: string) =>
      unwrap(
        await http.POST('/api/events/{id}/ceremony/cue', { params: { path: { id: eventId } }, body: { agreementId } }),
      ),
  });
}

/**
 * Signs with an `Idempotency-Key`: the caller makes one key per intent (`newSigningKey`), so a
 * double click or a retry after a lost answer signs once.
 */
export function useSignAgreement(eventId: string) {
  const changed = useOnRunOfShowChanged(eventId);
  return useMutation({
    mutationFn: async ({ agreementId, key }: { agreementId: string; key: string }) =>
      unwrap(
        await http.POST('/api/agreements/{id}/sign', {
          params: { path: { id: agreementId }, header: { 'Idempotency-Key': key } },
        }),
      ),
    onSuccess: changed,
  });
}

export const newSigningKey = newClientId;

export function useUnsignAgreement(eventId: string) {
  const changed = useOnRunOfShowChanged(eventId);
  return useMutation({
    mutationFn: async ({ agreementId, reason }: { agreementId: string; reason: string }) =>
      unwrap(
        await http.POST('/api/agreements/{id}/unsign', { params: { path: { id: agreementId } }, body: { reason } }),
      ),
    onSuccess: changed,
  });
}

export function useDeleteAgreement(eventId: string) {
  const changed = useOnRunOfShowChanged(eventId);
  return useMutation({
    mutationFn: async (agreementId: string) =>
      unwrap(await http.DELETE('/api/agreements/{id}', { params: { path: { id: agreementId } } })),
    onSuccess: changed,
  });
}

// --- tally, summary, reports -------------------------------------------------------------------

/**
 * The tally: public for published events; sent with the token when signed in, so that staff see
 * the tally of an event that is not published yet. `tally:updated` (useCeremonyRoom) keeps it fresh.
 */
export function useTally(eventId: string, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ceremonyKeys.tally(eventId),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/events/{id}/tally', { params: { path: { id: eventId } }, signal })),
    refetchInterval: options.refetchInterval,
  });
}

export function useCeremonySummary(eventId: string) {
  return useQuery({
    queryKey: ceremonyKeys.summary(eventId),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/events/{id}/ceremony/summary', { params: { path: { id: eventId } }, signal })),
  });
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** report.csv / report.xlsx: they need the bearer token, so they come through the client as blobs. */
export function useDownloadReport(eventId: string) {
  return useMutation({
    mutationFn: async ({ kind, lang }: { kind: 'csv' | 'xlsx'; lang: ReportLanguage }) => {
      const options = { params: { path: { id: eventId }, query: { lang } }, parseAs: 'blob' as const };
      const blob = unwrap(
        kind === 'csv'
          ? await http.GET('/api/events/{id}/report.csv', options)
          : await http.GET('/api/events/{id}/report.xlsx', options),
      );
      save(blob, `ceremony-${eventId}.${kind}`);
    },
  });
}
