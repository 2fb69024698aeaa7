import { mayCall, type TProcedurePath } from "@hcp/domain";

import { useCurrentUser } from "./useCurrentUser";

/** Whether the signed-in user may call the procedure, by the access table: what a screen offers them. */
export function useMayCall(path: TProcedurePath): boolean {
  const user = useCurrentUser();
  return user !== null && mayCall(user.role, path);
}
