import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm } from "react-hook-form";

import { InlineError } from "../../../components/StatusMessages";
import type { TSessionUser } from "../../../lib/api-types";
import { errorMessage } from "../../../lib/errors";
import { trpc } from "../../../lib/trpc";
import { countyScopeStrings as t } from "./strings";
import { useActIn } from "./useActIn";

import "./hall-switcher.css";

interface TSwitchForm {
  hallId: string;
}

/**
 * 切换大厅, in the header of a county user: the halls of the county in county order (village points
 * under their township). A switch changes the hall of this session (county.actIn); every screen's
 * data is then read again for the chosen hall, `auth.me` first so the frame never lacks a user.
 */
export function HallSwitcher({ user }: { user: TSessionUser }) {
  const scope = useQuery(trpc.county.scope.queryOptions());
  const { register, handleSubmit, reset, formState } = useForm<TSwitchForm>({
    defaultValues: { hallId: String(user.hallId) },
  });
  useEffect(() => reset({ hallId: String(user.hallId) }), [reset, user.hallId]);
  const actIn = useActIn();
  const halls = scope.data?.halls ?? [];
  if (!user.county || halls.length === 0) return null;
  const submit = handleSubmit((form) => actIn.mutate({ hallId: Number(form.hallId) }));
  return (
    <form className="hall-switcher" onSubmit={(event) => void submit(event)} title={t.hint(user.county.name)}>
      <label htmlFor="hall-switcher-hall">{t.label}</label>
      <select
        id="hall-switcher-hall"
        aria-invalid={formState.errors.hallId ? true : undefined}
        {...register("hallId", { required: t.choose })}
      >
        {halls.map((hall) => (
          <option key={hall.id} value={hall.id}>
            {hall.kind === "village_point" ? `${t.villageIndent}${hall.name}` : hall.name}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-on-dark" disabled={actIn.isPending}>
        {actIn.isPending ? t.switching : t.switch}
      </button>
      <InlineError message={formState.errors.hallId?.message ?? (actIn.isError ? errorMessage(actIn.error) : null)} />
    </form>
  );
}
