import "@fontsource/sarabun/thai-400.css";
import "@fontsource/sarabun/thai-700.css";
import "@fontsource/sarabun/latin-400.css";
import "@fontsource/sarabun/latin-700.css";
import "./styles/app.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { meQuery } from "./api/queries.ts";
import { initI18n } from "./i18n/i18n.ts";
import { queryClient } from "./query-client.ts";
import { router } from "./router.tsx";

// Who is signed in: the early request's answer when the entry started one.
void queryClient.prefetchQuery(meQuery);

const root = document.getElementById("root");
if (root) {
  await initI18n();
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
