import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { LEVEL_CODINGS, type TProvinceExportConfig } from "@hcp/domain";

import { Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
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
  channel6: z.union([
    z.nan(),
    z.number().int({ error: t.codeInvalid }).min(1, { error: t.codeInvalid }).max(99, { error: t.codeInvalid }),
  ]),
  channel7: z.union([
    z.nan(),
    z.number().int({ error: t.codeInvalid }).min(1, { error: t.codeInvalid }).max(99, { error: t.codeInvalid }),
  ]),
  levelCoding: z.enum(LEVEL_CODINGS),
  dataSource: z
    .string()
    .trim()
    .regex(/^\d{0,8}$/, { error: t.dataSourceInvalid }),
  timeoutMs: z
    .number({ error: t.timeoutInvalid })
    .int({ error: t.timeoutInvalid })
    .min(1000, { error: t.timeoutInvalid })
    .max(60_000, { error: t.timeoutInvalid }),
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
  return {
    enabled: form.enabled,
    endpoint: form.endpoint,
    channelMap,
    levelCoding: form.levelCoding,
    dataSource: form.dataSource,
    timeoutMs: form.timeoutMs,
  };
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

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void handleSubmit((form) => onSubmit(fromForm(form)))(event)}
    >
      <fieldset disabled={!editable || pending} className="field-grid">
        <div className="field">
          <label>
            <input type="checkbox" {...register("enabled")} /> {t.enabled}
          </label>
        </div>
        <Field id="province-endpoint" label={t.endpoint} hint={t.endpointHelp} error={errors.endpoint?.message}>
          {(control) => <input {...control} type="url" {...register("endpoint")} />}
        </Field>
        {(["channel6", "channel7"] as const).map((field) => (
          <Field
            key={field}
            id={`province-${field}`}
            label={field === "channel6" ? t.channel6 : t.channel7}
            error={errors[field]?.message}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                className="input-short"
                {...register(field, { valueAsNumber: true })}
              />
            )}
          </Field>
        ))}
        <p className="muted small">{t.channelHelp}</p>
        <Field id="province-level-coding" label={t.levelCoding}>
          {(control) => (
            <select {...control} {...register("levelCoding")}>
              {LEVEL_CODINGS.map((coding) => (
                <option key={coding} value={coding}>
                  {t.levelCodings[coding]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="province-data-source" label={t.dataSource} error={errors.dataSource?.message}>
          {(control) => <input {...control} className="input-short" inputMode="numeric" {...register("dataSource")} />}
        </Field>
        <Field id="province-timeout" label={t.timeoutMs} error={errors.timeoutMs?.message}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              className="input-short"
              {...register("timeoutMs", { valueAsNumber: true })}
            />
          )}
        </Field>
      </fieldset>
      {editable ? (
        <SubmitRow label={t.save} pending={pending} pendingLabel={t.saving} done={saved ? t.saved : null} />
      ) : (
        <p className="muted">{t.readOnly}</p>
      )}
      <InlineError message={error} />
    </form>
  );
}
