import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page, Person, Role, User } from '@ilr/shared';
import { api } from '../api/client';
import { queryKeys } from '../api/keys';

export function useUsers(filters: { q?: string; page: number }, enabled = true) {
  return useQuery({
    queryKey: queryKeys.users(filters),
    enabled,
    queryFn: ({ signal }) => api.get<Page<User>>('/api/users', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      api.patch<User>(`/api/users/${encodeURIComponent(id)}/role`, { role }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}

/** Organisers and promoters: people by part of their name or their whole email (no emails shown). */
export function usePeopleSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.people({ q }),
    enabled,
    queryFn: ({ signal }) => api.get<Page<Person>>('/api/people', { q: q || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}
