/** LiveKit video over REST: whether it is on, my room token, raised hands, the stage and recordings. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LiveConfig, LiveToken, RaisedHand, Recording, StageChange } from '@ilr/shared';
import { api } from '../api/client';
import { queryKeys } from '../api/keys';
import { useLiveEvent } from './useLiveRoom';

const enc = encodeURIComponent;
const base = (sessionId: string) => `/api/live/sessions/${enc(sessionId)}`;

export function useLiveConfig() {
  return useQuery({
    queryKey: queryKeys.liveConfig,
    queryFn: ({ signal }) => api.get<LiveConfig>('/api/live/config', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** A short-lived token; LiveKit needs it only to connect (the server refreshes it while connected). */
export function useLiveToken(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.liveToken(sessionId),
    enabled,
    queryFn: () => api.post<LiveToken>('/api/live/token', { sessionId }),
    staleTime: 5 * 60_000,
    gcTime: 0,
    retry: false,
  });
}

/**
 * My own hand: read once, then kept by the room's `stage:my-hand` pushes (a host dismissing it or
 * bringing me on stage lowers it) and by what my own requests answer.
 */
export function useMyHand(sessionId: string, enabled = true) {
  const queryClient = useQueryClient();
  const key = queryKeys.myHand(sessionId);
  useLiveEvent('stage:my-hand', (pushed) => {
    if (pushed.sessionId === sessionId) queryClient.setQueryData(key, pushed.hand);
  });
  const hand = useQuery({
    queryKey: key,
    enabled,
    queryFn: async ({ signal }) =>
      (await api.get<{ hand: RaisedHand | null }>(`${base(sessionId)}/hands/mine`, undefined, signal)).hand,
  });
  const change = useMutation({
    mutationFn: async (raise: boolean): Promise<RaisedHand | null> => {
      if (raise) return api.post<RaisedHand>(`${base(sessionId)}/hands`);
      await api.delete<void>(`${base(sessionId)}/hands`);
      return null;
    },
    onSuccess: (mine) => queryClient.setQueryData(key, mine),
  });
  return { raised: Boolean(hand.data), change };
}

/**
 * Hosts: the raised hands, first raised first. The room pushes the list after every change
 * (`stage:hands`); the slow poll only catches up after a reconnect missed a push.
 */
export function useHands(sessionId: string) {
  const queryClient = useQueryClient();
  useLiveEvent('stage:hands', (pushed) => {
    if (pushed.sessionId === sessionId) queryClient.setQueryData(queryKeys.hands(sessionId), pushed.hands);
  });
  return useQuery({
    queryKey: queryKeys.hands(sessionId),
    queryFn: ({ signal }) => api.get<RaisedHand[]>(`${base(sessionId)}/hands`, undefined, signal),
    refetchInterval: 30_000,
  });
}

export type StageAction = 'promote' | 'demote' | 'remove' | 'dismiss';

export function useStageAction(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, userId }: { action: StageAction; userId: string }): Promise<StageChange | void> => {
      const user = enc(userId);
      switch (action) {
        case 'promote':
          return api.post<StageChange>(`${base(sessionId)}/speakers`, { userId });
        case 'demote':
          return api.delete<StageChange>(`${base(sessionId)}/speakers/${user}`);
        case 'remove':
          return api.delete<StageChange>(`${base(sessionId)}/participants/${user}`);
        case 'dismiss':
          return api.delete<void>(`${base(sessionId)}/hands/${user}`);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.hands(sessionId) }),
  });
}

/** A recording LiveKit is still starting, running or finishing. */
export const isRecordingRunning = (recording: Recording): boolean =>
  ['starting', 'active', 'ending'].includes(recording.status);

export function useRecordings(sessionId: string) {
  return useQuery({
    queryKey: queryKeys.recordings(sessionId),
    queryFn: ({ signal }) => api.get<Recording[]>(`${base(sessionId)}/recordings`, undefined, signal),
    // While one is starting or running, its status changes with LiveKit's webhooks.
    refetchInterval: (query) => (query.state.data?.some(isRecordingRunning) ? 5_000 : false),
  });
}

export function useRecordingControl(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'start' | 'stop') => api.post<Recording>(`${base(sessionId)}/recording/${action}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.recordings(sessionId) }),
  });
}
