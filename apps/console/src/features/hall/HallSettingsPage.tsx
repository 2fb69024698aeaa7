import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { HallSettingsForm } from "./HallSettingsForm";
import { LogoPanel } from "./LogoPanel";
import { hallStrings as t } from "./strings";

/** 大厅设置 (administrators edit; hall managers and 督查 read): name, area code, address, opening hours, logo. */
export function HallSettingsPage() {
  const queryClient = useQueryClient();
  const editable = useCurrentUser()?.role === "admin";
  const settings = useQuery(trpc.hall.settings.queryOptions());
  const logo = useQuery(trpc.hall.logo.queryOptions());
  const [removing, setRemoving] = useState(false);
  const invalidate = () => queryClient.invalidateQueries(trpc.hall.pathFilter());
  const save = useMutation(trpc.hall.update.mutationOptions({ onSuccess: () => void invalidate() }));
  const setLogo = useMutation(trpc.hall.setLogo.mutationOptions({ onSuccess: () => void invalidate() }));
  const removeLogo = useMutation(trpc.hall.removeLogo.mutationOptions({ onSuccess: () => void invalidate() }));
  const logoError = setLogo.isError
    ? errorMessage(setLogo.error)
    : removeLogo.isError
      ? errorMessage(removeLogo.error)
      : null;

  return (
    <>
      <PageHeading title={t.title} />
      <p className="muted">{t.intro}</p>
      <section className="panel" aria-labelledby="hall-settings-heading">
        <h2 id="hall-settings-heading">{t.settingsSection}</h2>
        <QueryView query={settings}>
          {(value) => (
            <>
              <p className="muted" data-testid="hall-hours-text">
                {t.preview(value.openingHoursText)}
              </p>
              <HallSettingsForm
                value={{
                  name: value.name,
                  regionCode: value.regionCode,
                  address: value.address,
                  openingHours: value.openingHours,
                }}
                editable={editable}
                pending={save.isPending}
                error={save.isError ? errorMessage(save.error) : null}
                saved={save.isSuccess}
                onSubmit={(next) => save.mutate(next)}
              />
            </>
          )}
        </QueryView>
      </section>
      <section className="panel" aria-labelledby="hall-logo-heading">
        <h2 id="hall-logo-heading">{t.logoSection}</h2>
        <QueryView query={logo}>
          {(value) => (
            <LogoPanel
              logo={value?.dataUrl ?? null}
              editable={editable}
              pending={setLogo.isPending || removeLogo.isPending}
              error={logoError}
              done={setLogo.isSuccess ? t.logoUploaded : null}
              onUpload={(content) => {
                removeLogo.reset();
                setLogo.mutate({ content });
              }}
              onRemove={() => setRemoving(true)}
            />
          )}
        </QueryView>
      </section>
      {removing ? (
        <ConfirmDialog
          title={t.logoRemoveTitle}
          body={t.logoRemoveBody}
          confirmLabel={t.logoRemoveConfirm}
          onConfirm={() => {
            setLogo.reset();
            removeLogo.mutate();
            setRemoving(false);
          }}
          onCancel={() => setRemoving(false)}
        />
      ) : null}
    </>
  );
}
