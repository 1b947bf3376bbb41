/** LiveKit video over REST: whether it is on, my room token, raised hands, the stage and recordings. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, unwrap } from '../api/client';
import { queryKeys } from '../api/keys';
import type { Recording } from '../api/types';
import { useLiveEvent } from './useLiveRoom';

export function useLiveConfig() {
  return useQuery({
    queryKey: queryKeys.liveConfig,
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/live/config', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** A short-lived token; LiveKit needs it only to connect (the server refreshes it while connected). */
export function useLiveToken(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.liveToken(sessionId),
    enabled,
    queryFn: async () => unwrap(await http.POST('/api/live/token', { body: { sessionId } })),
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
    queryFn: async ({ signal }) => {
      const mine = await http.GET('/api/live/sessions/{id}/hands/mine', {
        params: { path: { id: sessionId } },
        signal,
      });
      return unwrap(mine).hand;
    },
  });
  const change = useMutation({
    mutationFn: async (raise: boolean) => {
      const params = { path: { id: sessionId } };
      if (raise) return unwrap(await http.POST('/api/live/sessions/{id}/hands', { params }));
      unwrap(await http.DELETE('/api/live/sessions/{id}/hands', { params }));
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
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/live/sessions/{id}/hands', { params: { path: { id: sessionId } }, signal })),
    refetchInterval: 30_000,
  });
}

export type StageAction = 'promote' | 'demote' | 'remove' | 'dismiss';

export function useStageAction(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, userId }: { action: StageAction; userId: string }) => {
      const params = { path: { id: sessionId, userId } };
      switch (action) {
        case 'promote':
          return unwrap(
            await http.POST('/api/live/sessions/{id}/speakers', {
              params: { path: { id: sessionId } },
              body: { userId },
            }),
          );
        case 'demote':
          return unwrap(await http.DELETE('/api/live/sessions/{id}/speakers/{userId}', { params }));
        case 'remove':
          return unwrap(await http.DELETE('/api/live/sessions/{id}/participants/{userId}', { params }));
        case 'dismiss':
          return unwrap(await http.DELETE('/api/live/sessions/{id}/hands/{userId}', { params }));
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
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/live/sessions/{id}/recordings', { params: { path: { id: sessionId } }, signal })),
    // While one is starting or running, its status changes with LiveKit's webhooks.
    refetchInterval: (query) => (query.state.data?.some(isRecordingRunning) ? 5_000 : false),
  });
}

const RECORDING_CONTROLS = {
  start: '/api/live/sessions/{id}/recording/start',
  stop: '/api/live/sessions/{id}/recording/stop',
} as const;

export function useRecordingControl(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: keyof typeof RECORDING_CONTROLS) =>
      unwrap(await http.POST(RECORDING_CONTROLS[action], { params: { path: { id: sessionId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.recordings(sessionId) }),
  });
}
