/** The TanStack Query client: a 401 on any authenticated request ends the session. */
import { QueryCache, QueryClient, MutationCache } from '@tanstack/react-query';
import { isApiError } from './client';
import { clearToken, getToken } from './token';

function onError(error: unknown): void {
  if (isApiError(error) && error.status === 401 && getToken()) clearToken();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a 4xx never helps; retry network hiccups and 5xx once.
        retry: (failureCount, error) =>
          failureCount < 1 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      },
    },
  });
}
