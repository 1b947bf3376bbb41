/**
 * What the server pushes to one user rather than to a room (namespace `/live`): new inbox
 * notifications and the progress of a scheduler run they started. The server puts every
 * connection in its user's own room, so no join is needed. One connection per access token is
 * shared by every listener and closed when the last one goes.
 */
import { useEffect, useRef } from 'react';
import type { LiveServerEvents } from '@ilr/shared';
import { useAccessToken } from '../api/token';
import { createLiveSocket, type LiveSocket } from '../live/socket';

export type UserEvents = Pick<LiveServerEvents, 'notification:new' | 'schedule:progress'> & {
  /** (Re)connected: anything pushed while away was missed. */
  connect: () => void;
};

let shared: { token: string; socket: LiveSocket; listeners: number } | null = null;

function acquire(token: string): LiveSocket {
  if (shared?.token !== token) {
    shared?.socket.disconnect();
    shared = { token, socket: createLiveSocket(token), listeners: 0 };
    shared.socket.connect();
  }
  shared.listeners += 1;
  return shared.socket;
}

function release(socket: LiveSocket): void {
  if (shared?.socket !== socket) return;
  shared.listeners -= 1;
  if (shared.listeners === 0) {
    socket.disconnect();
    shared = null;
  }
}

/** Calls `handler` on every `event` pushed to the signed-in user while the component lives. */
export function useUserEvent<E extends keyof UserEvents>(event: E, handler: UserEvents[E]): void {
  const token = useAccessToken();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!token) return;
    const socket = acquire(token);
    const listener = (...args: unknown[]) => (ref.current as (...a: unknown[]) => void)(...args);
    // socket.io's typed `on` does not follow a generic event name.
    const s = socket as unknown as { on(e: string, l: unknown): void; off(e: string, l: unknown): void };
    s.on(event, listener);
    return () => {
      s.off(event, listener);
      release(socket);
    };
  }, [token, event]);
}
