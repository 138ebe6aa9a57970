import { createBrowserRouter } from "react-router";
import { AppShell } from "./components/app-shell.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { SignInPage } from "./pages/sign-in-page.tsx";

// Each page is its own chunk, loaded on first visit, so the first screen stays small.
export const router = createBrowserRouter([
  { path: "/signin", Component: SignInPage },
  {
    path: "/",
    Component: AppShell,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import("./pages/home-page.tsx")).HomePage }),
      },
      {
        path: "account",
        lazy: async () => ({ Component: (await import("./pages/account-page.tsx")).AccountPage }),
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
      {
        path: "agencies/:agencyId/:fiscalYear/documents",
        lazy: async () => ({
          Component: (await import("./pages/documents-page.tsx")).DocumentsPage,
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
