import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { LEVEL_CODINGS } from "@hcp/domain";
import type { TProvinceExportConfig } from "@hcp/domain";

import { FieldError, InlineError } from "../../components/StatusMessages";
import { provinceStrings } from "./strings";

const t = provinceStrings;

/** The form's own shape: channel codes as optional numbers, folded into the domain's map on submit. */
const ZProvinceConfigForm = z.object({
  enabled: z.boolean(),
  endpoint: z
    .string()
    .trim()
    .max(500, { error: t.endpointInvalid })
    .refine((value) => value === "" || /^https?:\/\/\S+$/.test(value), { error: t.endpointInvalid }),
  channel6: z.union([z.nan(), z.number().int({ error: t.codeInvalid }).min(1, { error: t.codeInvalid }).max(99, { error: t.codeInvalid })]),
  channel7: z.union([z.nan(), z.number().int({ error: t.codeInvalid }).min(1, { error: t.codeInvalid }).max(99, { error: t.codeInvalid })]),
  levelCoding: z.enum(LEVEL_CODINGS),
  dataSource: z.string().trim().regex(/^\d{0,8}$/, { error: t.dataSourceInvalid }),
  timeoutMs: z.number({ error: t.timeoutInvalid }).int({ error: t.timeoutInvalid }).min(1000, { error: t.timeoutInvalid }).max(60_000, { error: t.timeoutInvalid }),
});
type TProvinceConfigForm = z.infer<typeof ZProvinceConfigForm>;

function toForm(config: TProvinceExportConfig): TProvinceConfigForm {
  return {
    enabled: config.enabled,
    endpoint: config.endpoint,
    channel6: config.channelMap["6"] ?? Number.NaN,
    channel7: config.channelMap["7"] ?? Number.NaN,
    levelCoding: config.levelCoding,
    dataSource: config.dataSource,
    timeoutMs: config.timeoutMs,
  };
}

function fromForm(form: TProvinceConfigForm): TProvinceExportConfig {
  const channelMap: TProvinceExportConfig["channelMap"] = {};
  if (!Number.isNaN(form.channel6)) channelMap["6"] = form.channel6;
  if (!Number.isNaN(form.channel7)) channelMap["7"] = form.channel7;
  return { enabled: form.enabled, endpoint: form.endpoint, channelMap, levelCoding: form.levelCoding, dataSource: form.dataSource, timeoutMs: form.timeoutMs };
}

export interface ProvinceConfigFormProps {
  value: TProvinceExportConfig;
  editable: boolean;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  saved: boolean;
  onSubmit: (config: TProvinceExportConfig) => void;
}

/** 对接设置: endpoint, the province's codes for channels 6 and 7, level coding, source code, timeout. */
export function ProvinceConfigForm({ value, editable, pending, error, saved, onSubmit }: ProvinceConfigFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TProvinceConfigForm>({ resolver: zodResolver(ZProvinceConfigForm), values: toForm(value) });
  const invalid = (message: string | undefined) => (message ? true : undefined);

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit((form) => onSubmit(fromForm(form)))(event)}>
      <fieldset disabled={!editable || pending} className="field-grid">
        <div className="field">
          <label>
            <input type="checkbox" {...register("enabled")} /> {t.enabled}
          </label>
        </div>
        <div className="field">
          <label htmlFor="province-endpoint">{t.endpoint}</label>
          <input
            id="province-endpoint"
            type="url"
            aria-invalid={invalid(errors.endpoint?.message)}
            aria-describedby="province-endpoint-help province-endpoint-error"
            {...register("endpoint")}
          />
          <p id="province-endpoint-help" className="muted small">
            {t.endpointHelp}
          </p>
          <FieldError id="province-endpoint-error" message={errors.endpoint?.message} />
        </div>
        {(["channel6", "channel7"] as const).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`province-${field}`}>{field === "channel6" ? t.channel6 : t.channel7}</label>
            <input
              id={`province-${field}`}
              type="number"
              inputMode="numeric"
              className="input-short"
              aria-invalid={invalid(errors[field]?.message)}
              aria-describedby={`province-${field}-error`}
              {...register(field, { valueAsNumber: true })}
            />
            <FieldError id={`province-${field}-error`} message={errors[field]?.message} />
          </div>
        ))}
        <p className="muted small">{t.channelHelp}</p>
        <div className="field">
          <label htmlFor="province-level-coding">{t.levelCoding}</label>
          <select id="province-level-coding" {...register("levelCoding")}>
            {LEVEL_CODINGS.map((coding) => (
              <option key={coding} value={coding}>
                {t.levelCodings[coding]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="province-data-source">{t.dataSource}</label>
          <input
            id="province-data-source"
            className="input-short"
            inputMode="numeric"
            aria-invalid={invalid(errors.dataSource?.message)}
            aria-describedby="province-data-source-error"
            {...register("dataSource")}
          />
          <FieldError id="province-data-source-error" message={errors.dataSource?.message} />
        </div>
        <div className="field">
          <label htmlFor="province-timeout">{t.timeoutMs}</label>
          <input
            id="province-timeout"
            type="number"
            inputMode="numeric"
            className="input-short"
            aria-invalid={invalid(errors.timeoutMs?.message)}
            aria-describedby="province-timeout-error"
            {...register("timeoutMs", { valueAsNumber: true })}
          />
          <FieldError id="province-timeout-error" message={errors.timeoutMs?.message} />
        </div>
      </fieldset>
      {editable ? (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
            {t.save}
          </button>
          <span className="muted" role="status">
            {pending ? t.saving : saved ? t.saved : null}
          </span>
        </div>
      ) : (
        <p className="muted">{t.readOnly}</p>
      )}
      <InlineError message={error} />
    </form>
  );
}
