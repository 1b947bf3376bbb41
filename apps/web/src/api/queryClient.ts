/**
 * The TanStack Query client. A 401 needs no handling here: the API client has already refreshed
 * the session once and sent the request again, and signed out if the session is gone.
 */
import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
