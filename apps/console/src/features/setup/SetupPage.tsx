import { useQuery } from "@tanstack/react-query";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { SetupChecklist } from "./SetupChecklist";
import { setupStrings as t } from "./strings";

/** 开始设置: the guided first setup, with what the hall still lacks before it can take ratings. */
export function SetupPage() {
  const user = useCurrentUser();
  // Read afresh each time the page opens: the steps are done on other screens.
  const status = useQuery({ ...trpc.setup.status.queryOptions(), staleTime: 0 });
  if (!user) return null;
  return (
    <>
      <PageHeading title={t.title} />
      <p className="muted">{t.intro}</p>
      <QueryView query={status}>{(value) => <SetupChecklist status={value} role={user.role} />}</QueryView>
    </>
  );
}
