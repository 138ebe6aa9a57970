import { createBrowserRouter } from "react-router";
import { AppShell } from "./components/app-shell.tsx";
import { addressParams } from "./pages/national/national-params.ts";
import { nationalOverviewQuery } from "./pages/national/use-national-overview.ts";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { RouteErrorPage } from "./pages/route-error-page.tsx";
import { SignInPage } from "./pages/sign-in-page.tsx";
import { queryClient } from "./query-client.ts";

// Each page is its own chunk, loaded on first visit, so the first screen stays small.
export const router = createBrowserRouter([
  { path: "/signin", Component: SignInPage, ErrorBoundary: RouteErrorPage },
  {
    path: "/",
    Component: AppShell,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        // Inside the shell, so a failing page keeps the header and the year's navigation.
        ErrorBoundary: RouteErrorPage,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import("./pages/home-page.tsx")).HomePage }),
          },
          {
            path: "account",
            lazy: async () => ({
              Component: (await import("./pages/account-page.tsx")).AccountPage,
            }),
          },
          {
            path: "national",
            // The figures are asked for while the page's code loads, not after it.
            loader: ({ request }) => {
              prefetchNationalOverview(new URL(request.url).searchParams);
              return null;
            },
            lazy: async () => ({
              Component: (await import("./pages/national-page.tsx")).NationalPage,
            }),
          },
          {
            path: "agencies/:agencyId",
            lazy: async () => ({
              Component: (await import("./pages/agency-home-page.tsx")).AgencyHomePage,
            }),
          },
          {
            path: "agencies/:agencyId/settings",
            lazy: async () => ({
              Component: (await import("./pages/agency-settings-page.tsx")).AgencySettingsPage,
            }),
          },
          {
            path: "agencies/:agencyId/:fiscalYear",
            lazy: async () => ({
              Component: (await import("./pages/year-dashboard-page.tsx")).YearDashboardPage,
            }),
          },
        ],
      },
      {
        path: "agencies/:agencyId/:fiscalYear/measures",
        lazy: async () => ({
          Component: (await import("./pages/measures-page.tsx")).MeasuresPage,
        }),
      },
      {
        path: "agencies/:agencyId/:fiscalYear/progress",
        lazy: async () => ({
          Component: (await import("./pages/progress-page.tsx")).ProgressPage,
        }),
      },
      {
        path: "agencies/:agencyId/:fiscalYear/results",
        lazy: async () => ({
          Component: (await import("./pages/results-page.tsx")).ResultsPage,
        }),
      },
      {
        path: "agencies/:agencyId/:fiscalYear/analysis",
        lazy: async () => ({
          Component: (await import("./pages/analysis-page.tsx")).AnalysisPage,
        }),
      },
      {
        path: "agencies/:agencyId/:fiscalYear/analysis/:indicator",
        lazy: async () => ({
          Component: (await import("./pages/analysis-indicator-page.tsx")).AnalysisIndicatorPage,
        }),
      },
      {
        path: "agencies/:agencyId/:fiscalYear/documents",
        lazy: async () => ({
          Component: (await import("./pages/documents-page.tsx")).DocumentsPage,
        }),
      },
      {
        path: "agencies/:agencyId/:fiscalYear/surveys",
        lazy: async () => ({
          Component: (await import("./pages/surveys-page.tsx")).SurveysPage,
        }),
      },
      {
        path: "agencies/:agencyId/:fiscalYear/oit",
        lazy: async () => ({
          Component: (await import("./pages/oit-page.tsx")).OitPage,
        }),
      },
      {
        path: "agencies/:agencyId/:fiscalYear/audit",
        lazy: async () => ({
          Component: (await import("./pages/audit-page.tsx")).AuditPage,
        }),
      },
    ],
  },
  { path: "*", Component: NotFoundPage },
]);

function prefetchNationalOverview(search: URLSearchParams): void {
  void queryClient.prefetchQuery(nationalOverviewQuery(addressParams(search, new Date())));
}
