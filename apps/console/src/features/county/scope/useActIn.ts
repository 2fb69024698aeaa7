import { hashKey, useMutation, useQueryClient } from "@tanstack/react-query";

import { trpc } from "../../../lib/trpc";

/**
 * county.actIn: the session works in another hall of the county from now on. `auth.me` is read
 * again first so the frame never lacks a user, then every other query is reset: the other hall's
 * figures must not show under the new one while they load again.
 */
export function useActIn() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.county.actIn.mutationOptions({
      onSuccess: async () => {
        await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 0 });
        const meHash = hashKey(trpc.auth.me.queryKey());
        await queryClient.resetQueries({ predicate: (query) => query.queryHash !== meHash });
      },
    }),
  );
}
