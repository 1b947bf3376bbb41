/**
 * The schedule's files — a firm's calendar (.ics), the promoters' CSV and Excel exports. They need
 * the bearer token, so they come through the client as blobs and are saved from there.
 */
import { useMutation } from '@tanstack/react-query';
import { http, unwrap } from '../api/client';
import { useLocale } from '../i18n/useLocale';
import type { MeetingFileQuery } from './types';

export type MeetingFileKind = 'ics' | 'csv' | 'xlsx';

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function useDownloadMeetings(eventId: string) {
  const { language } = useLocale();
  return useMutation({
    mutationFn: async ({ kind, companyId }: { kind: MeetingFileKind; companyId?: string }) => {
      const query: MeetingFileQuery = { companyId, lang: language };
      const options = { params: { path: { id: eventId }, query }, parseAs: 'blob' as const };
      const blob = unwrap(
        kind === 'ics'
          ? await http.GET('/api/events/{id}/meetings.ics', options)
          : kind === 'csv'
            ? await http.GET('/api/events/{id}/meetings.csv', options)
            : await http.GET('/api/events/{id}/meetings.xlsx', options),
      );
      save(blob, `meetings-${eventId}.${kind}`);
    },
  });
}
