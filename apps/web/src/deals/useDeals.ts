/** Deals: the board's and a firm's lists, one deal and its history, creating, moving, taking, from a meeting. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, unwrap } from '../api/client';
import { allPages } from '../matchmaking/pages';
import { dealKeys } from './keys';
import type { DealFilters, DealInput, StageChange } from './types';

/** Every deal the viewer may see that matches the filters (a firm's members: their firm's), last changed first. */
export function useDeals(filters: Omit<DealFilters, 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: dealKeys.list(filters),
    queryFn: ({ signal }) =>
      allPages(async (page, pageSize) =>
        unwrap(await http.GET('/api/deals', { params: { query: { ...filters, page, pageSize } }, signal })),
      ),
  });
}

export function useDeal(id: string) {
  return useQuery({
    queryKey: dealKeys.deal(id),
    enabled: Boolean(id),
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/deals/{id}', { params: { path: { id } }, signal })),
  });
}

export function useDealHistory(id: string) {
  return useQuery({
    queryKey: dealKeys.history(id),
    enabled: Boolean(id),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/deals/{id}/history', { params: { path: { id } }, signal })),
  });
}

/**
 * After any change every list, deal and history is read again. Callers do not wait for it: a
 * caller's own `mutate(…, { onSuccess })` must run while its component is still mounted (the
 * refetch may unmount it, e.g. the booking form once the deal has its signing meeting).
 */
export function useInvalidateDeals() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: dealKeys.all });
}

export function useCreateDeal() {
  const invalidate = useInvalidateDeals();
  return useMutation({
    mutationFn: async (input: DealInput) => unwrap(await http.POST('/api/deals', { body: input })),
    onSuccess: () => void invalidate(),
  });
}

export function useChangeStage() {
  const invalidate = useInvalidateDeals();
  return useMutation({
    mutationFn: async ({ id, input }: { id: string; input: StageChange }) =>
      unwrap(await http.POST('/api/deals/{id}/stage', { params: { path: { id } }, body: input })),
    onSettled: () => void invalidate(),
  });
}

export function useTakeDeal() {
  const invalidate = useInvalidateDeals();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await http.POST('/api/deals/{id}/take', { params: { path: { id } } })),
    onSettled: () => void invalidate(),
  });
}

/** The deal of a meeting where a side intends to sign: made the first time, the same one after. */
export function useDealFromMeeting() {
  const invalidate = useInvalidateDeals();
  return useMutation({
    mutationFn: async (meetingId: string) =>
      unwrap(await http.POST('/api/meetings/{id}/deal', { params: { path: { id: meetingId } } })),
    onSuccess: () => void invalidate(),
  });
}
