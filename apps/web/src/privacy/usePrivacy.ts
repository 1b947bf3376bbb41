/** The personal-data hooks: the policy in force, my consent, a copy of my data, deleting my account. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, unwrap } from '../api/client';
import { queryKeys } from '../api/keys';
import { endSession, useSessionKey } from '../api/token';
import type { ConsentInput } from '../api/types';

export function usePrivacyPolicy() {
  return useQuery({
    queryKey: queryKeys.privacyPolicy,
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/privacy/policy', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** My consent state (from `GET /api/me`), while signed in. */
export function useConsentState() {
  const session = useSessionKey();
  return useQuery({
    queryKey: queryKeys.consent(session),
    enabled: Boolean(session),
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/me', { signal })).consent,
  });
}

export function useAcceptPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ConsentInput) => unwrap(await http.POST('/api/me/consent', { body })),
    onSuccess: (state) => {
      queryClient.setQueriesData({ queryKey: ['consent'] }, state);
    },
  });
}

/** Saves `GET /api/me/export` as a JSON file; resolves with the file's text. */
export function useExportMyData() {
  return useMutation({
    mutationFn: async () => {
      const data = unwrap(await http.GET('/api/me/export'));
      const text = JSON.stringify(data, null, 2);
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = `my-data-${data.exportedAt.slice(0, 10)}.json`;
        document.body.appendChild(link);
        link.click();
        link.remove();
      } finally {
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return text;
    },
  });
}

/** Deletes my account (password again); on success the session ends. */
export function useDeleteMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (password: string) => unwrap(await http.DELETE('/api/me', { body: { password } })),
    onSuccess: () => {
      // The server revoked every session of the account: end this one here too (and in other tabs).
      endSession();
      queryClient.clear();
    },
  });
}
