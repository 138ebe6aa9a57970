// Chromium's switches for every launch (PDFs, browser tests, benchmarks).

/**
 * Features kept off. Chromium reads only the last --disable-features switch, so this list
 * replaces the launcher's own and repeats the ones that matter here. It adds the address bar's
 * popup, which Chromium 151 and later pre-renders for every window, headless too: a renderer
 * busy for about a second of CPU each time, beside the page, on a two-core machine.
 */
const DISABLED_FEATURES = [
  "WebUIOmniboxPopup",
  "WebUIOmniboxAimPopup",
  // No requests to outside services at start-up (the server has no internet).
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "MediaRouter",
  "LensOverlay",
  // The local server is plain HTTP and must stay so.
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  // As the launcher sets them, for predictable pages and clean shutdowns.
  "PaintHolding",
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
];

// The server has no internet: these keep Chromium from reaching out (updates, sync, QUIC probes).
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--disable-features=${DISABLED_FEATURES.join(",")}`,
];
