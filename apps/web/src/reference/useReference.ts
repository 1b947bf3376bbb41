/** Reference data (sectors, countries): public, rarely changing, cached for the session. */
import { useQuery } from '@tanstack/react-query';
import { SECTORS, pickLocalized, type ContentLanguage } from '@ilr/shared';
import { http, unwrap } from '../api/client';
import { queryKeys } from '../api/keys';
import type { Country, Sector } from '../api/types';

export function useSectors() {
  return useQuery({
    queryKey: queryKeys.sectors,
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/sectors', { signal })),
    staleTime: Infinity,
    // The taxonomy ships with the shared lib, so selects are usable before the request returns.
    placeholderData: [...SECTORS],
  });
}

export function useCountries() {
  return useQuery({
    queryKey: queryKeys.countries,
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/countries', { signal })),
    staleTime: Infinity,
  });
}

export interface LabelledOption {
  value: string;
  label: string;
}

/** Options for a select, labelled in the viewer's language, keeping the API's order. */
export function toOptions(items: (Sector | Country)[] | undefined, language: ContentLanguage): LabelledOption[] {
  return (items ?? []).map((item) => ({
    value: item.code,
    label: pickLocalized(item.label, language)?.text ?? item.code,
  }));
}

/** Looks up one code's label; unknown codes show as the code itself. */
export function labelFor(items: (Sector | Country)[] | undefined, code: string, language: ContentLanguage): string {
  const item = items?.find((i) => i.code === code);
  return (item && pickLocalized(item.label, language)?.text) || code;
}
