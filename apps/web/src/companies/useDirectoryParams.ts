/** Directory state in the URL (?country=&sector=&q=&page=&open=) so views can be shared and reloaded. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CompanyFilters } from '../api/types';

export const PAGE_SIZE = 20;

export function useDirectoryParams() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<CompanyFilters>(() => {
    const page = Number(params.get('page'));
    return {
      country: params.get('country') || undefined,
      sector: params.get('sector') || undefined,
      q: params.get('q') || undefined,
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: PAGE_SIZE,
    };
  }, [params]);

  const openId = params.get('open');

  const update = useCallback(
    (changes: Record<string, string | number | undefined | null>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  /** Changing a filter goes back to page 1. */
  const setFilter = useCallback(
    (key: 'country' | 'sector' | 'q', value: string | undefined) => update({ [key]: value, page: undefined }),
    [update],
  );

  return { filters, openId, update, setFilter };
}
