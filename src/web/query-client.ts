import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api/api-error.ts";

/** The app's one query cache, shared by the components and the routes that start fetches early. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refused request (4xx) will not succeed by repeating it; a network hiccup may.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400) && count < 2,
    },
  },
});
