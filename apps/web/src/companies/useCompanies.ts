/** Company data hooks over the typed client. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Company, CompanyImportResult, CompanyInput, Page } from '@ilr/shared';
import { api } from '../api/client';
import { queryKeys } from '../api/keys';

export interface CompanyFilters {
  country?: string;
  sector?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export function useCompanies(filters: CompanyFilters) {
  return useQuery({
    queryKey: queryKeys.companies(filters),
    queryFn: ({ signal }) => api.get<Page<Company>>('/api/companies', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.company(id ?? ''),
    enabled: Boolean(id),
    queryFn: ({ signal }) => api.get<Company>(`/api/companies/${encodeURIComponent(id!)}`, undefined, signal),
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
    mutationFn: (input: CompanyInput) => api.post<Company>('/api/companies', input),
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
    mutationFn: (input: Partial<CompanyInput>) => api.patch<Company>(`/api/companies/${encodeURIComponent(id)}`, input),
    onSuccess: onSaved,
  });
}

export function useImportCompanies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) => api.postRaw<CompanyImportResult>('/api/companies/import', file, 'text/csv'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.companies() }),
  });
}
