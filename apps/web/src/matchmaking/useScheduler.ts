/**
 * The automatic scheduler: a dry run (what it would place, and why the rest cannot be) or a
 * commit. The server works in a worker and pushes `schedule:progress` to whoever started the run.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ScheduleProgress } from '@ilr/shared';
import { http, unwrap } from '../api/client';
import { useInvalidateMatchmaking } from './useMatchmakingSetup';
import { useUserEvent } from './useUserSocket';

export function useScheduler(eventId: string) {
  const invalidate = useInvalidateMatchmaking();
  const [progress, setProgress] = useState<ScheduleProgress | null>(null);
  useUserEvent('schedule:progress', (pushed) => {
    if (pushed.eventId === eventId) setProgress(pushed);
  });
  const run = useMutation({
    mutationFn: async (dryRun: boolean) => {
      setProgress(null);
      return unwrap(
        await http.POST('/api/events/{id}/schedule', { params: { path: { id: eventId } }, body: { dryRun } }),
      );
    },
    onSuccess: (result) => {
      if (!result.dryRun) return invalidate(eventId);
    },
  });
  return { run, progress: run.isPending ? progress : null };
}
