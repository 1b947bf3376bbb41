/** How many connections are in the room (across every API node). */
import { useEffect, useState } from 'react';
import { useLiveEvent, useLiveRoom } from './useLiveRoom';

export function usePresence(): number | null {
  const { room, snapshot, generation } = useLiveRoom();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (snapshot && generation > 0) setCount(snapshot.presence);
  }, [snapshot, generation]);
  useLiveEvent('presence', (presence) => {
    if (presence.room === room) setCount(presence.count);
  });
  return count;
}
