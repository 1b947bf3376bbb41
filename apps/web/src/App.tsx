/** Providers (query, antd locale + theme, router) and the route table. */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { useMemo, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router-dom';
import { createQueryClient } from './api/queryClient';
import { LoginPage } from './auth/LoginPage';
import { SignUpPage } from './auth/SignUpPage';
import { DirectoryPage } from './companies/DirectoryPage';
import { ImportCompaniesPage } from './companies/ImportCompaniesPage';
import { MyCompanyPage } from './companies/MyCompanyPage';
import { HomePage } from './home/HomePage';
import { NotFoundPage } from './home/NotFoundPage';
import { antdLocaleFor } from './i18n/antdLocale';
import { useLocale } from './i18n/useLocale';
import { AppLayout } from './layout/AppLayout';
import { PeoplePage } from './people/PeoplePage';

const theme = {
  token: { colorPrimary: '#1f4e8c', borderRadius: 6 },
};

function CompanyRedirect() {
  const { id } = useParams();
  return <Navigate to={`/companies?open=${encodeURIComponent(id ?? '')}`} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="my-company" element={<MyCompanyPage />} />
        <Route path="companies" element={<DirectoryPage />} />
        <Route path="companies/import" element={<ImportCompaniesPage />} />
        <Route path="companies/:id" element={<CompanyRedirect />} />
        <Route path="people" element={<PeoplePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { locale } = useLocale();
  const antdLocale = useMemo(() => antdLocaleFor(locale), [locale]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={antdLocale} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
