import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useMayCall } from "../auth/useMayCall";
import { RankingSettingsForm } from "./RankingSettingsForm";
import { performanceStrings } from "./strings";

/** 排名设置: hall managers and administrators change the weights; other readers see them. */
export function RankingSettingsPage() {
  const t = performanceStrings;
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.performance.rankingSettings.queryOptions());
  const [saved, setSaved] = useState<string | null>(null);
  const update = useMutation(
    trpc.performance.updateRankingSettings.mutationOptions({
      onSuccess: async (next) => {
        queryClient.setQueryData(trpc.performance.rankingSettings.queryKey(), next);
        // Every ranking computed with the old weights is stale.
        await queryClient.invalidateQueries({ queryKey: trpc.performance.windows.pathKey() });
        setSaved(t.saved);
      },
    }),
  );
  const canEdit = useMayCall("performance.updateRankingSettings");

  return (
    <>
      <PageHeading title={t.settingsTitle}>
        <Link to="/performance" className="back-link">
          {t.backToRanking}
        </Link>
      </PageHeading>
      <section className="panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading" className="sr-only">
          {t.settingsTitle}
        </h2>
        <p>{t.settingsIntro}</p>
        {canEdit ? null : <p className="notice notice-info">{t.readOnly}</p>}
        <QueryView query={settings}>
          {(value) => (
            <fieldset disabled={!canEdit} className="plain-fieldset">
              <RankingSettingsForm
                value={value}
                pending={update.isPending}
                error={update.isError ? errorMessage(update.error) : null}
                saved={saved}
                onSubmit={(next) => {
                  setSaved(null);
                  update.mutate(next);
                }}
              />
            </fieldset>
          )}
        </QueryView>
      </section>
    </>
  );
}
