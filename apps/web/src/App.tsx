/** Providers (query, antd locale + theme, router) and the route table. */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router-dom';
import { createQueryClient } from './api/queryClient';
import { LoginPage } from './auth/LoginPage';
import { BigScreenPage } from './ceremony/BigScreenPage';
import { DashboardPage as CeremonyDashboardPage } from './ceremony/DashboardPage';
import { ProjectPage } from './ceremony/ProjectPage';
import { ProjectsPage } from './ceremony/ProjectsPage';
import { RatesPage } from './ceremony/RatesPage';
import { ReportPage as CeremonyReportPage } from './ceremony/ReportPage';
import { RunOfShowPage } from './ceremony/RunOfShowPage';
import { SignUpPage } from './auth/SignUpPage';
import { DirectoryPage } from './companies/DirectoryPage';
import { ImportCompaniesPage } from './companies/ImportCompaniesPage';
import { MyCompanyPage } from './companies/MyCompanyPage';
import { ConsolePage } from './console/ConsolePage';
import { CheckInPage } from './console/CheckInPage';
import { EditEventPage, NewEventPage } from './console/EventEditorPage';
import { EventPage } from './events/EventPage';
import { EventsPage } from './events/EventsPage';
import { BoothEditorPage } from './exhibition/BoothEditorPage';
import { BoothPage } from './exhibition/BoothPage';
import { ExhibitionHallPage } from './exhibition/ExhibitionHallPage';
import { LeadsPage } from './exhibition/LeadsPage';
import { DealBoardPage } from './deals/DealBoardPage';
import { DealPage } from './deals/DealPage';
import { MyDealsPage } from './deals/MyDealsPage';
import { SigningMeetingPage } from './deals/signing/SigningMeetingPage';
import { HomePage } from './home/HomePage';
import { NotFoundPage } from './home/NotFoundPage';
import { antdLocaleFor } from './i18n/antdLocale';
import { useLocale } from './i18n/useLocale';
import { AppLayout } from './layout/AppLayout';
import { EventChatPage } from './live/EventChatPage';
import { LiveRoomPage } from './live/LiveRoomPage';
import { MatchmakingConsolePage } from './matchmaking/MatchmakingConsolePage';
import { MatchmakingHubPage } from './matchmaking/MatchmakingHubPage';
import { MatchmakingPage } from './matchmaking/MatchmakingPage';
import { MeetingPage } from './matchmaking/MeetingPage';
import { TableSheetsPage } from './matchmaking/TableSheetsPage';
import { PeoplePage } from './people/PeoplePage';
import { MyDataPage } from './privacy/MyDataPage';
import { PolicyPage } from './privacy/PolicyPage';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/**
 * Follows the system's "reduce motion" setting. With motion off antd also drops its enter/leave
 * animations, which matters beyond comfort: a button whose loading spinner is still "leaving"
 * keeps it in the accessibility tree, and screen readers would announce "loading Import".
 */
function usePrefersReducedMotion(): boolean {
  const query = useMemo(() => (typeof window.matchMedia === 'function' ? window.matchMedia(REDUCED_MOTION) : null), []);
  return useSyncExternalStore(
    (onChange) => {
      query?.addEventListener('change', onChange);
      return () => query?.removeEventListener('change', onChange);
    },
    () => query?.matches ?? false,
  );
}

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
        <Route path="privacy" element={<PolicyPage />} />
        <Route path="me/privacy" element={<MyDataPage />} />
        <Route path="my-company" element={<MyCompanyPage />} />
        <Route path="companies" element={<DirectoryPage />} />
        <Route path="companies/import" element={<ImportCompaniesPage />} />
        <Route path="companies/:id" element={<CompanyRedirect />} />
        <Route path="people" element={<PeoplePage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/:id" element={<EventPage />} />
        <Route path="events/:id/check-in" element={<CheckInPage />} />
        <Route path="events/:id/matchmaking" element={<MatchmakingPage />} />
        <Route path="matchmaking" element={<MatchmakingHubPage />} />
        <Route path="meetings/:id" element={<MeetingPage />} />
        <Route path="events/:id/exhibition" element={<ExhibitionHallPage />} />
        <Route path="events/:id/chat" element={<EventChatPage />} />
        <Route path="events/:id/booths/:companyId" element={<BoothPage />} />
        <Route path="events/:id/booths/:companyId/edit" element={<BoothEditorPage />} />
        <Route path="events/:id/booths/:companyId/leads" element={<LeadsPage />} />
        <Route path="live/sessions/:sessionId" element={<LiveRoomPage />} />
        <Route path="console" element={<ConsolePage />} />
        <Route path="console/events/new" element={<NewEventPage />} />
        <Route path="console/events/:id" element={<EditEventPage />} />
        <Route path="console/events/:id/matchmaking" element={<MatchmakingConsolePage />} />
        <Route path="console/events/:id/matchmaking/sheets" element={<TableSheetsPage />} />
        {/* ceremony: the project catalogue, exchange rates, the run-of-show and its reports */}
        <Route path="projects" element={<ProjectsPage />} />
        <Route path="projects/:id" element={<ProjectPage />} />
        <Route path="console/exchange-rates" element={<RatesPage />} />
        <Route path="console/events/:id/ceremony" element={<RunOfShowPage />} />
        <Route path="console/events/:id/ceremony/report" element={<CeremonyReportPage />} />
        <Route path="console/events/:id/ceremony/dashboard" element={<CeremonyDashboardPage />} />
        {/* end ceremony */}
        {/* Deals and signing meetings */}
        <Route path="deals" element={<MyDealsPage />} />
        <Route path="deals/board" element={<DealBoardPage />} />
        <Route path="deals/:id" element={<DealPage />} />
        <Route path="signing-meetings/:id" element={<SigningMeetingPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {/* ceremony: the big screen has no app chrome */}
      <Route path="events/:id/big-screen" element={<BigScreenPage />} />
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { locale } = useLocale();
  const antdLocale = useMemo(() => antdLocaleFor(locale), [locale]);
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(
    () => ({ token: { colorPrimary: '#1f4e8c', borderRadius: 6, motion: !reducedMotion } }),
    [reducedMotion],
  );
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
