import { useQuery } from "@tanstack/react-query";

import type { TSessionUser } from "../../lib/api-types";
import { trpc } from "../../lib/trpc";

/** The signed-in user from the `auth.me` cache the route guard filled; null once signed out. */
export function useCurrentUser(): TSessionUser | null {
  const { data } = useQuery(trpc.auth.me.queryOptions());
  return data ?? null;
}
