import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { API_RATE_LIMIT_DEFAULT, API_SCOPE_KEYS, ZApiClientCreate } from "@hcp/domain";
import type { TApiClientCreate, TApiScope } from "@hcp/domain";

import { FieldError, InlineError } from "../../components/StatusMessages";
import { apiClientStrings as t } from "./strings";

/** The form's own shape: checkboxes give strings, the number field a number; the domain's schema judges the rest. */
const ZApiClientForm = z.object({
  name: ZApiClientCreate.shape.name,
  hallIds: z.array(z.string()).min(1, { error: t.hallsRequired }),
  scopes: ZApiClientCreate.shape.scopes,
  rateLimitPerMinute: z.number({ error: t.rateLimitInvalid }).int({ error: t.rateLimitInvalid }).min(1, { error: t.rateLimitInvalid }).max(10_000, { error: t.rateLimitInvalid }),
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
    defaultValues: { name: "", hallIds: halls.length === 1 ? [String(halls[0]?.id)] : [], scopes: [] as TApiScope[], rateLimitPerMinute: API_RATE_LIMIT_DEFAULT },
  });
  const invalid = (message: string | undefined) => (message ? true : undefined);
  const submit = (form: TApiClientForm) => onCreate({ ...form, hallIds: form.hallIds.map(Number) });

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(submit)(event)}>
      <fieldset disabled={pending} className="field-grid">
        <div className="field">
          <label htmlFor="api-client-name">{t.name}</label>
          <input id="api-client-name" aria-invalid={invalid(errors.name?.message)} aria-describedby="api-client-name-help api-client-name-error" {...register("name")} />
          <p id="api-client-name-help" className="muted small">
            {t.nameHelp}
          </p>
          <FieldError id="api-client-name-error" message={errors.name?.message} />
        </div>
        <fieldset className="field" aria-describedby="api-client-halls-error">
          <legend>{t.halls}</legend>
          {halls.map((hall) => (
            <label key={hall.id}>
              <input type="checkbox" value={String(hall.id)} {...register("hallIds")} /> {hall.name}
            </label>
          ))}
          <FieldError id="api-client-halls-error" message={errors.hallIds?.message} />
        </fieldset>
        <fieldset className="field" aria-describedby="api-client-scopes-error">
          <legend>{t.scopes}</legend>
          {API_SCOPE_KEYS.map((scope) => (
            <label key={scope}>
              <input type="checkbox" value={scope} {...register("scopes")} /> <span className="mono">{scope}</span> {t.scopeLabels[scope]}
            </label>
          ))}
          <FieldError id="api-client-scopes-error" message={errors.scopes?.message} />
        </fieldset>
        <div className="field">
          <label htmlFor="api-client-rate-limit">{t.rateLimit}</label>
          <input
            id="api-client-rate-limit"
            type="number"
            inputMode="numeric"
            className="input-short"
            aria-invalid={invalid(errors.rateLimitPerMinute?.message)}
            aria-describedby="api-client-rate-limit-help api-client-rate-limit-error"
            {...register("rateLimitPerMinute", { valueAsNumber: true })}
          />
          <p id="api-client-rate-limit-help" className="muted small">
            {t.rateLimitHelp}
          </p>
          <FieldError id="api-client-rate-limit-error" message={errors.rateLimitPerMinute?.message} />
        </div>
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
