/** Session hooks: who am I, log in, register, log out, update my profile. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, isApiError, unwrap } from '../api/client';
import { queryKeys } from '../api/keys';
import { clearToken, setToken, useAccessToken } from '../api/token';
import type { AuthResponse, LoginInput, MeUpdate, RegisterInput, User } from '../api/types';

export function useMe() {
  const token = useAccessToken();
  return useQuery({
    queryKey: [...queryKeys.me, token],
    enabled: Boolean(token),
    queryFn: async ({ signal }) => {
      try {
        return unwrap(await http.GET('/api/me', { signal }));
      } catch (error) {
        // A stale or revoked token: drop it so the app shows the logged-out state.
        if (isApiError(error) && error.status === 401) {
          clearToken();
          return null;
        }
        throw error;
      }
    },
  });
}

/** The signed-in user, or null (also while logged out); `error` when reading it failed. */
export function useCurrentUser(): { user: User | null; isLoading: boolean; error: Error | null } {
  const token = useAccessToken();
  const me = useMe();
  return { user: token ? (me.data ?? null) : null, isLoading: Boolean(token) && me.isLoading, error: me.error };
}

function useStartSession() {
  const queryClient = useQueryClient();
  return (response: AuthResponse) => {
    queryClient.removeQueries({ queryKey: queryKeys.me });
    setToken(response.accessToken);
    queryClient.setQueryData([...queryKeys.me, response.accessToken], response.user);
  };
}

export function useLogin() {
  const start = useStartSession();
  return useMutation({
    mutationFn: async (body: LoginInput) => unwrap(await http.POST('/api/auth/login', { body })),
    onSuccess: start,
  });
}

export function useRegister() {
  const start = useStartSession();
  return useMutation({
    mutationFn: async (body: RegisterInput) => unwrap(await http.POST('/api/auth/register', { body })),
    onSuccess: start,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return () => {
    clearToken();
    queryClient.clear();
  };
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MeUpdate) => unwrap(await http.PATCH('/api/me', { body })),
    onSuccess: (user) => {
      // Merge, then re-read: the API's reply may leave fields out (it has been seen without
      // displayName and timeZone), and a partial user would blank the name and the viewer's clock.
      queryClient.setQueriesData<User | null>({ queryKey: queryKeys.me }, (old) => (old ? { ...old, ...user } : user));
      return queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
