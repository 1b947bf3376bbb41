/** Users and their roles (organisers), and looking people up by name (organisers and promoters). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@ilr/shared';
import { http, unwrap } from '../api/client';
import { queryKeys } from '../api/keys';
import type { UserFilters } from '../api/types';

export function useUsers(filters: UserFilters, enabled = true) {
  return useQuery({
    queryKey: queryKeys.users(filters),
    enabled,
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/users', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, role }: { id: string; role: Role }) =>
      unwrap(await http.PATCH('/api/users/{id}/role', { params: { path: { id } }, body: { role } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}

/** Organisers and promoters: people by part of their name or their whole email (no emails shown). */
export function usePeopleSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.people({ q }),
    enabled,
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/people', { params: { query: { q: q || undefined, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}
