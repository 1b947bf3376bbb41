/** Reference data (sectors, countries): public, rarely changing, cached for the session. */
import { useQuery } from '@tanstack/react-query';
import { SECTORS, pickLocalized, type ContentLanguage, type Country, type Sector } from '@ilr/shared';
import { api } from '../api/client';
import { queryKeys } from '../api/keys';

export function useSectors() {
  return useQuery({
    queryKey: queryKeys.sectors,
    queryFn: ({ signal }) => api.get<Sector[]>('/api/sectors', undefined, signal),
    staleTime: Infinity,
    // The taxonomy ships with the shared lib, so selects are usable before the request returns.
    placeholderData: [...SECTORS],
  });
}

export function useCountries() {
  return useQuery({
    queryKey: queryKeys.countries,
    queryFn: ({ signal }) => api.get<Country[]>('/api/countries', undefined, signal),
    staleTime: Infinity,
  });
}

export interface LabelledOption {
  value: string;
  label: string;
}

/** Options for a select, labelled in the viewer's language, keeping the API's order. */
export function toOptions(
  items: { code: string; label: Sector['label'] | Country['label'] }[] | undefined,
  language: ContentLanguage,
): LabelledOption[] {
  return (items ?? []).map((item) => ({
    value: item.code,
    label: pickLocalized(item.label, language)?.text ?? item.code,
  }));
}

/** Looks up one code's label; unknown codes show as the code itself. */
export function labelFor(
  items: { code: string; label: Sector['label'] | Country['label'] }[] | undefined,
  code: string,
  language: ContentLanguage,
): string {
  const item = items?.find((i) => i.code === code);
  return (item && pickLocalized(item.label, language)?.text) || code;
}
