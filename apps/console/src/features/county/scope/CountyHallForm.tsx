import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { HALL_KINDS, ZCountyHallForm, type TCountyHallForm } from "@hcp/domain";

import { Field } from "../../../components/Field";
import { InlineError } from "../../../components/StatusMessages";
import { SubmitRow } from "../../../components/SubmitRow";
import type { TCountyHallRow } from "../../../lib/api-types";
import { countyScopeStrings as t } from "./strings";

type TCountyHallInput = z.input<typeof ZCountyHallForm>;

export interface CountyHallFormProps {
  /** the hall being edited (its kind stays); none: a new township or village point */
  hall?: TCountyHallRow;
  countyName: string;
  townships: readonly TCountyHallRow[];
  pending: boolean;
  done: string | null;
  error: string | null;
  onSubmit: (form: TCountyHallForm) => void;
}

/** 新增大厅 / 编辑大厅: name, kind, 12-digit area code, a village point's township, the list position. */
export function CountyHallForm({ hall, countyName, townships, pending, done, error, onSubmit }: CountyHallFormProps) {
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<TCountyHallInput, unknown, TCountyHallForm>({
    resolver: zodResolver(ZCountyHallForm),
    defaultValues: {
      name: hall?.name ?? "",
      kind: hall?.kind ?? "township_centre",
      areaCode: hall?.areaCode ?? "",
      parentHallId: hall?.parentHallId ?? null,
      sortOrder: hall?.sortOrder ?? 0,
    },
  });
  const kind = watch("kind");
  const idPrefix = hall ? `county-hall-${hall.id}` : "county-hall-new";
  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate>
      <Field id={`${idPrefix}-name`} label={t.name} error={errors.name?.message}>
        {(control) => <input {...control} {...register("name")} />}
      </Field>
      {hall ? (
        <p className="muted">
          {t.kind}：{HALL_KINDS[hall.kind]}
        </p>
      ) : (
        <Field id={`${idPrefix}-kind`} label={t.kind} error={errors.kind?.message}>
          {(control) => (
            <select {...control} {...register("kind")}>
              {(["township_centre", "village_point"] as const).map((value) => (
                <option key={value} value={value}>
                  {HALL_KINDS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        id={`${idPrefix}-area-code`}
        label={t.areaCode}
        hint={t.areaCodeHint(countyName)}
        error={errors.areaCode?.message}
      >
        {(control) => <input {...control} inputMode="numeric" maxLength={12} {...register("areaCode")} />}
      </Field>
      {kind === "village_point" ? (
        <Field id={`${idPrefix}-parent`} label={t.parent} error={errors.parentHallId?.message}>
          {(control) => (
            <select
              {...control}
              {...register("parentHallId", { setValueAs: (value: string) => (value === "" ? null : Number(value)) })}
            >
              <option value="">{t.noParent}</option>
              {townships.map((township) => (
                <option key={township.id} value={township.id}>
                  {township.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field id={`${idPrefix}-sort`} label={t.sortOrder} hint={t.sortOrderHint} error={errors.sortOrder?.message}>
        {(control) => <input {...control} type="number" {...register("sortOrder", { valueAsNumber: true })} />}
      </Field>
      <InlineError message={error} />
      <SubmitRow
        label={hall ? t.save : t.create}
        pending={pending}
        pendingLabel={hall ? t.saving : t.creating}
        done={done}
      />
    </form>
  );
}
