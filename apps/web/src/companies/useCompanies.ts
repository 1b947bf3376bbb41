/** Company data hooks over the typed client. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, unwrap } from '../api/client';
import { queryKeys } from '../api/keys';
import type { Company, CompanyFilters, CompanyInput, CompanyUpdate } from '../api/types';

export function useCompanies(filters: CompanyFilters) {
  return useQuery({
    queryKey: queryKeys.companies(filters),
    queryFn: async ({ signal }) => unwrap(await http.GET('/api/companies', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.company(id ?? ''),
    enabled: Boolean(id),
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/companies/{id}', { params: { path: { id: id! } }, signal })),
  });
}

function useOnCompanySaved() {
  const queryClient = useQueryClient();
  return (company: Company) => {
    queryClient.setQueryData(queryKeys.company(company.id), company);
    void queryClient.invalidateQueries({ queryKey: queryKeys.companies() });
  };
}

export function useCreateCompany() {
  const queryClient = useQueryClient();
  const onSaved = useOnCompanySaved();
  return useMutation({
    mutationFn: async (body: CompanyInput) => unwrap(await http.POST('/api/companies', { body })),
    onSuccess: async (company) => {
      onSaved(company);
      // A member who creates a company joins it: /api/me now carries companyId.
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

export function useUpdateCompany(id: string) {
  const onSaved = useOnCompanySaved();
  return useMutation({
    mutationFn: async (body: CompanyUpdate) =>
      unwrap(await http.PATCH('/api/companies/{id}', { params: { path: { id } }, body })),
    onSuccess: onSaved,
  });
}

/** The file goes up as it is, as `text/csv` (not JSON). */
export function useImportCompanies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: Blob) =>
      unwrap(
        await http.POST('/api/companies/import', {
          body: await file.text(),
          bodySerializer: (csv) => csv,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.companies() }),
  });
}
