/**
 * A live room over the one socket: connects with the session's access token, joins the room on every
 * (re)connection and publishes the join's snapshot. Each concern (chat, questions, polls,
 * presence) is its own hook that reads this through `LiveRoomContext`.
 *
 * Every successful join bumps `generation`: hooks use it to reconcile state after a reconnect
 * (chat asks for what it missed with `chat:since`, outboxes resend with the same client ids).
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveServerEvents, RoomSnapshot } from '@ilr/shared';
import { refreshSession } from '../api/client';
import { useSessionKey } from '../api/token';
import { ask, createLiveSocket, LiveAckError, type LiveSocket } from './socket';

export type LiveRoomStatus = 'connecting' | 'joined' | 'reconnecting' | 'failed';

export interface LiveRoomState {
  room: string;
  socket: LiveSocket | null;
  status: LiveRoomStatus;
  /** Why joining failed (FORBIDDEN, NOT_FOUND, UNAUTHENTICATED …) when status is `failed`. */
  error: LiveAckError | null;
  /** The latest join's snapshot. */
  snapshot: RoomSnapshot | null;
  /** 1 after the first join, 2 after the first rejoin … */
  generation: number;
  /** Try again after a failure. */
  retry: () => void;
}

const ROOM_ERRORS_THAT_STICK = new Set(['FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'UNAUTHENTICATED']);

export function useLiveRoomConnection(room: string): LiveRoomState {
  const session = useSessionKey();
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const [status, setStatus] = useState<LiveRoomStatus>('connecting');
  const [error, setError] = useState<LiveAckError | null>(null);
  const [snapshot, setSnapshot] = useState<RoomSnapshot | null>(null);
  const [generation, setGeneration] = useState(0);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!session) return;
    const s = createLiveSocket();
    let disposed = false;
    let refreshed = false;
    setSocket(s);
    setStatus('connecting');
    setError(null);

    const join = async () => {
      try {
        const reply = await ask(s, 'room:join', { room });
        if (disposed) return;
        setSnapshot(reply);
        setStatus('joined');
        setError(null);
        setGeneration((g) => g + 1);
      } catch (e) {
        if (disposed) return;
        const failure = e instanceof LiveAckError ? e : new LiveAckError('INTERNAL', String(e));
        if (ROOM_ERRORS_THAT_STICK.has(failure.code)) {
          setStatus('failed');
          setError(failure);
          s.disconnect();
        } else if (s.connected) {
          // Rate limited or a hiccup: try again shortly.
          setTimeout(() => !disposed && s.connected && void join(), 2_000);
        }
      }
    };

    s.on('connect', () => {
      refreshed = false;
      void join();
    });
    s.on('disconnect', (reason) => {
      if (disposed) return;
      setStatus((current) => (current === 'failed' ? current : 'reconnecting'));
      // The server closed the connection on purpose (e.g. the session ended): socket.io will not retry by itself.
      if (reason === 'io server disconnect') setTimeout(() => !disposed && s.connect(), 2_000);
    });
    s.on('connect_error', (err) => {
      if (disposed) return;
      if (err.message === 'UNAUTHENTICATED' && !refreshed) {
        // The token ran out between asking for it and the server reading it: once more with a new one.
        refreshed = true;
        void refreshSession().then((token) => !disposed && token && s.connect());
      } else if (err.message === 'UNAUTHENTICATED') {
        setStatus('failed');
        setError(new LiveAckError('UNAUTHENTICATED', err.message));
      } else {
        setStatus((current) => (current === 'joined' ? 'reconnecting' : current));
      }
    });

    // The browser knows at once when the network goes; socket.io would notice only after its ping timeout.
    const offline = () => s.disconnect();
    const online = () => {
      if (!s.connected) s.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    if (navigator.onLine !== false) s.connect();
    else setStatus('reconnecting');

    return () => {
      disposed = true;
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
    };
  }, [session, room, attempt]);

  const retry = useMemo(() => () => setAttempt((a) => a + 1), []);
  return { room, socket, status, error, snapshot, generation, retry };
}

export const LiveRoomContext = createContext<LiveRoomState | null>(null);

export function useLiveRoom(): LiveRoomState {
  const state = useContext(LiveRoomContext);
  if (!state) throw new Error('useLiveRoom needs a LiveRoomContext provider');
  return state;
}

/**
 * Subscribes to a server event of the room's socket for as long as the component lives; the
 * handler may change between renders without resubscribing.
 */
export function useLiveEvent<E extends keyof LiveServerEvents>(event: E, handler: LiveServerEvents[E]): void {
  const { socket } = useLiveRoom();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = (...args: unknown[]) => (ref.current as (...a: unknown[]) => void)(...args);
    // socket.io's typed `on` does not follow a generic event name.
    const s = socket as unknown as { on(e: string, l: unknown): void; off(e: string, l: unknown): void };
    s.on(event, listener);
    return () => s.off(event, listener);
  }, [socket, event]);
}
