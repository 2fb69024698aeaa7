import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { API_RATE_LIMIT_DEFAULT, API_SCOPE_KEYS, ZApiClientCreate, type TApiClientCreate } from "@hcp/domain";

import { ChoiceGroup, Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { apiClientStrings as t } from "./strings";

/** The form's own shape: checkboxes give strings, the number field a number; the domain's schema judges the rest. */
const ZApiClientForm = z.object({
  name: ZApiClientCreate.shape.name,
  hallIds: z.array(z.string()).min(1, { error: t.hallsRequired }),
  scopes: ZApiClientCreate.shape.scopes,
  rateLimitPerMinute: z
    .number({ error: t.rateLimitInvalid })
    .int({ error: t.rateLimitInvalid })
    .min(1, { error: t.rateLimitInvalid })
    .max(10_000, { error: t.rateLimitInvalid }),
});
type TApiClientForm = z.infer<typeof ZApiClientForm>;

export interface ApiClientCreateFormProps {
  halls: readonly { id: number; name: string }[];
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  onCreate: (input: TApiClientCreate) => void;
}

/** 新建调用方: name, halls, scopes and the per-minute budget; the key comes back once. */
export function ApiClientCreateForm({ halls, pending, error, onCreate }: ApiClientCreateFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TApiClientForm>({
    resolver: zodResolver(ZApiClientForm),
    // A one-hall platform (the county's) has nothing to choose: its hall is ticked.
    defaultValues: {
      name: "",
      hallIds: halls.length === 1 ? [String(halls[0]?.id)] : [],
      scopes: [],
      rateLimitPerMinute: API_RATE_LIMIT_DEFAULT,
    },
  });
  const submit = (form: TApiClientForm) => onCreate({ ...form, hallIds: form.hallIds.map(Number) });

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(submit)(event)}>
      <fieldset disabled={pending} className="field-grid">
        <Field id="api-client-name" label={t.name} hint={t.nameHelp} error={errors.name?.message}>
          {(control) => <input {...control} {...register("name")} />}
        </Field>
        <ChoiceGroup
          id="api-client-halls"
          legend={t.halls}
          type="checkbox"
          inline={false}
          options={halls.map((hall) => ({ value: String(hall.id), label: <> {hall.name}</> }))}
          registration={register("hallIds")}
          error={errors.hallIds?.message}
        />
        <ChoiceGroup
          id="api-client-scopes"
          legend={t.scopes}
          type="checkbox"
          inline={false}
          options={API_SCOPE_KEYS.map((scope) => ({
            value: scope,
            label: (
              <>
                {" "}
                <span className="mono">{scope}</span> {t.scopeLabels[scope]}
              </>
            ),
          }))}
          registration={register("scopes")}
          error={errors.scopes?.message}
        />
        <Field
          id="api-client-rate-limit"
          label={t.rateLimit}
          hint={t.rateLimitHelp}
          error={errors.rateLimitPerMinute?.message}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              className="input-short"
              {...register("rateLimitPerMinute", { valueAsNumber: true })}
            />
          )}
        </Field>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
          {pending ? t.creating : t.create}
        </button>
      </div>
      <InlineError message={error} />
    </form>
  );
}
