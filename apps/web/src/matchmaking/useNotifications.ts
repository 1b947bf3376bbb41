/**
 * The inbox: the latest notifications and the unread count, kept live by `notification:new`
 * (which also refreshes the event's matchmaking the notification is about).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { http, unwrap } from '../api/client';
import { useSessionKey } from '../api/token';
import { matchmakingKeys } from './keys';
import { useInvalidateMatchmaking } from './useMatchmakingSetup';
import { useUserEvent } from './useUserSocket';
import type { NotificationPage } from './types';

const LATEST = 30;

export function useNotifications() {
  const session = useSessionKey();
  const queryClient = useQueryClient();
  const invalidateMatchmaking = useInvalidateMatchmaking();
  const key = [...matchmakingKeys.notifications, session] as const;

  useUserEvent('notification:new', ({ unread, ...notification }) => {
    queryClient.setQueryData<NotificationPage>(key, (page) =>
      page
        ? {
            ...page,
            unread,
            total: page.total + 1,
            items: [notification, ...page.items.filter((n) => n.id !== notification.id)].slice(0, LATEST),
          }
        : page,
    );
    void invalidateMatchmaking(notification.params.eventId);
  });
  // Back after a disconnect: whatever was pushed meanwhile was missed.
  const connections = useRef(0);
  useUserEvent('connect', () => {
    connections.current += 1;
    if (connections.current > 1) void queryClient.invalidateQueries({ queryKey: key });
  });

  return useQuery({
    queryKey: key,
    enabled: Boolean(session),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/notifications', { params: { query: { pageSize: LATEST } }, signal })),
  });
}

/** Marks the given notifications read, or all of them without ids. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids?: string[]) =>
      unwrap(await http.POST('/api/notifications/read', { body: ids ? { ids } : {} })),
    onSuccess: ({ unread }, ids) => {
      const readAt = new Date().toISOString();
      queryClient.setQueriesData<NotificationPage>({ queryKey: matchmakingKeys.notifications }, (page) =>
        page
          ? {
              ...page,
              unread,
              items: page.items.map((n) => (!n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt } : n)),
            }
          : page,
      );
    },
  });
}
