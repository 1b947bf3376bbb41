/** Session hooks: who am I, log in, register, log out, update my profile. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, isApiError, logout, unwrap } from '../api/client';
import { queryKeys } from '../api/keys';
import { endSession, getSessionKey, startSession, useSessionKey, useSessionStatus } from '../api/token';
import type { AuthResponse, LoginInput, MeUpdate, RegisterInput, User } from '../api/types';

export function useMe() {
  const session = useSessionKey();
  return useQuery({
    queryKey: [...queryKeys.me, session],
    enabled: Boolean(session),
    queryFn: async ({ signal }) => {
      try {
        return unwrap(await http.GET('/api/me', { signal }));
      } catch (error) {
        // Still 401 after the client's refresh: the session is gone; show the logged-out state.
        if (isApiError(error) && error.status === 401) {
          endSession();
          return null;
        }
        throw error;
      }
    },
  });
}

/**
 * The signed-in user, or null (also while logged out); loading while a session is being restored
 * from its cookie (a page load) or the user is being read; `error` when reading it failed.
 */
export function useCurrentUser(): { user: User | null; isLoading: boolean; error: Error | null } {
  const session = useSessionKey();
  const status = useSessionStatus();
  const me = useMe();
  return {
    user: session ? (me.data ?? null) : null,
    isLoading: status === 'restoring' || (Boolean(session) && me.isLoading),
    error: me.error,
  };
}

function useStartSession() {
  const queryClient = useQueryClient();
  return (response: AuthResponse) => {
    queryClient.removeQueries({ queryKey: queryKeys.me });
    startSession(response.accessToken);
    queryClient.setQueryData([...queryKeys.me, getSessionKey()], response.user);
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

/** Ends the session on the server and here (the cookie's refresh tokens are revoked). */
export function useLogout() {
  const queryClient = useQueryClient();
  return async () => {
    await logout();
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
