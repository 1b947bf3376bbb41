/**
 * What the server pushes to one user rather than to a room (namespace `/live`): new inbox
 * notifications and the progress of a scheduler run they started. The server puts every
 * connection in its user's own room, so no join is needed. One connection per session is shared
 * by every listener and closed when the last one goes (it presents a fresh token at each reconnection).
 */
import { useEffect, useRef } from 'react';
import type { LiveServerEvents } from '@ilr/shared';
import { useSessionKey } from '../api/token';
import { createLiveSocket, type LiveSocket } from '../live/socket';

export type UserEvents = Pick<LiveServerEvents, 'notification:new' | 'schedule:progress'> & {
  /** (Re)connected: anything pushed while away was missed. */
  connect: () => void;
};

interface Shared {
  session: string;
  socket: LiveSocket;
  listeners: number;
}

let shared: Shared | null = null;
let echoing = false;

/**
 * engine.io-client closes every open connection when the browser goes offline, walking a list
 * that each close also edits: with two connections open (this one and a live room's) it skips
 * the second, which stays half-open (its presence stale, its leave stuck). Once its walk is done,
 * 'offline' goes round once more, so that it closes what it skipped. The app's other 'offline'
 * listeners (the live room's) only disconnect, which is harmless twice.
 */
function offlineAgain(): void {
  if (echoing) return;
  echoing = true;
  try {
    window.dispatchEvent(new Event('offline'));
  } finally {
    echoing = false;
  }
}

function open(session: string): Shared {
  const socket = createLiveSocket();
  window.addEventListener('offline', offlineAgain);
  socket.connect();
  return { session, socket, listeners: 0 };
}

function close(): void {
  window.removeEventListener('offline', offlineAgain);
  shared?.socket.disconnect();
  shared = null;
}

function acquire(session: string): LiveSocket {
  if (shared?.session !== session) {
    close();
    shared = open(session);
  }
  shared.listeners += 1;
  return shared.socket;
}

function release(socket: LiveSocket): void {
  if (shared?.socket !== socket) return;
  shared.listeners -= 1;
  if (shared.listeners === 0) close();
}

/** Calls `handler` on every `event` pushed to the signed-in user while the component lives. */
export function useUserEvent<E extends keyof UserEvents>(event: E, handler: UserEvents[E]): void {
  const session = useSessionKey();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!session) return;
    const socket = acquire(session);
    const listener = (...args: unknown[]) => (ref.current as (...a: unknown[]) => void)(...args);
    // socket.io's typed `on` does not follow a generic event name.
    const s = socket as unknown as { on(e: string, l: unknown): void; off(e: string, l: unknown): void };
    s.on(event, listener);
    return () => {
      s.off(event, listener);
      release(socket);
    };
  }, [session, event]);
}
