import { startEarly } from "./api/early-requests.ts";
import { addressParams, overviewPath } from "./pages/national/national-params.ts";

// The page's entry, tiny and run before the app's code has loaded: the requests the first
// screen needs are on their way while the browser still fetches and parses the rest.
startEarly("/api/auth/me");
if (location.pathname === "/national") {
  startEarly(overviewPath(addressParams(new URLSearchParams(location.search), new Date())));
  // The page's own code too; the router's later import of it finds it loading or loaded.
  void import("./pages/national-page.tsx");
}

// The app itself, loaded now that the first screen's requests are on their way.
void import("./app.tsx");
