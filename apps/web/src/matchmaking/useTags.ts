/** The offer/need tag taxonomy (`GET /api/tags`), labelled in the UI language. */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { pickLocalized, TAGS } from '@ilr/shared';
import { http, unwrap } from '../api/client';
import { useLocale } from '../i18n/useLocale';
import { matchmakingKeys } from './keys';

export function useTags() {
  return useQuery({
    queryKey: matchmakingKeys.tags,
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/tags', { signal })),
    staleTime: Infinity,
    // The taxonomy ships with the shared lib, so pickers are usable before the request returns.
    placeholderData: TAGS.map((tag) => ({ code: tag.code, label: tag.label })),
  });
}

/** A tag code's label in the UI language; a free-text match (not a code) shows as written. */
export function useTagLabel(): (code: string) => string {
  const { language } = useLocale();
  const tags = useTags();
  return useCallback(
    (code: string) => {
      const tag = tags.data?.find((t) => t.code === code);
      return (tag && pickLocalized(tag.label, language)?.text) || code;
    },
    [tags.data, language],
  );
}
