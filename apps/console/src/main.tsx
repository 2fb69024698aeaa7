import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { isUnauthenticated } from "./lib/errors";
import { queryClient } from "./lib/query-client";
import { trpc } from "./lib/trpc";
import { router } from "./router";

import "./styles.css";

/**
 * A session can end while a page is open (expiry, sign-out in another tab). Any call refused as
 * UNAUTHENTICATED then marks `auth.me` as null, and the signed-in frame sends the user to 登录.
 */
function watchSession(): void {
  const signedOut = (error: unknown) => {
    if (isUnauthenticated(error)) queryClient.setQueryData(trpc.auth.me.queryKey(), null);
  };
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === "updated" && event.action.type === "error") signedOut(event.action.error);
  });
  queryClient.getMutationCache().subscribe((event) => {
    if (event.type === "updated" && event.action.type === "error") signedOut(event.action.error);
  });
}

watchSession();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
